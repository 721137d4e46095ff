"""Each item's language and translation group, read from the file.

The channel's <language> (fr-FR: French) is the language of whatever names none of its
own. Multilingual sites say more: Polylang puts each article in a `language` term and its
translations in one `post_translations` term (whose description lists them: language ->
post id), and its terms' translations in `term_translations` terms; WPML's Export and
Import plugin writes `_wpml_import_language_code` and `_wpml_import_translation_group`
post meta; this site's own export writes `_blogsite_language` and
`_blogsite_translation_key`. The first pass reads all of it (LanguagePlan); the second
gives each article, page and term its language and its translation link.

A language the site does not serve (settings.SITE_LANGUAGES) is refused before any article
is written, with a message naming the setting and --language, which maps it
(--language fr=it) or gives the file's own language (--language it, which also takes in
whatever other language the site does not serve: the admin's one choice).
"""

import re
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from posts.languages import language_codes
from wordpress import wxr
from wordpress.export.xml import LANGUAGE_META, TRANSLATION_META

LANGUAGE_TAXONOMIES = {"language", "post_translations", "term_language", "term_translations"}
WPML_LANGUAGE = ("_wpml_import_language_code", "_wpml_language", "wpml_language")
WPML_GROUP = ("_wpml_import_translation_group", "_wpml_translation_group", "_icl_trid")
# A PHP serialized array of language -> id, as Polylang keeps its translation groups:
# a:2:{s:2:"it";i:10;s:2:"en";i:11;}
SERIALIZED_PAIR = re.compile(r's:\d+:"([A-Za-z_-]{2,12})";i:(\d+);')


def base_code(value: str) -> str:
    """fr-FR, fr_FR, FR and pll_fr all name French: "fr"."""
    value = (value or "").strip().lower().removeprefix("pll_")
    return re.split(r"[-_]", value, maxsplit=1)[0] if value else ""


@dataclass
class LanguagePlan:
    default: str = ""  # the site language of what names none of its own
    fallback: str = ""  # --language CODE: also the language of any the site does not serve
    mapping: dict = field(default_factory=dict)  # the file's code -> a site language
    item_language: dict = field(default_factory=dict)  # WordPress post id -> file's code
    item_group: dict = field(default_factory=dict)  # WordPress post id -> group name
    term_language: dict = field(default_factory=dict)  # WordPress term id -> file's code
    term_group: dict = field(default_factory=dict)  # WordPress term id -> group name
    # (taxonomy, slug) -> Counter of the file's codes of the items using the term
    term_usage: dict = field(default_factory=lambda: defaultdict(Counter))

    def resolve(self, code: str) -> str | None:
        """The site language for a code of the file (None when the site serves none)."""
        code = base_code(code)
        if not code:
            return self.default
        code = self.mapping.get(code, code)
        return code if code in language_codes() else (self.fallback or None)


def parse_option(value: str) -> tuple[str, dict]:
    """--language "it", "fr=it" or "it,de=en": the file's own language and the mapping."""
    default, mapping = "", {}
    for part in filter(None, (p.strip() for p in (value or "").split(","))):
        source, _sep, target = part.rpartition("=")
        target = target.strip().lower()
        if target not in language_codes() or (_sep and not base_code(source)):
            raise wxr.WXRError(
                _(
                    "--language takes one of this site's languages (%(languages)s) or "
                    "FROM=TO pairs such as fr=%(first)s: “%(value)s” is neither (the site's "
                    "languages are the SITE_LANGUAGES setting)."
                )
                % {
                    "languages": ", ".join(language_codes()),
                    "first": language_codes()[0],
                    "value": part,
                }
            )
        if _sep:
            mapping[base_code(source)] = target
        else:
            default = target
    return default, mapping


def refusal(code: str) -> wxr.WXRError:
    info = translation.get_language_info(code) if code in settings.LANG_INFO else None
    name = info["name_translated"] if info else code
    return wxr.WXRError(
        _(
            "The file has content in %(name)s (“%(code)s”), a language this site does not "
            "serve: add it to the SITE_LANGUAGES setting, or import it as one of the site's "
            "languages (%(languages)s) with --language %(code)s=%(first)s (in the admin: "
            "the import's language)."
        )
        % {
            "name": name,
            "code": code,
            "languages": ", ".join(language_codes()),
            "first": language_codes()[0],
        }
    )


def start(context, site: wxr.Site) -> None:
    """Read --language and the channel's language once; refuse one the site lacks."""
    if context.languages is not None:
        return
    default, mapping = parse_option(context.language)
    plan = LanguagePlan(mapping=mapping)
    channel = base_code(site.language)
    if default:
        plan.default = plan.fallback = default
        if channel:
            mapping.setdefault(channel, default)
    elif channel:
        plan.default = mapping.get(channel, channel)
        if plan.default not in language_codes():
            raise refusal(channel)
    else:
        plan.default = settings.LANGUAGE_CODE
    context.languages = plan
    context.language = plan.default


def item_fields(item: wxr.Item) -> tuple[str, str]:
    """The file's language code and translation group of an item ("" when none)."""
    code = item.meta.get(LANGUAGE_META, "")
    group = item.meta.get(TRANSLATION_META, "")
    for domain, nicename, _name in item.terms:
        if domain == "language" and not code:
            code = nicename
        elif domain == "post_translations" and not group:
            group = nicename
    code = code or next((item.meta[k] for k in WPML_LANGUAGE if item.meta.get(k)), "")
    group = group or next((item.meta[k] for k in WPML_GROUP if item.meta.get(k)), "")
    return base_code(code), group.strip()


def observe(context, record) -> None:
    """First pass: note what the record says about languages."""
    plan = context.languages
    if plan is None:
        return
    if isinstance(record, wxr.Term):
        pairs = SERIALIZED_PAIR.findall(record.description or "")
        if record.taxonomy == "post_translations":
            for code, post_id in pairs:
                plan.item_group[int(post_id)] = record.slug
                plan.item_language.setdefault(int(post_id), base_code(code))
        elif record.taxonomy == "term_translations":
            for code, term_id in pairs:
                plan.term_group[int(term_id)] = record.slug
                plan.term_language[int(term_id)] = base_code(code)
        elif record.id and record.meta.get(LANGUAGE_META):
            plan.term_language[record.id] = base_code(record.meta[LANGUAGE_META])
            if record.meta.get(TRANSLATION_META):
                plan.term_group[record.id] = record.meta[TRANSLATION_META]
    elif isinstance(record, wxr.Item):
        code, group = item_fields(record)
        if code:
            plan.item_language[record.id] = code
        if group:
            plan.item_group[record.id] = group
        for domain, nicename, name in record.terms:
            if domain in ("category", "post_tag"):
                plan.term_usage[(domain, nicename or name)][code] += 1


def check(context) -> None:
    """After the first pass: refuse the run when a language of the file is not served."""
    plan = context.languages
    codes = set(plan.item_language.values()) | set(plan.term_language.values())
    for code in sorted(codes):
        if plan.resolve(code) is None:
            raise refusal(code)


def of_item(context, item: wxr.Item) -> str:
    plan = context.languages
    if plan is None:
        return context.language
    code = plan.item_language.get(item.id) or item_fields(item)[0]
    return plan.resolve(code) or context.language


def of_term(context, term: wxr.Term) -> str:
    plan = context.languages
    if plan is None:
        return context.language
    code = plan.term_language.get(term.id) if term.id else None
    if not code:
        usage = plan.term_usage.get((term.taxonomy, term.slug)) or Counter()
        code = next((c for c, _n in usage.most_common() if c), "")
    return plan.resolve(code) or context.language


def group_key(group: str) -> uuid.UUID | None:
    """Our translation key for a group of the file: its own when it is one of ours."""
    if not group:
        return None
    try:
        return uuid.UUID(group)
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"wordpress-translations:{group}")


def translation_key(context, model, wordpress_id: int, language: str, kind: str, title: str):
    """The translation key for an item or term, None when it has no group or when another
    row of its group already has its language (two languages mapped to one)."""
    plan = context.languages
    if plan is None:
        return None
    groups = plan.term_group if kind in ("tags", "categories") else plan.item_group
    key = group_key(groups.get(wordpress_id, ""))
    if key is None:
        return None
    taken = (
        model.objects.filter(translation_key=key, language=language)
        .exclude(wordpress_id=wordpress_id)
        .exists()
    )
    if taken:
        context.report.note(
            kind,
            title,
            _("another translation of it is already in this language: not linked to them"),
            wordpress_id=wordpress_id,
            field="language",
        )
        return None
    return key
