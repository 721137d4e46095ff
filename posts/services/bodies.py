"""Replacing the bodies of many articles and pages at once."""

from django.db import transaction

from posts import cache
from posts.markup import render_body
from posts.models import Page, Post


@transaction.atomic
def replace_bodies(*, items: list[Post | Page]) -> None:
    """Save the new body of each article or page (already set on it), rendered again, in
    one UPDATE per kind. Their date of change stays: an import moving the addresses of
    their links to the blog's own items changed nothing their authors wrote."""
    for model in (Post, Page):
        rows = [item for item in items if isinstance(item, model)]
        for row in rows:
            row.body_html = render_body(row.body, row.body_format)
        if rows:
            # bulk_update() sends no post_save: the page cache is told below.
            model.objects.bulk_update(rows, ["body", "body_html"], batch_size=500)
    if items:
        cache.site_changed()
