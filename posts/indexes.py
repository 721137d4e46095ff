"""What the index pages and the footer list: tags, categories, authors and months, each with
the number of articles readers can see, each in one query.

Every query starts from `reader_posts()`: a filter every reader list must share (the
articles' language, for one) is added there, once.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import get_language

from posts.models import Category, Page, Post, Tag

TAG_CLOUD_SIZE = 20
TAG_CLOUD_STEPS = 5
FOOTER_MONTHS = 12
# A footer is no site map: a blog that imported dozens of pages links the first few.
FOOTER_PAGES = 8


def reader_posts():
    """The articles every reader list counts and shows: those of the page's language."""
    return Post.objects.readable_in(get_language())


def _counted(relation: str):
    """Count of the reader's articles through `relation` (posts of a tag, of an author)."""
    return Count(relation, filter=Q(**{f"{relation}__in": reader_posts()}), distinct=True)


def tag_index():
    """Tags with at least one visible article, alphabetical, annotated with `post_count`."""
    return (
        Tag.objects.annotate(post_count=_counted("posts"))
        .filter(post_count__gt=0)
        .order_by("name", "pk")
    )


def tag_cloud(size: int = TAG_CLOUD_SIZE) -> list[Tag]:
    """The most used tags, alphabetical, each with a `weight` from 1 to TAG_CLOUD_STEPS."""
    tags = list(tag_index().order_by("-post_count", "name")[:size])
    if not tags:
        return []
    low, high = min(t.post_count for t in tags), max(t.post_count for t in tags)
    for tag in tags:
        span = high - low
        tag.weight = 1 + (
            round((tag.post_count - low) * (TAG_CLOUD_STEPS - 1) / span) if span else 0
        )
    return sorted(tags, key=lambda t: t.name.lower())


@dataclass
class CategoryNode:
    category: Category
    post_count: int
    children: list["CategoryNode"] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.post_count + sum(child.total for child in self.children)


def category_tree() -> list[CategoryNode]:
    """Every category as a tree (parents first, in their order), with article counts; one
    query. Branches where no category has a visible article are left out."""
    rows = list(
        Category.objects.annotate(post_count=_counted("posts")).order_by("position", "name")
    )
    nodes = {row.pk: CategoryNode(row, row.post_count) for row in rows}
    roots = []
    for row in rows:
        parent = nodes.get(row.parent_id)
        if parent is None or row.parent_id == row.pk:
            roots.append(nodes[row.pk])
        else:
            parent.children.append(nodes[row.pk])

    def prune(branch):
        kept = [node for node in branch if node.total > 0]
        for node in kept:
            node.children = prune(node.children)
        return kept

    return prune(roots)


def author_index():
    """People with at least one visible article, by the name readers see, with `post_count`.

    The profile comes with them (display names without a query per person).
    """
    return (
        get_user_model()
        .objects.annotate(post_count=_counted("posts"))
        .filter(post_count__gt=0)
        .select_related("profile")
        .order_by(F("profile__display_name").asc(nulls_last=True), "first_name", "last_name", "pk")
    )


@dataclass
class ArchiveYear:
    year: int
    months: list[tuple[datetime, int]]  # (first day of the month, article count), newest first

    @property
    def total(self) -> int:
        return sum(count for _month, count in self.months)


def archive_months(limit: int | None = None) -> list[tuple[datetime, int]]:
    """(month, article count) for every month with visible articles, newest first; one
    query. Months are those of the current time zone, as the date archives use."""
    rows = (
        reader_posts()
        .annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )
    if limit is not None:
        rows = rows[:limit]
    return [(row["month"], row["count"]) for row in rows]


def archive_years() -> list[ArchiveYear]:
    years: list[ArchiveYear] = []
    for month, count in archive_months():
        if not years or years[-1].year != month.year:
            years.append(ArchiveYear(month.year, []))
        years[-1].months.append((month, count))
    return years


def footer_pages(limit: int = FOOTER_PAGES) -> list[Page]:
    """The published top-level pages of the page's language, by their order then title."""
    return list(
        Page.objects.published()
        .in_language(get_language())
        .top_level()
        .only("title", "path", "language")
        .order_by("position", "title", "pk")[:limit]
    )
