"""The Jinja2 environment of the comment template (settings.TEMPLATES, engine "comments").

Its templates escape as Django does: quotes written &quot; and &#x27; like on the rest of
the page (MarkupSafe writes &#34; and &#39;), and at about half MarkupSafe's cost per value,
which counts in a template drawn once per comment, with some twenty values each.
"""

from html import escape as escape_text

from jinja2 import Environment, Template


def escape(value) -> str:
    """The text of value for HTML, as django.utils.html.escape writes it; safe strings
    (with __html__, as Markup and Django's SafeString) as they are."""
    kind = value.__class__
    if kind is str:
        return escape_text(value)
    if kind is int:
        return str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape_text(str(value))


class DjangoEscapeTemplate(Template):
    @classmethod
    def _from_namespace(cls, environment, namespace, globals):
        # The compiled template calls the `escape` of its module, imported from jinja2.
        namespace["escape"] = escape
        return super()._from_namespace(environment, namespace, globals)


def environment(**options) -> Environment:
    """The engine's Environment (the backend's OPTIONS["environment"])."""
    env = Environment(**options)
    env.template_class = DjangoEscapeTemplate
    return env
