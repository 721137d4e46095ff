"""The reaction endpoints: vote (form or fetch), the row's state as JSON, the ranking."""

import datetime
import functools

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import connection
from django.db.models import F, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import ListView

from blogsite import messages as site_messages
from blogsite.csrf import same_origin_or_csrf_token
from blogsite.reader import reader_of
from posts import protection
from posts.languages import current_language
from posts.models import Post
from posts.reactions import conf, display
from posts.reactions.models import ReactionBaseline, counts_for_post
from posts.reactions.services import (
    LoginRequired,
    ReactionLimitReached,
    ReactionRefused,
    cast_first_vote,
    cast_reaction,
)
from posts.reactions.voters import remember_anonymous_id, voter_for_request

MESSAGE_TAG = site_messages.REACTIONS  # the row shows the messages carrying this tag
KINDS_FRESH_WITHIN = 1.0  # seconds


def _wants_json(request) -> bool:
    """The script asks for JSON; a browser's form post accepts HTML first."""
    accept = request.META.get("HTTP_ACCEPT", "")  # request.headers would copy them all
    return "application/json" in accept and "text/html" not in accept


def _back_to_row(post) -> str:
    return post.get_absolute_url() + "#reactions"


def _refuse(request, post, message, *, status):
    if _wants_json(request):
        return JsonResponse({"error": str(message)}, status=status)
    if status == 400:
        # Only a tampered form gets here: say what is wrong, change nothing.
        return HttpResponse(str(message), status=400, content_type="text/plain; charset=utf-8")
    messages.warning(request, message, extra_tags=MESSAGE_TAG)
    return redirect(_back_to_row(post))


def _published_post_or_404(pk) -> Post:
    """Post.objects.published().get(pk=pk) with only what a vote reads (the status and date
    for the rules, the password for the lock, the slug and language for the way back), not
    the article's body.

    Written out once rather than built by the ORM on every vote: compiling the query cost
    more CPU than the database took to answer it. Read with a plain cursor into
    Post.from_db(), as a queryset does, without raw()'s column mapping (which cost more than
    the database took, too); the one column a driver may return unconverted is the date.
    The statuses are published_q()'s own, and tests/posts/test_one_rule_for_published.py
    runs this and Post.objects.published() on the same random rows.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            _published_post_sql(connection.vendor),
            [pk, *Post.RELEASED_STATUSES, timezone.now()],
        )
        row = cursor.fetchone()
    if row is None:
        raise Http404
    values = list(row)
    published_at = values[PUBLISHED_AT]
    if not isinstance(published_at, datetime.datetime):  # SQLite: text
        published_at = datetime.datetime.fromisoformat(published_at)
    if timezone.is_naive(published_at):  # stored in UTC (USE_TZ)
        published_at = published_at.replace(tzinfo=datetime.UTC)
    values[PUBLISHED_AT] = published_at
    return Post.from_db(connection.alias, VOTE_COLUMNS, values)


@functools.cache
def _published_post_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in VOTE_COLUMNS)
    statuses = ", ".join(["%s"] * len(Post.RELEASED_STATUSES))
    return (
        f"SELECT {columns} FROM {quote(Post._meta.db_table)} WHERE {quote('id')} = %s"
        f" AND {quote('status')} IN ({statuses}) AND {quote('published_at')} <= %s"
    )


# In the model's field order, as Post.from_db() takes them.
VOTE_COLUMNS = ("id", "language", "password", "slug", "status", "published_at")
PUBLISHED_AT = VOTE_COLUMNS.index("published_at")


@require_POST
@same_origin_or_csrf_token  # the form of a cached page carries no token
def react(request, pk):
    """Cast, switch or take back the reader's reaction to an article."""
    # One read serves the lookup and the JSON answer; this process's copy when it was found
    # current within the last second: a cache round trip less on the busiest write.
    kinds = display.active_kinds(fresh_within=KINDS_FRESH_WITHIN)
    code = request.POST.get("kind", "")
    kind = next((kind for kind in kinds if kind.code == code), None)
    if kind is None:
        post = _published_post_or_404(pk)
        return _refuse(request, post, gettext("Choose one of the reactions shown."), status=400)
    voter = voter_for_request(request, create=True)
    post = result = None
    if voter.new_anonymous_id is not None and not conf.reaction_settings.REQUIRE_LOGIN:
        # A new reader's first vote, the busiest write: the insert finds the article itself,
        # if it is published and has no password.
        try:
            result = cast_first_vote(
                post_id=pk, kind=kind, voter=voter.key, ip=request.META.get("REMOTE_ADDR")
            )
        except ReactionRefused as refusal:
            return _refused(request, _published_post_or_404(pk), refusal)
    if result is None:
        post = _published_post_or_404(pk)
        if protection.is_locked(request, post):
            return _locked(request, post)
        try:
            result = cast_reaction(
                post=post,
                kind=kind,
                voter=voter.key,
                user=voter.user,
                ip=request.META.get("REMOTE_ADDR"),
                new_voter=voter.new_anonymous_id is not None,
            )
        except ReactionRefused as refusal:
            return _refused(request, post, refusal)

    message = display.vote_message(action=result.action, kind=kind)
    if _wants_json(request):
        payload = display.state_payload(
            kinds=kinds,
            counts=result.counts,
            current_id=result.current.pk if result.current else None,
        )
        response = JsonResponse({**payload, "action": result.action, "message": message})
    else:
        if post is None:
            language, slug = result.article
            post = Post(pk=pk, language=language, slug=slug)
        messages.success(request, message, extra_tags=MESSAGE_TAG)
        response = redirect(_back_to_row(post))
    if voter.new_anonymous_id:
        remember_anonymous_id(request, response, voter.new_anonymous_id)
    return response


def _locked(request, post):
    """Refuse a vote on an article whose password the reader has not typed. Their page shows
    the password form, not the row: a form post goes back to the form, the message on top."""
    message = gettext("Enter the article's password to react to it.")
    if _wants_json(request):
        return JsonResponse({"error": message}, status=403)
    messages.warning(request, message)
    return redirect(post.get_absolute_url() + protection.FORM_ANCHOR)


def _refused(request, post, refusal):
    if isinstance(refusal, LoginRequired):
        if _wants_json(request):
            login_url = reverse("account_login") + "?" + urlencode({"next": _back_to_row(post)})
            return JsonResponse(
                {"error": str(refusal.message), "login_url": login_url}, status=403
            )
        messages.info(request, refusal.message, extra_tags=MESSAGE_TAG)
        return redirect_to_login(_back_to_row(post), login_url=reverse("account_login"))
    status = 429 if isinstance(refusal, ReactionLimitReached) else 409
    return _refuse(request, post, refusal.message, status=status)


@require_GET
@never_cache  # per reader: never stored by a shared cache
@ensure_csrf_cookie  # a cached page may reach a reader who has no CSRF cookie yet
def reaction_state(request, pk):
    """The article's counts per kind and the reader's current choice, as JSON.

    The counts are everyone's (article cards show them); the choice of a reader who has not
    typed a protected article's password is not given, as its row is not."""
    post = get_object_or_404(Post.objects.published(), pk=pk)
    current_id = None
    if not protection.is_locked(request, post):
        voter_key = reader_of(request).voter_key
        current_id = display.current_kind_id(post=post, voter_key=voter_key)
    return JsonResponse(
        display.state_payload(
            kinds=display.active_kinds(), counts=counts_for_post(post), current_id=current_id
        )
    )


class MostAppreciatedView(ListView):
    """Published articles of the page's language with reactions, the most reacted to first.

    An article's reactions are the votes cast here plus its starting counts (an imported
    plugin's, ReactionBaseline), as its card shows them. Each article counts its own
    reactions only: a translation is another article."""

    template_name = "posts/most_appreciated.html"
    paginate_by = 20

    def get_queryset(self):
        # The starting counts the card's total adds (display.card_summaries).
        starting = (
            ReactionBaseline.objects.counted()
            .filter(post=OuterRef("pk"))
            .order_by()
            .values("post")
            .annotate(total=Sum("count"))
            .values("total")
        )
        return (
            Post.objects.readable_in(current_language())
            .for_listing()
            .annotate(
                appreciation=F("reaction_count")
                + Coalesce(Subquery(starting, output_field=IntegerField()), Value(0))
            )
            .filter(appreciation__gt=0)
            .order_by("-appreciation", "-published_at", "-pk")
        )
