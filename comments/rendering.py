"""The HTML of a page of comment threads, built in Python.

Rendering a template per comment (an include, a dozen variable lookups, date filters, URL
reversing and translation tags each time) was most of an article page's cost with many
comments. Here everything that is the same for every comment (translated words, URL
prefixes, month names) is worked out once per page, and each comment costs a few string
joins. The markup is the one the template `comments/includes/_comments.html` used to
include per comment; the comment's text is its stored, already sanitized `body_html`.
"""

from django.core.signals import setting_changed
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.dates import MONTHS_ALT
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from posts.weburl import web_url

PK_PLACEHOLDER = 2_147_483_647


def _url_pattern(name: str) -> tuple[str, str]:
    """The parts of the URL `name` around its pk, reversed once for every comment."""
    url = reverse(name, kwargs={"pk": PK_PLACEHOLDER})
    before, _, after = url.partition(str(PK_PLACEHOLDER))
    return before, after


def _page_constants(language, script_prefix) -> dict:
    """What every comment of a page shares in a language: months, URL parts, words."""
    key = (language, script_prefix)
    found = _constants.get(key)
    if found is None:
        found = _constants[key] = {
            "months": {number: str(name) for number, name in MONTHS_ALT.items()},
            "permalink": _url_pattern("comments:permalink"),
            "edit": _url_pattern("comments:edit"),
            "delete": _url_pattern("comments:delete"),
            "confirm": _url_pattern("comments:request-confirmation"),
            "flag": _url_pattern("comments:flag"),
            "author_badge": escape(gettext("Author")),
            "staff_badge": escape(gettext("staff")),
            "awaiting": escape(gettext("Your comment is awaiting moderation.")),
            "reply": escape(gettext("Reply")),
            "edit_label": escape(gettext("Edit")),
            "delete_label": escape(gettext("Delete")),
            "flag_label": escape(gettext("Report to moderators")),
            "confirm_label": escape(
                gettext("Confirm my e-mail address so my next comments appear at once")
            ),
            # {% blocktranslate %}Reply to {{ name }}{% endblocktranslate %}: one lookup,
            # the name put in per comment.
            "reply_to": gettext("Reply to %(name)s"),
            "in_reply_to": gettext("in reply to %(name)s"),
        }
    return found


# By (language, script prefix), for this process; forgotten when a test changes settings.
_constants: dict[tuple, dict] = {}
setting_changed.connect(
    lambda **kwargs: _constants.clear(), weak=False, dispatch_uid="rendering.constants"
)


class CommentListRenderer:
    """Render comments decorated by comments_tags.decorate (children, initials, flags)."""

    def __init__(self, *, csrf_token: str = ""):
        self.csrf_token = escape(csrf_token or "")
        self.__dict__.update(_page_constants(get_language(), get_script_prefix()))
        # The flag form around its two pks. Nothing personal: on a cached page the token is
        # empty, and a same-origin post needs none (blogsite.csrf).
        self.flag_form = (
            '<form class="comment-inline-form comment-flag-form" method="post"'
            f' action="{self.flag[0]}',
            f'{self.flag[1]}">\n'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{self.csrf_token}">\n'
            '<button type="submit" class="link-button" aria-describedby="comment-',
            f'-by">{self.flag_label}</button>\n</form>\n',
        )

    def render(self, comments) -> str:
        out: list[str] = []
        for comment in comments:
            self._comment(comment, out)
        return mark_safe("".join(out))  # noqa: S308 - every value is escaped above or stored sanitized

    def _when(self, moment) -> tuple[str, str]:
        local = timezone.localtime(moment)
        shown = (
            f"{local.day} {self.months[local.month]} {local.year} "
            f"{local.hour:02d}:{local.minute:02d}"
        )
        return local.isoformat(), shown

    def _comment(self, comment, out: list[str]) -> None:
        pk = comment.pk
        pending = comment.is_awaiting_moderation
        name = escape(comment.shown_name)
        machine, shown = self._when(comment.submitted_at)
        website = web_url(comment.author_url)
        if website:
            author = (
                f'<a href="{escape(website)}" rel="nofollow ugc" class="url"><bdi>{name}</bdi></a>'
            )
        else:
            author = f"<bdi>{name}</bdi>"
        # The old WordPress id lets js/wordpress-anchors.js follow a #comment-<wp id> link.
        wordpress = f' data-wordpress-id="{comment.wordpress_id}"' if comment.wordpress_id else ""
        badge = ""
        if comment.is_by_post_author:
            badge = f'<span class="comment-badge">{self.author_badge}</span>'
        elif getattr(comment, "by_staff", False):
            badge = f'<span class="comment-badge comment-badge--staff">{self.staff_badge}</span>'
        out.append(
            f'<li class="comment comment--depth-{comment.depth}'
            f'{" comment--pending" if pending else ""}" id="comment-{pk}"{wordpress}>\n'
            f'<article class="comment-body" id="div-comment-{pk}"'
            f' aria-labelledby="comment-{pk}-by">\n'
            f'<header class="comment-meta">\n'
            f'<span class="avatar avatar--c{comment.avatar_color}" aria-hidden="true">'
            f"{escape(comment.initials)}</span>\n"
            f'<span class="comment-byline" id="comment-{pk}-by">\n'
            f'<span class="comment-author">{author}</span>\n'
            f"{badge}\n"
            f'@ <a class="comment-permalink" href="{self.permalink[0]}{pk}{self.permalink[1]}">'
            f'<time datetime="{machine}">{shown}</time></a>\n'
            f"</span>\n</header>\n"
        )
        answered = getattr(comment, "in_reply_to", None)
        if answered is not None:
            # Shown beside the comment it answers (the thread stopped indenting): say whom.
            out.append(
                f'<p class="comment-in-reply-to"><a href="#comment-{answered.pk}">'
                f"{escape(self.in_reply_to % {'name': answered.author_name})}</a></p>\n"
            )
        if pending:
            out.append(f'<p class="comment-awaiting-moderation">{self.awaiting}</p>\n')
        out.append(f'<div class="comment-content">{comment.body_html}</div>\n')
        out.append('<div class="comment-actions">\n')
        if comment.reply_url and not pending:
            reply_to = escape(self.reply_to % {"name": comment.shown_name})
            out.append(
                f'<a class="comment-reply-link" href="{escape(comment.reply_url)}"'
                f' data-comment-id="{pk}" data-author="{name}"'
                f' aria-label="{reply_to}">{self.reply}</a>\n'
            )
        if comment.can_change:
            out.append(
                f'<a class="comment-edit-link" href="{self.edit[0]}{pk}{self.edit[1]}">'
                f"{self.edit_label}</a>\n"
                f'<form class="comment-inline-form" method="post"'
                f' action="{self.delete[0]}{pk}{self.delete[1]}">\n'
                f'<input type="hidden" name="csrfmiddlewaretoken" value="{self.csrf_token}">\n'
                f'<button type="submit" class="link-button">{self.delete_label}</button>\n'
                f"</form>\n"
            )
        if not pending:
            out.append(f"{self.flag_form[0]}{pk}{self.flag_form[1]}{pk}{self.flag_form[2]}")
        if comment.can_confirm_email and pending:
            out.append(
                f'<form class="comment-inline-form" method="post"'
                f' action="{self.confirm[0]}{pk}{self.confirm[1]}">\n'
                f'<input type="hidden" name="csrfmiddlewaretoken" value="{self.csrf_token}">\n'
                f'<button type="submit" class="link-button">{self.confirm_label}</button>\n'
                f"</form>\n"
            )
        out.append("</div>\n</article>\n")
        children = getattr(comment, "children", None)
        if children:
            out.append('<ol class="children">\n')
            for child in children:
                self._comment(child, out)
            out.append("</ol>\n")
        if getattr(comment, "hidden_replies", 0):
            self._more_replies(comment, out)
        out.append("</li>\n")

    def _more_replies(self, comment, out: list[str]) -> None:
        # A plain link (no JavaScript needed) to the thread's own page, opened where this
        # page's replies end; described by the byline of the comment that began the thread.
        count = comment.hidden_replies
        label = ngettext("Show %(count)s more reply", "Show %(count)s more replies", count) % {
            "count": count
        }
        anchor = comment.last_reply_id or comment.pk
        out.append(
            f'<p class="comment-more"><a class="comment-more-link"'
            f' href="?thread={comment.pk}#comment-{anchor}"'
            f' aria-describedby="comment-{comment.pk}-by">{escape(label)}</a></p>\n'
        )
