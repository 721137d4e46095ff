"""Creating and changing static pages; a page's path follows its parents'."""

from datetime import datetime

from django.db import transaction

from posts.markup import BodyFormat
from posts.models import Page

from .slugs import unique_slug


@transaction.atomic
def create_page(
    *,
    title: str,
    author,
    body: str,
    slug: str = "",
    parent: Page | None = None,
    position: int = 0,
    body_format: str = BodyFormat.MARKDOWN,
    status: str = Page.Status.DRAFT,
    published_at: datetime | None = None,
    updated_at: datetime | None = None,
    language: str = "",
    translation_key=None,
    wordpress_id: int | None = None,
    password: str = "",
) -> Page:
    """Validate and save a static page; its path follows from its parents' slugs.

    updated_at keeps the date an imported page was last changed (otherwise it is now).
    """
    page = Page(
        title=title.strip(),
        author=author,
        body=body,
        parent=parent,
        position=position,
        body_format=body_format,
        status=status,
        published_at=published_at,
        translation_key=translation_key,
        wordpress_id=wordpress_id,
        password=password,
    )
    if language:
        page.language = language
    page.slug = slug or unique_slug(Page, page.title, language=page.language)
    save_page(page)
    if updated_at is not None:
        # auto_now sets it on every save: written after, as create_post() does.
        Page.objects.filter(pk=page.pk).update(updated_at=updated_at)
        page.updated_at = updated_at
    return page


@transaction.atomic
def save_page(page: Page) -> Page:
    """Validate and save a new or changed page, re-deriving its path and its descendants'
    (a renamed or moved page moves its subtree)."""
    page.derive_fields()
    page.full_clean()
    page.save(derive=False)
    for child in page.children.all():
        child.parent = page
        save_page(child)
    return page
