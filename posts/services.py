"""Writes to articles, pages and terms. The admin, the demo loader, the WordPress import,
benches and tests all create content through these, so derived fields are always set."""

import uuid
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import UniqueConstraint
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext as _

from blogsite.slugs import ascii_slug
from posts.markup import BodyFormat
from posts.models import Category, Media, Page, Post, Tag

SLUG_CANDIDATES = 20  # slugs unique_slug() asks about in its first query


def unique_slug(model, text: str, *, language: str, exclude_pk=None, max_length=200) -> str:
    """A slug for `text` not yet used in `language` ("-2", "-3"... appended when it is).

    Accents are dropped ("Perché" -> "perche") and other scripts transliterated
    ("客户体验" -> "kehutiyan", see blogsite.slugs); a title with nothing left (only symbols)
    gets the model's name.
    """
    base = slug_base(model, text, max_length=max_length)

    def candidate(n: int) -> str:
        suffix = f"-{n}" if n > 1 else ""
        return base[: max_length - len(suffix)] + suffix

    rows = model.objects.filter(language=language).exclude(pk=exclude_pk)
    # The first few candidates by equality (the unique index answers): a prefix match would
    # read every "articolo-1..." of a large site to name "articolo-1".
    first = [candidate(n) for n in range(1, SLUG_CANDIDATES + 1)]
    taken = set(rows.filter(slug__in=first).values_list("slug", flat=True))
    for slug in first:
        if slug not in taken:
            return slug
    taken |= set(rows.filter(slug__startswith=base).values_list("slug", flat=True))
    n = SLUG_CANDIDATES + 1
    while candidate(n) in taken:
        n += 1
    return candidate(n)


def slug_base(model, text: str, *, max_length=200) -> str:
    """The slug unique_slug() gives `text` when it is free (its first candidate)."""
    return ascii_slug(text)[:max_length].strip("-") or ascii_slug(model._meta.model_name)


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
    language: str = "",
    translation_key=None,
    wordpress_id: int | None = None,
    password: str = "",
) -> Page:
    """Validate and save a static page; its path follows from its parents' slugs."""
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
    return save_page(page)


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


@transaction.atomic
def update_term(term, **fields):
    """Change a tag's or category's fields (name, slug, description, parent, language)."""
    for name, value in fields.items():
        setattr(term, name, value)
    term.full_clean()
    term.save()
    return term


# --- Translations (issue 12) -------------------------------------------------------------


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


@transaction.atomic
def save_profile(
    *, user, display_name: str, bio: str | None = None, avatar=None, language: str | None = None
):
    """Create or update the profile readers see for user; bio, avatar and e-mail language
    ("" for the site's first) kept unless given."""
    from posts.models import Profile

    profile = Profile.objects.filter(user=user).first() or Profile(user=user)
    profile.display_name = display_name.strip()
    if bio is not None:
        profile.bio = bio
    if language is not None:
        profile.language = language
    if avatar is not None:
        profile.avatar = avatar
    profile.full_clean()
    profile.save()
    return profile


@transaction.atomic
def record_revision(*, post: Post, editor=None):
    """Keep what post says now as a revision; the editor's autosave is no longer needed."""
    from posts.models import Revision

    Revision.objects.filter(post=post, editor=editor, kind=Revision.Kind.AUTOSAVE).delete()
    return Revision.objects.create(
        post=post, title=post.title, lead=post.lead, body=post.body, editor=editor
    )


@transaction.atomic
def autosave_body(*, post: Post, editor, title: str, lead: str, body: str):
    """Overwrite editor's autosave slot of post with what they are typing (post unchanged)."""
    from posts.models import Revision

    revision, _created = Revision.objects.update_or_create(
        post=post,
        editor=editor,
        kind=Revision.Kind.AUTOSAVE,
        defaults={"title": title[:200], "lead": lead, "body": body},
    )
    return revision


@transaction.atomic
def restore_revision(*, revision, editor=None) -> Post:
    """Put a revision's title, lead and body back on its article, as a new revision."""
    post = revision.post
    post.title, post.lead, post.body = revision.title, revision.lead, revision.body
    post.save()
    record_revision(post=post, editor=editor)
    return post
