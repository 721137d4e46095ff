"""Thin views: read the request, call a service, redirect (POST, redirect, GET)."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blogsite import messages as site_messages
from blogsite.accounts import mail_limits
from blogsite.csrf import same_origin_or_csrf_token
from blogsite.mail import absolute_url
from blogsite.outage import is_database_outage
from blogsite.reader import reader_of
from comments import confirmation, cookies, services
from comments.forms import CommentEditForm, CommentForm
from comments.models import Comment
from comments.threads import beyond_the_cap, page_of
from posts import protection
from posts.models import Post
from posts.views import render_post

# Messages about a comment are shown in the comments section, not at the top of the page.
MESSAGE_TAG = site_messages.COMMENTS
SAVED_TAGS = f"{MESSAGE_TAG} comment-saved"
MODEL_TO_FORM_FIELD = {"author_name": "name", "author_email": "email", "author_url": "url"}


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def comment_url(comment, *, own_ids=()) -> str:
    """The article page showing `comment`: its page of comments or, for a reply left out of
    its thread there (COMMENTS_REPLIES_PER_THREAD), the thread's own page."""
    if beyond_the_cap(comment, own_ids=own_ids):
        query = f"?thread={comment.root_id}"
    else:
        page = page_of(comment, own_ids=own_ids)
        query = f"?cpage={page}" if page > 1 else ""
    return f"{comment.post.get_absolute_url()}{query}#comment-{comment.pk}"


def stored_comment_url(comment, *, own_ids) -> str:
    """comment_url() of a comment just saved; its permalink if the database went away right
    after the commit (the reader is told the comment was saved, never shown an error)."""
    try:
        return comment_url(comment, own_ids=own_ids)
    except DatabaseError as error:
        if not is_database_outage(error):
            raise
        return reverse("comments:permalink", kwargs={"pk": comment.pk})


def render_article(request, post, form, *, status):
    """Show the article again with the form's errors and everything the reader typed."""
    return render_post(request, post, status=status, comment_form=form)


# How each refusal of submit_comment answers: the HTTP status of the article shown again.
REFUSAL_STATUS = {
    services.CommentRefused.REPLY_GONE: 400,
    services.CommentRefused.TOO_FAST: 429,
    services.CommentRefused.INVALID: 400,
}


def refused(request, post, form, refusal):
    """Translate a CommentRefused into HTTP: closed goes back to the article with a notice;
    the rest shows the article again with the reason on the form, nothing typed lost."""
    if refusal.reason == services.CommentRefused.CLOSED:
        messages.error(request, refusal.messages[0], extra_tags=MESSAGE_TAG)
        return redirect(f"{post.get_absolute_url()}#comments")
    if hasattr(refusal, "error_dict"):
        for field, errors in refusal.message_dict.items():
            field = MODEL_TO_FORM_FIELD.get(field, field)
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)
    else:
        form.add_error(None, refusal.messages[0])
    return render_article(request, post, form, status=REFUSAL_STATUS[refusal.reason])


@same_origin_or_csrf_token  # the form of a cached page carries no token
def post_comment(request, pk):
    post = get_object_or_404(Post.objects.published(), pk=pk)
    if protection.is_locked(request, post):
        # Its comments, and its form, are for readers who typed the article's password.
        return redirect(post.get_absolute_url() + protection.FORM_ANCHOR)
    if request.method != "POST":
        # The address a refused comment's page shows: opening it again (a reload, a bookmark,
        # the back button) leads to the article's form, never to "405 Method Not Allowed".
        return redirect(f"{post.get_absolute_url()}#respond")
    form = CommentForm(request.POST, post=post, user=request.user)
    reader = reader_of(request)
    own_ids = reader.own_comment_ids
    try:
        services.refuse_if_closed(post)  # before the form: a closed article says only that
        if not form.is_valid():
            return render_article(request, post, form, status=400)
        data = form.cleaned_data
        comment = services.submit_comment(
            post=post,
            reply_to=data.get("parent") or None,
            user=reader.user,
            name=data.get("name", ""),
            email=data.get("email", ""),
            url=data.get("url", ""),
            body=data["body"],
            notify_replies=data.get("notify_replies", False),
            ip_address=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
            referrer=request.META.get("HTTP_REFERER", ""),
            language=get_language() or "",
            honeypot=data.get("homepage", ""),
            form_token=data.get("form_token") or None,
            trust=reader.trust,
            permalink=absolute_url(post.get_absolute_url()),
        )
    except services.CommentRefused as refusal:
        return refused(request, post, form, refusal)

    # SAVED_TAG tells comments.js the comment is stored: the browser's draft can go.
    if comment.status == Comment.Status.APPROVED:
        messages.success(
            request, _("Thank you: your comment is published."), extra_tags=SAVED_TAGS
        )
    else:
        messages.info(
            request, _("Thank you: your comment is awaiting moderation."), extra_tags=SAVED_TAGS
        )
    if comment.status == Comment.Status.TRASH:
        # Blocked words: shown to no one, not even its author; no anchor to land on.
        landing = f"{post.get_absolute_url()}#comments"
    else:
        # The author lands on the comment, shown to them in its state (comment_url).
        landing = stored_comment_url(comment, own_ids=(*own_ids, comment.pk))
    response = HttpResponseRedirect(landing)
    cookies.remember_own_comment(response, comment.pk, known_ids=own_ids)
    if data.get("remember"):
        cookies.remember_author(
            response, name=data["name"], email=data["email"], url=data.get("url", "")
        )
    elif not request.user.is_authenticated:
        cookies.forget_author(response)
    return response


def permalink(request, pk):
    own_ids = reader_of(request).own_comment_ids
    comment = get_object_or_404(
        Comment.objects.shown_to(own_ids).select_related("post"),
        pk=pk,
        post__in=Post.objects.published(),
    )
    return redirect(comment_url(comment, own_ids=own_ids))


def permalink_by_wordpress_id(request, wordpress_id):
    """Where an old #comment-N anchor of an imported article leads (N being the comment's
    WordPress id, kept on the row): the page of the article showing that comment."""
    comment = get_object_or_404(Comment.objects.visible(), wordpress_id=wordpress_id)
    return permalink(request, comment.pk)


def own_comment(request, pk):
    own_ids = reader_of(request).own_comment_ids
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk)
    if not services.can_change_own(comment, own_comment_ids=own_ids):
        raise PermissionDenied(_("This comment can no longer be changed from this browser."))
    return comment, own_ids


def edit_comment(request, pk):
    comment, own_ids = own_comment(request, pk)
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_comment(
                comment=comment,
                body=form.cleaned_data["body"],
                own_comment_ids=own_ids,
                trust=reader_of(request).trust,
            )
        except ValidationError as error:
            form.add_error("body", error.message_dict.get("body", error.messages))
        else:
            if comment.status == Comment.Status.APPROVED:
                messages.success(request, _("Your comment was updated."), extra_tags=MESSAGE_TAG)
            else:
                messages.info(
                    request,
                    _("Your comment was updated and is awaiting moderation."),
                    extra_tags=MESSAGE_TAG,
                )
            return redirect(comment_url(comment, own_ids=own_ids))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "comments/comment_edit.html", {"comment": comment, "form": form}, status=status
    )


@require_http_methods(["GET", "HEAD", "POST"])
def delete_comment(request, pk):
    """Ask first (GET: the comment and a button; the article's page asks in a dialog, then
    posts here), delete on POST."""
    comment, own_ids = own_comment(request, pk)
    if request.method != "POST":
        context = {"comment": comment, "back_url": comment_url(comment, own_ids=own_ids)}
        return render(request, "comments/comment_delete.html", context)
    services.delete_own_comment(comment=comment, own_comment_ids=own_ids)
    messages.success(request, _("Your comment was deleted."), extra_tags=MESSAGE_TAG)
    return redirect(f"{comment.post.get_absolute_url()}#comments")


@require_POST
def request_confirmation(request, pk):
    """Send the commenter of this browser's comment a link confirming their e-mail address."""
    own_ids = reader_of(request).own_comment_ids
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk, user__isnull=True)
    if comment.pk not in own_ids:
        raise PermissionDenied(_("You can only confirm the address of your own comment."))
    refusal = mail_limits.count_mail(email=comment.author_email, ip=client_ip(request))
    if refusal is None:
        confirmation.send_confirmation(comment=comment)
        messages.info(
            request,
            _("We sent a confirmation link to your e-mail address. It is valid for 3 days."),
            extra_tags=MESSAGE_TAG,
        )
    else:
        messages.error(request, refusal.message, extra_tags=MESSAGE_TAG)
    return redirect(comment_url(comment, own_ids=own_ids))


def confirm_email(request, token):
    """Show the confirmation button (GET, safe for link scanners); confirm on POST."""
    try:
        data = confirmation.read_token(token)
    except signing.BadSignature:
        return render(request, "comments/confirm_email.html", {"invalid": True}, status=400)
    post = Post.objects.published().filter(pk=data.get("p")).first()
    if request.method != "POST":
        return render(request, "comments/confirm_email.html", {"email": data["e"], "post": post})
    services.confirm_email(email=data["e"])
    messages.success(
        request, _("Thank you: your address is confirmed. Your next comments appear at once.")
    )
    response = redirect(post.get_absolute_url() if post else "posts:index")
    cookies.remember_confirmed_email(
        response, data["e"].lower(), known=reader_of(request).confirmed_emails
    )
    return response
