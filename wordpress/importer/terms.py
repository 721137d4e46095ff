"""Categories (with their parents) and tags, and the terms each article names."""

from django.utils.translation import gettext as _

from posts import services
from posts.models import Category, Tag
from wordpress import wxr
from wordpress.importer import languages
from wordpress.importer.fields import wordpress_slug
from wordpress.redirects import reverse_in


def term_kind(term: wxr.Term) -> str:
    return {"category": "categories", "post_tag": "tags"}.get(term.taxonomy, "other")


def import_term(context, term: wxr.Term, language: str = ""):
    language = language or languages.of_term(context, term)
    if term.taxonomy == "category":
        return _import_category(context, term, language)
    if term.taxonomy == "post_tag":
        return _import_tag(context, term, language)
    if term.taxonomy in languages.LANGUAGE_TAXONOMIES:
        return None  # Polylang's languages and translation groups: read by the first pass
    context.report.skip(
        "other", term.name, _("taxonomy “%(t)s” is not imported") % {"t": term.taxonomy}
    )
    return None


def _find_term(model, language, term: wxr.Term):
    found = model.objects.filter(wordpress_id=term.id).first() if term.id else None
    if found is None and not term.id:
        found = model.objects.filter(
            language=language, slug=wordpress_slug(term.slug or term.name)
        ).first()
    return found


def _translation(context, model, term, language, kind) -> dict:
    key = term.id and languages.translation_key(context, model, term.id, language, kind, term.name)
    return {"translation_key": key} if key else {}


def _import_tag(context, term: wxr.Term, language: str) -> Tag:
    tag = _find_term(Tag, language, term)
    wanted = {
        "name": term.name[:80],
        "description": term.description,
        "language": language,
        **_translation(context, Tag, term, language, "tags"),
    }
    if tag is None:
        clash = Tag.objects.filter(language=language, name=wanted["name"]).first()
        if clash is not None and clash.wordpress_id is None and term.id:
            # A tag of ours with the same name: the WordPress one is the same label.
            tag = services.update_term(clash, wordpress_id=term.id)
            context.report.count("tags", "updated")
        else:
            tag = services.create_tag(
                slug=_free_slug(Tag, term, language, max_length=80),
                wordpress_id=term.id,
                **wanted,
            )
            context.report.count("tags", "created")
    else:
        _update_if_changed(context, "tags", tag, wanted)
    slug = term.slug or tag.slug
    context.redirects.add_path(
        f"/tag/{slug}/", reverse_in(tag.language, "posts:tag-detail", slug=tag.slug)
    )
    context.redirects.add_path(
        f"/tag/{slug}/feed/", reverse_in(tag.language, "posts:tag-feed-rss", slug=tag.slug)
    )
    for old in term.old_addresses:
        context.redirects.add_exact(old, tag.get_absolute_url())
    return tag


def _import_category(context, term: wxr.Term, language: str) -> Category:
    category = _find_term(Category, language, term)
    parent = None
    if term.parent_slug:
        parent = Category.objects.filter(
            language=language, slug=wordpress_slug(term.parent_slug)
        ).first()
    wanted = {
        "name": term.name[:120],
        "description": term.description,
        "parent": parent,
        "language": language,
        **_translation(context, Category, term, language, "categories"),
    }
    if category is None:
        category = services.create_category(
            slug=_free_slug(Category, term, language, max_length=120),
            wordpress_id=term.id,
            **wanted,
        )
        context.report.count("categories", "created")
    else:
        _update_if_changed(context, "categories", category, wanted)
    # WordPress nests category addresses: /category/parent/child/.
    slugs = [term.slug or category.slug]
    ancestor = parent
    while ancestor is not None and len(slugs) < 10:
        slugs.insert(0, ancestor.slug)
        ancestor = ancestor.parent
    new = reverse_in(category.language, "posts:category-detail", slug=category.slug)
    for path in {"/".join(slugs), term.slug or category.slug}:
        context.redirects.add_path(f"/category/{path}/", new)
        feed = reverse_in(category.language, "posts:category-feed-rss", slug=category.slug)
        if feed:
            context.redirects.add_path(f"/category/{path}/feed/", feed)
    for old in term.old_addresses:
        context.redirects.add_exact(old, new)
    return category


def _free_slug(model, term, language, *, max_length) -> str:
    base = wordpress_slug(term.slug) or wordpress_slug(term.name)
    return services.unique_slug(model, base or term.name, language=language, max_length=max_length)


def _update_if_changed(context, kind, term, wanted) -> None:
    changed = {k: v for k, v in wanted.items() if getattr(term, k) != v}
    if changed:
        services.update_term(term, **changed)
        context.report.count(kind, "updated")
    else:
        context.report.count(kind, "unchanged")


def item_terms(context, item: wxr.Item, language: str):
    tags, categories = [], []
    for domain, nicename, name in item.terms:
        if domain not in ("post_tag", "category") or not (nicename or name):
            continue
        model = Tag if domain == "post_tag" else Category
        key = (model, language, nicename, name)
        term = context.terms.get(key)
        if term is None:
            term = model.objects.filter(
                language=language, slug=wordpress_slug(nicename or name)
            ).first()
            if term is None:
                term = model.objects.filter(language=language, name=name).first()
            if term is not None:
                # Found before this item: the next articles with it need no query.
                context.terms[key] = term
        if term is None:
            # WXR 1.0 files and exports by author list only some terms up front.
            term = import_term(
                context, wxr.Term(domain, None, nicename, name or nicename), language
            )
        (tags if domain == "post_tag" else categories).append(term)
    return tags, categories
