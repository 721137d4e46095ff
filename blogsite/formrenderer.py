"""A form renderer that writes Django's plain input widgets in Python.

Django renders every widget through a template (input.html including attrs.html, a loop
over the attributes): the comment form's eight fields cost more than the article page's
whole comment list. This renderer produces the same bytes as those templates for the
widgets that use them unchanged (text, e-mail, URL, hidden, checkbox inputs, textareas)
and for empty error lists; anything else, including an app's own widget templates and
non-empty error lists, is rendered by Django's templates as before.

The site's templates/ come first, as the pages' do: templates/admin/widgets/ replaces a
widget template of the admin's (an app's templates alone could not, since the admin is the
first app).
"""

from pathlib import Path

import django.forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property
from django.utils.html import conditional_escape

# Django's widget templates that are exactly input.html (they include it and nothing else).
INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "input",
        "text",
        "email",
        "url",
        "hidden",
        "checkbox",
        "password",
        "number",
        "search",
        "tel",
    )
)
TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"
ERROR_LIST_TEMPLATES = frozenset(
    ("django/forms/errors/list/default.html", "django/forms/errors/list/ul.html")
)


def render_attrs(attrs: dict) -> str:
    """attrs.html: ` name="value"` each, a True value as a bare name, a False one left out."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(f"{value}")}"')
    return "".join(parts)


class FastDjangoTemplates(DjangoTemplates):
    """Django's DjangoTemplates form renderer, with the plain widgets written in Python."""

    @cached_property
    def engine(self):
        forms_templates = Path(django.forms.__file__).parent / self.backend.app_dirname
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [settings.BASE_DIR / "templates", forms_templates],
                "NAME": "djangoforms",
                "OPTIONS": {},
            }
        )

    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES and "widget" in context:
            widget = context["widget"]
            value = widget["value"]
            shown = "" if value is None else f' value="{conditional_escape(f"{value}")}"'
            return (
                f'<input type="{conditional_escape(widget["type"])}"'
                f' name="{conditional_escape(widget["name"])}"{shown}'
                f"{render_attrs(widget['attrs'])}>"
            )
        if template_name == TEXTAREA_TEMPLATE and "widget" in context:
            widget = context["widget"]
            value = widget["value"]
            text = conditional_escape(value) if value else ""
            # As the template renders it, then stripped as BaseRenderer.render does.
            return (
                f'<textarea name="{conditional_escape(widget["name"])}"'
                f"{render_attrs(widget['attrs'])}>\n{text}</textarea>"
            )
        if template_name in ERROR_LIST_TEMPLATES and not context.get("errors"):
            return ""
        return super().render(template_name, context, request=request)
