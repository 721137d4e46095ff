"""The HTML of a page of comment threads: one template per comment, `comments/comment.html`.

The template is Jinja2's (the "comments" engine in settings.TEMPLATES), not Django's: a page
of 1,000 comments draws the markup 1,000 times, and a Django template per comment cost about
seven times these f-strings did (each lookup, filter and tag interpreted at every render:
commit b69484c), where Jinja2 compiles the template to Python once. A site overrides the
template with its own `comments/comment.html` in that engine's DIRS (the project's
templates/ by default).

What every comment of a page shares (translated words, URL prefixes, month names) is worked
out once per page and language, and the template draws a page's comments in one call (a
recursive loop, replies under their comment). The comment's text is its stored, already
sanitized `body_html`.
"""

from types import SimpleNamespace

from django.core.signals import setting_changed
from django.template import engines
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.dates import MONTHS_ALT
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, gettext_noop, ngettext

from posts.weburl import web_url

ENGINE = "comments"
TEMPLATE = "comments/comment.html"
PK_PLACEHOLDER = 2_147_483_647

# The template's words, written here too so that the catalogues keep them.
WORDS = (
    gettext_noop("Author"),
    gettext_noop("staff"),
    gettext_noop("Your comment is awaiting moderation."),
    gettext_noop("Reply"),
    gettext_noop("Reply to %(name)s"),
    gettext_noop("Pingback"),
    gettext_noop("Trackback"),
    gettext_noop("in reply to %(name)s"),
    gettext_noop("Edit"),
    gettext_noop("Delete"),
    gettext_noop("Report to moderators"),
    gettext_noop("Confirm my e-mail address so my next comments appear at once"),
)


# What the template may ask of a comment that the thread did not set.
DEFAULTS = (
    ("children", ()),
    ("by_staff", False),
    ("in_reply_to", None),
    ("hidden_replies", 0),
    ("last_reply_id", None),
    ("can_change", False),
    ("can_confirm_email", False),
    ("reply_url", ""),
    ("is_ping", False),
)


class Words(dict):
    """t["Reply"] in a template: gettext of the page's language, looked up once per page."""

    def __missing__(self, message: str) -> str:
        word = self[message] = gettext(message)
        return word


def _url_function(name: str):
    """pk -> the URL `name` of that comment, from the URL's parts reversed once."""
    url = reverse(name, kwargs={"pk": PK_PLACEHOLDER})
    before, _, after = url.partition(str(PK_PLACEHOLDER))
    return lambda pk: f"{before}{pk}{after}"


def _page_constants(language, script_prefix) -> dict:
    """What every comment of a page shares in a language: months, URLs, words."""
    key = (language, script_prefix)
    found = _constants.get(key)
    if found is None:
        found = _constants[key] = {
            "months": {number: str(name) for number, name in MONTHS_ALT.items()},
            "urls": SimpleNamespace(
                permalink=_url_function("comments:permalink"),
                edit=_url_function("comments:edit"),
                delete=_url_function("comments:delete"),
                flag=_url_function("comments:flag"),
                confirm=_url_function("comments:request-confirmation"),
            ),
            "words": Words(),
        }
    return found


# By (language, script prefix), for this process; forgotten when a test changes settings.
_constants: dict[tuple, dict] = {}
setting_changed.connect(
    lambda **kwargs: _constants.clear(), weak=False, dispatch_uid="rendering.constants"
)


def comment_template():
    """The Jinja2 template of one comment (cached by the engine unless auto_reload)."""
    return engines[ENGINE].env.get_template(TEMPLATE)


class CommentListRenderer:
    """Render comments decorated by comments_tags.decorate (children, initials, flags)."""

    def __init__(self, *, csrf_token: str = ""):
        constants = _page_constants(get_language(), get_script_prefix())
        self.months = constants["months"]
        self.timezone = timezone.get_current_timezone()
        self.template = comment_template()
        # What Template.render does, the globals (range, dict, ...) merged in by hand.
        self.shared = {
            **self.template.globals,
            "t": constants["words"],
            "ngettext": ngettext,
            "urls": constants["urls"],
            "csrf_token": csrf_token or "",
        }

    def render(self, comments) -> str:
        self._prepare(comments)
        variables = self.shared.copy()
        variables["comments"] = comments
        context = self.template.new_context(variables, shared=True)
        html = "".join(self.template.root_render_func(context))
        return mark_safe(html)  # noqa: S308 - autoescaped template, body_html stored sanitized

    def _prepare(self, comments) -> None:
        """Give each comment of the tree its times, its link and the template's defaults."""
        months, zone = self.months, self.timezone
        stack = list(comments)
        while stack:
            comment = stack.pop()
            local = comment.submitted_at.astimezone(zone)
            known = comment.__dict__
            known["time_iso"] = local.replace(microsecond=0).isoformat()
            known["time_shown"] = (
                f"{local.day} {months[local.month]} {local.year} "
                f"{local.hour:02d}:{local.minute:02d}"
            )
            known["website"] = web_url(comment.author_url)
            # Jinja2 asks a missing attribute twice (attribute, then item) before it gives up.
            for name, default in DEFAULTS:
                if name not in known:
                    known[name] = default
            stack.extend(known["children"])
