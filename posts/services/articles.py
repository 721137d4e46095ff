"""Creating and changing articles, with their derived fields and terms."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import UniqueConstraint
from django.db.models.signals import m2m_changed

from posts.markup import BodyFormat
from posts.models import Media, Post

from .slugs import unique_slug


def _is_saved(instance, name: str) -> bool:
    """True when the related row `name` was given as an instance read from the database."""
    field = instance._meta.get_field(name)
    if not field.is_cached(instance):
        return False
    related = field.get_cached_value(instance)
    return related is not None and not related._state.adding


def _validate_post(post: Post, *, slug_is_free: bool = False) -> None:
    """full_clean() without the queries that cannot fail after derive_fields().

    A related row given as a saved instance needs no query to prove it exists (the
    database's foreign key still holds). The check constraints repeat what clean_fields()
    (a status among the choices) and derive_fields() (a date on what is not a draft) have
    just ensured, and Django checks each with a query. The WordPress id is no one's to
    type (not editable): its uniqueness is the database's to check, as for comments. The
    unique constraints are still checked: their message names the field (a slug taken in
    that language), the slug's unless the caller has just found it free.
    """
    exclude = {name for name in ("author", "cover") if _is_saved(post, name)}
    errors = {}
    try:
        post.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for constraint in Post._meta.constraints:
        if not isinstance(constraint, UniqueConstraint):
            continue
        if slug_is_free and "slug" in constraint.fields:
            continue
        try:
            constraint.validate(Post, post, exclude=exclude | set(errors))
        except ValidationError as error:
            errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def _add_new_terms(post: Post, name: str, terms) -> None:
    """Link a post saved a moment ago to its tags or categories: it has none yet, so there
    is nothing to compare (set() would read them twice). m2m_changed is sent as add() does."""
    manager = getattr(post, name)
    through = manager.through
    pks = list(dict.fromkeys(term if isinstance(term, int) else term.pk for term in terms))
    source, target = manager.source_field_name, manager.target_field_name
    signal = {"sender": through, "instance": post, "reverse": False, "model": manager.model}
    m2m_changed.send(action="pre_add", pk_set=set(pks), **signal)
    through.objects.bulk_create([through(**{source: post, f"{target}_id": pk}) for pk in pks])
    m2m_changed.send(action="post_add", pk_set=set(pks), **signal)


@transaction.atomic
def create_post(
    *,
    title: str,
    author,
    body: str,
    slug: str = "",
    lead: str = "",
    body_format: str = BodyFormat.MARKDOWN,
    status: str = Post.Status.DRAFT,
    published_at: datetime | None = None,
    updated_at: datetime | None = None,
    language: str = "",
    tags=(),
    categories=(),
    cover: Media | None = None,
    sticky: bool = False,
    comments_open: bool = True,
    comments_close_after_days: int | None = None,
    translation_key=None,
    wordpress_id: int | None = None,
    slug_is_free: bool = False,
    password: str = "",
) -> Post:
    """Validate and save an article with its derived fields (rendered body, reading time,
    scheduled status) and its terms. slug_is_free: the caller has just found the slug
    free in this transaction (an import: a query less per article).

    updated_at keeps the date an imported or demo article was last changed (otherwise it is
    now). Raise ValidationError on a bad field.
    """
    post = Post(
        title=title.strip(),
        author=author,
        body=body,
        lead=lead.strip(),
        body_format=body_format,
        status=status,
        published_at=published_at,
        cover=cover,
        sticky=sticky,
        comments_open=comments_open,
        comments_close_after_days=comments_close_after_days,
        translation_key=translation_key,
        wordpress_id=wordpress_id,
        password=password,
    )
    if language:
        post.language = language
    post.slug = slug or unique_slug(Post, post.title, language=post.language)
    post.derive_fields()
    _validate_post(post, slug_is_free=slug_is_free and bool(slug))
    post.save(derive=False)
    if updated_at is not None:
        Post.objects.filter(pk=post.pk).update(updated_at=updated_at)
        post.updated_at = updated_at
    if tags:
        _add_new_terms(post, "tags", tags)
    if categories:
        _add_new_terms(post, "categories", categories)
    return post


POST_FIELDS = {
    "title",
    "author",
    "body",
    "slug",
    "lead",
    "body_format",
    "status",
    "published_at",
    "language",
    "translation_key",
    "cover",
    "sticky",
    "comments_open",
    "comments_close_after_days",
}


@transaction.atomic
def update_post(post: Post, *, tags=None, categories=None, **fields) -> Post:
    """Change an article's fields (and, when given, its terms), re-deriving what follows.

    Only the names in POST_FIELDS may be passed. Raise ValidationError on a bad field.
    """
    unknown = set(fields) - POST_FIELDS
    if unknown:
        raise TypeError(f"update_post() got unexpected fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(post, name, value)
    post.derive_fields()
    _validate_post(post)
    post.save(derive=False)
    if tags is not None:
        post.tags.set(tags)
    if categories is not None:
        post.categories.set(categories)
    return post
