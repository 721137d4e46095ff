"""Categories (parents first) and tags, as export.php's wxr_category() and wxr_tag() write
them, with their language, translation link and old addresses as term meta."""

from collections.abc import Iterator

from posts.models import Category, Tag
from wordpress.export.addresses import old_addresses
from wordpress.export.xml import (
    CATEGORY_IDS,
    CHUNK,
    LANGUAGE_META,
    TAG_IDS,
    TRANSLATION_META,
    cdata,
    chunks,
    wp_id,
)
from wordpress.wxr import OLD_ADDRESS_META


def termmeta(key: str, value) -> str:
    return (
        f"<wp:termmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
        f"<wp:meta_value>{cdata(value)}</wp:meta_value></wp:termmeta>"
    )


def term_meta(term, addresses) -> str:
    meta = termmeta(LANGUAGE_META, term.language)
    if term.translation_key:
        meta += termmeta(TRANSLATION_META, term.translation_key)
    return meta + "".join(termmeta(OLD_ADDRESS_META, path) for path in addresses)


def categories() -> Iterator[str]:
    """Every category, no child before its parent (WordPress's importer needs the parent)."""
    pending = list(Category.objects.select_related("parent").order_by("pk"))
    addresses = old_addresses([c.get_absolute_url() for c in pending])
    done: set[int] = set()
    while pending:
        ready = [c for c in pending if c.parent_id is None or c.parent_id in done]
        if not ready:  # a loop in the data: break it rather than drop the categories
            ready = pending[:1]
        for category in ready:
            parent_slug = category.parent.slug if category.parent_id in done else ""
            yield (
                "\t<wp:category>"
                f"<wp:term_id>{wp_id(category, CATEGORY_IDS)}</wp:term_id>"
                f"<wp:category_nicename>{cdata(category.slug)}</wp:category_nicename>"
                f"<wp:category_parent>{cdata(parent_slug)}</wp:category_parent>"
                f"<wp:cat_name>{cdata(category.name)}</wp:cat_name>"
                f"<wp:category_description>{cdata(category.description)}"
                "</wp:category_description>"
                f"{term_meta(category, addresses.get(category.get_absolute_url(), ()))}"
                "</wp:category>\n"
            )
            done.add(category.pk)
        ready_ids = {c.pk for c in ready}
        pending = [c for c in pending if c.pk not in ready_ids]


def tags() -> Iterator[str]:
    for batch in chunks(Tag.objects.order_by("pk").iterator(chunk_size=CHUNK)):
        addresses = old_addresses([tag.get_absolute_url() for tag in batch])
        for tag in batch:
            yield (
                "\t<wp:tag>"
                f"<wp:term_id>{wp_id(tag, TAG_IDS)}</wp:term_id>"
                f"<wp:tag_slug>{cdata(tag.slug)}</wp:tag_slug>"
                f"<wp:tag_name>{cdata(tag.name)}</wp:tag_name>"
                f"<wp:tag_description>{cdata(tag.description)}</wp:tag_description>"
                f"{term_meta(tag, addresses.get(tag.get_absolute_url(), ()))}"
                "</wp:tag>\n"
            )
    yield "\n"
