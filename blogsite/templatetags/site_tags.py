from django import template
from django.core.signals import setting_changed
from django.urls import get_script_prefix
from django.utils.translation import get_language

from blogsite import messages

register = template.Library()


@register.simple_tag(takes_context=True)
def page_messages(context):
    """Return the messages for the top of the page: those no section shows itself."""
    request = context.get("request")
    if request is None:
        return []
    return messages.page_messages(request)


# Rendered fixed fragments, by (name, language, script prefix): a few kB per language.
_fragments: dict[tuple, str] = {}


@register.tag
def fixed_fragment(parser, token):
    """{% fixed_fragment "name" %}...{% endfixed_fragment %}: render once per language.

    For markup that is the same on every page and for every reader in a language: the
    translated words, {% url %} without arguments, {% static %} (the site's head links,
    header and navigation). Rendered on first use in each language and then reused by
    this process, which saves a dozen URL reversals and translation lookups per page. It
    must not use any other context variable: that would be frozen at its first value.
    """
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one quoted name")
    nodelist = parser.parse(("endfixed_fragment",))
    parser.delete_first_token()
    return FixedFragmentNode(bits[1][1:-1], nodelist)


class FixedFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        key = (self.name, get_language(), get_script_prefix())
        html = _fragments.get(key)
        if html is None:
            html = _fragments[key] = self.nodelist.render(context)
        return html


def forget_fragments(**kwargs):
    # A test overriding URLs, static files or languages must not see the old markup.
    _fragments.clear()


setting_changed.connect(forget_fragments, dispatch_uid="site_tags.forget_fragments")
