"""Translations of articles and pages: a draft copy in the other language, linked to the
original by their shared translation_key."""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from posts.models import Category, Page, Post, Tag

from .articles import create_post
from .pages import create_page
from .slugs import unique_slug


@transaction.atomic
def create_translation(*, post: Post, language: str, author) -> Post:
    """Create the translation of post into language: a draft copy to be translated, linked
    to post by translation_key, with the tags and categories of that language that
    translate post's. Raise ValidationError when language is post's own or already has
    its version."""
    key = _translation_key_for(
        post,
        language,
        same_language=_("This article is already written in that language."),
        taken=_("This article already has a translation in that language."),
    )
    return create_post(
        title=post.title,
        author=author,
        body=post.body,
        lead=post.lead,
        body_format=post.body_format,
        status=Post.Status.DRAFT,
        language=language,
        translation_key=key,
        tags=_counterparts(Tag, post.tags.all(), language),
        categories=_counterparts(Category, post.categories.all(), language),
        cover=post.cover,
        comments_open=post.comments_open,
        comments_close_after_days=post.comments_close_after_days,
        password=post.password,  # protected in every language until an editor says otherwise
    )


@transaction.atomic
def create_page_translation(*, page: Page, language: str, author) -> Page:
    """Create the translation of page into language: a draft copy to be translated, linked
    to page by translation_key, under the translation of page's parent into language, or
    at the top level when the parent has none yet. Raise ValidationError when language is
    page's own or already has its version."""
    key = _translation_key_for(
        page,
        language,
        same_language=_("This page is already written in that language."),
        taken=_("This page already has a translation in that language."),
    )
    parent = None
    if page.parent is not None:
        parent = page.parent.translations().filter(language=language).first()
    return create_page(
        title=page.title,
        author=author,
        body=page.body,
        body_format=page.body_format,
        parent=parent,
        position=page.position,
        status=Page.Status.DRAFT,
        language=language,
        translation_key=key,
        password=page.password,
    )


def _translation_key_for(item, language: str, *, same_language: str, taken: str):
    """The translation_key item shares with its translation into language, given to item
    first when it has none. Raise ValidationError(same_language) when language is item's
    own, ValidationError(taken) when item already has a version in language."""
    if language == item.language:
        raise ValidationError(same_language)
    model = type(item)
    if item.translation_key is None:
        # Only where the row has none yet, then read back: an editor translating it at the
        # same moment may have given it one since `item` was read, and a second key would
        # cut their translation off from it.
        rows = model.objects.filter(pk=item.pk)
        rows.filter(translation_key=None).update(translation_key=uuid.uuid4())
        item.translation_key = rows.values_list("translation_key", flat=True).get()
    if model.objects.filter(translation_key=item.translation_key, language=language).exists():
        raise ValidationError(taken)
    return item.translation_key


def slug_of_translation(*, item: Post | Page, title: str, slug: str) -> str:
    """The slug a translation (an article or a page) should keep: its own, derived from its
    (translated) title, while it is an unpublished translation whose slug is still the one
    copied from the item it translates; otherwise `slug` as given."""
    model = type(item)
    if item.pk is None or item.translation_key is None:
        return slug
    # Readers may have seen a published item's address: it never changes behind their back.
    if model.seen_by_readers(item.status, item.published_at):
        return slug
    if not item.translations().filter(slug=slug).exists():
        return slug  # chosen for this language already
    max_length = model._meta.get_field("slug").max_length
    own = unique_slug(
        model, title, language=item.language, exclude_pk=item.pk, max_length=max_length
    )
    return own if own != slug else slug


def _counterparts(model, terms, language: str) -> list:
    """The terms of language that translate terms (those without a translation are left)."""
    keys = [term.translation_key for term in terms if term.translation_key]
    return list(model.objects.filter(translation_key__in=keys, language=language))
