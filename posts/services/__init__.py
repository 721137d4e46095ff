"""Writes to articles, pages and terms. The admin, the demo loader, the WordPress import,
benches and tests all create content through these, so derived fields are always set.

One module per kind of item; everything is importable from here.
"""

from .articles import POST_FIELDS, create_post, update_post
from .bodies import replace_bodies
from .pages import create_page, save_page
from .profiles import save_profile
from .revisions import autosave_body, record_revision, restore_revision
from .slugs import SLUG_CANDIDATES, slug_base, unique_slug
from .terms import create_category, create_tag, update_term
from .translations import create_page_translation, create_translation, slug_of_translation

__all__ = [
    "POST_FIELDS",
    "SLUG_CANDIDATES",
    "autosave_body",
    "create_category",
    "create_page",
    "create_page_translation",
    "create_post",
    "create_tag",
    "create_translation",
    "record_revision",
    "replace_bodies",
    "restore_revision",
    "save_page",
    "save_profile",
    "slug_base",
    "slug_of_translation",
    "unique_slug",
    "update_post",
    "update_term",
]
