"""The comment form: validates what a reader typed and hands it to the services."""

import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from blogsite.ids import MAX_ID
from comments.conf import comment_settings
from comments.spam.tokens import issue_form_token
from posts.weburl import validate_web_url

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters that take no room: zero-width spaces and joiners, the byte-order mark, the
# invisible operators, and the bidirectional controls (a right-to-left override in a name
# would reverse what is shown after it).
INVISIBLE_CHARS = re.compile(
    "[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\u3164\ufeff\uffa0]"
)


def clean_text(value: str) -> str:
    return CONTROL_CHARS.sub("", value or "")


class CommentBodyMixin:
    def clean_body(self):
        body = clean_text(self.cleaned_data.get("body", "")).strip()
        limit = int(comment_settings.MAX_LENGTH)
        if len(body) < 2:
            raise forms.ValidationError(gettext("Please write a comment."), code="too_short")
        if len(body) > limit:
            raise forms.ValidationError(
                gettext(
                    "Your comment is %(length)s characters long; the limit is %(limit)s. "
                    "Please shorten it."
                )
                % {"length": len(body), "limit": limit},
                code="too_long",
            )
        return body


# How to write code that is shown as typed (comments.text.FENCE and INLINE_CODE).
CODE_HELP = _(
    "To show code, put it between `backticks`, or between two lines of ``` when it runs over "
    "several lines."
)


class CommentForm(CommentBodyMixin, forms.Form):
    """A new comment or reply. For signed-in readers, name and e-mail come from the account."""

    # As the form shows them (templates/comments/includes/_comment_form.html): the error
    # summary lists the fields' errors in this order, and must read top to bottom like it.
    field_order = ["body", "name", "email", "url", "homepage", "remember", "notify_replies"]

    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        error_messages={
            "required": _("Please enter your name."),
            "max_length": _("Please use at most %(limit_value)d characters for your name."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        error_messages={
            "required": _("Please enter your e-mail address; it will not be published."),
            "invalid": _("Please enter a valid e-mail address, like name@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    url = forms.CharField(
        label=_("Website"),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Please use a shorter address (%(limit_value)d max).")},
        widget=forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
    )
    body = forms.CharField(
        label=_("Comment"),
        help_text=CODE_HELP,
        error_messages={"required": _("Please write a comment.")},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    remember = forms.BooleanField(
        label=_("Remember my name, e-mail and website in this browser"), required=False
    )
    notify_replies = forms.BooleanField(label=_("E-mail me replies to my comment"), required=False)
    parent = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_ID,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": _("The comment you are replying to is no longer available."),
            "min_value": _("The comment you are replying to is no longer available."),
            "max_value": _("The comment you are replying to is no longer available."),
        },
    )
    # A field people do not see; robots fill it. Its value is evidence for the spam pipeline.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, post, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.post = post
        self.user = user if user is not None and user.is_authenticated else None
        if self.user is not None:
            del self.fields["name"]
            del self.fields["email"]
            del self.fields["remember"]
        # Not maxlength: a browser cuts a pasted text at maxlength without a word. The limit
        # is for the live counter (comments.js) and the server's message.
        limit = int(comment_settings.MAX_LENGTH)
        self.fields["body"].widget.attrs["data-maxlength"] = str(limit)
        if not self.is_bound:
            self.initial.setdefault("form_token", issue_form_token(post.pk))

    def clean_name(self):
        name = " ".join(INVISIBLE_CHARS.sub("", clean_text(self.cleaned_data["name"])).split())
        if not name:
            raise forms.ValidationError(gettext("Please enter your name."), code="required")
        return name

    def clean_url(self):
        url = clean_text(self.cleaned_data.get("url", "")).strip()
        if not url:
            return ""
        if "://" not in url:
            url = f"https://{url}"
        try:
            validate_web_url(url)
        except forms.ValidationError:
            raise forms.ValidationError(
                gettext("Please enter a web address starting with http:// or https://."),
                code="invalid",
            ) from None
        return url


class CommentEditForm(CommentBodyMixin, forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        help_text=CODE_HELP,
        error_messages={"required": _("Please write a comment.")},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
