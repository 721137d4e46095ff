"""Creating and changing tags and categories."""

from django.db import transaction

from posts.models import Category, Tag

from .slugs import unique_slug


@transaction.atomic
def create_tag(
    *, name: str, slug: str = "", description: str = "", language: str = "", **extra
) -> Tag:
    tag = Tag(name=name.strip(), description=description, **extra)
    if language:
        tag.language = language
    tag.slug = slug or unique_slug(Tag, tag.name, language=tag.language, max_length=80)
    tag.full_clean()
    tag.save()
    return tag


@transaction.atomic
def create_category(
    *,
    name: str,
    slug: str = "",
    parent: Category | None = None,
    description: str = "",
    language: str = "",
    **extra,
) -> Category:
    category = Category(name=name.strip(), parent=parent, description=description, **extra)
    if language:
        category.language = language
    category.slug = slug or unique_slug(
        Category, category.name, language=category.language, max_length=120
    )
    category.full_clean()
    category.save()
    return category


@transaction.atomic
def update_term(term, **fields):
    """Change a tag's or category's fields (name, slug, description, parent, language)."""
    for name, value in fields.items():
        setattr(term, name, value)
    term.full_clean()
    term.save()
    return term
