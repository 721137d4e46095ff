"""Starting reaction counts from an imported post's meta (--reaction-meta).

`--reaction-meta META_KEY=code,code,...` reads the post meta META_KEY, a list of counts
("55,7,0,0,0,0", or a PHP-serialized array as plugins store them), and gives the n-th
count to the n-th reaction kind code. One kind per key works too (likes=useful).
"""

import re

from django.utils.translation import gettext as _

from posts.reactions.models import ReactionKind
from posts.reactions.services import set_starting_count

KIND = "reaction counts"
PHP_ARRAY_VALUE = re.compile(r"i:\d+;(?:i|s:\d+):\"?(\d+)\"?;")


def parse_spec(spec: str) -> tuple[str, list[str]]:
    """("_reactions", ["useful", "love"]) from "_reactions=useful,love"."""
    key, _sep, codes = (spec or "").partition("=")
    if not key.strip() or not codes.strip():
        raise ValueError(_("--reaction-meta takes META_KEY=kind_code,kind_code,..."))
    return key.strip(), [code.strip() for code in codes.split(",") if code.strip()]


def parse_counts(value: str) -> list[int]:
    value = (value or "").strip()
    if value.startswith("a:"):
        return [int(n) for n in PHP_ARRAY_VALUE.findall(value)]
    return [int(n) for n in re.findall(r"\d+", value)]


def import_reaction_counts(context, item, post) -> None:
    spec = context.options.get("reaction_meta")
    if not spec:
        return
    key, codes = parse_spec(spec)
    if key not in item.meta:
        return
    kinds = context.options.setdefault(
        "_reaction_kinds", {k.code: k for k in ReactionKind.objects.filter(code__in=codes)}
    )
    for code, count in zip(codes, parse_counts(item.meta[key]), strict=False):
        kind = kinds.get(code)
        if kind is None:
            context.report.skip(KIND, code, _("no reaction kind with this code"))
            continue
        context.report.count(KIND, set_starting_count(post=post, kind=kind, count=count))
