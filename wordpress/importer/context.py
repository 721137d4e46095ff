"""What one import run knows besides the current item: every step reads and updates it."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model

from wordpress import wxr
from wordpress.batch import Pending
from wordpress.importer.languages import LanguagePlan
from wordpress.redirects import RedirectWriter
from wordpress.report import Report


@dataclass
class ImportContext:
    """What one import run knows besides the current item."""

    report: Report
    language: str = ""
    media_dir: Path | None = None
    options: dict = field(default_factory=dict)
    stage: Callable[[str], None] = lambda name: None
    atomic_depth: int = 0
    site: wxr.Site = field(default_factory=wxr.Site)
    blog: str = ""  # the file's blog address, once checked (blogs.check)
    users_by_login: dict = field(default_factory=dict)  # login -> user pk
    users_by_wordpress_id: dict = field(default_factory=dict)  # WordPress user id -> user pk
    media_by_path: dict = field(default_factory=dict)  # uploads-relative path -> Media pk
    media_by_parent: dict = field(default_factory=dict)  # WordPress post id -> [Media pk]
    media_by_wordpress_id: dict = field(default_factory=dict)
    media_urls: dict = field(default_factory=dict)  # Media pk -> its address
    # Why a fetch failed, by attachment WordPress id, until its import reports it.
    fetch_errors: dict = field(default_factory=dict)
    # Uploaded files that bodies show or link to: original's path -> (address, alt)
    # (body_files).
    body_files: dict = field(default_factory=dict)
    # Published reusable blocks (items of type wp_block): WordPress id -> content, put
    # where articles and pages use them.
    reusable_blocks: dict = field(default_factory=dict)
    pending_parents: list = field(default_factory=list)  # (page pk, WordPress parent id)
    # The comments of attachments, by the WordPress id of the item they are attached to
    # (they join that article's comments; a blog has few of them).
    attachment_comments: dict = field(default_factory=dict)
    archive_days: set = field(default_factory=set)
    redirects: RedirectWriter | None = None
    users: dict = field(default_factory=dict)  # user pk -> user
    # What the batch handlers read ahead for the current batch (name -> ReadAhead).
    read_ahead: dict = field(default_factory=dict)
    # The rows the current batch's items leave to be inserted when it ends (None outside
    # a batch: write at once).
    pending: Pending | None = None
    terms: dict = field(default_factory=dict)  # (model, language, slug or name) -> term
    # Attachments' pages, answered by the article or page each belongs to: WordPress id ->
    # (parent's WordPress id, old address), read in the second pass.
    attachment_links: dict = field(default_factory=dict)
    # Each item's and term's language and translation group (importer.languages).
    languages: LanguagePlan | None = None
    # The WordPress ids of the articles and pages read so far, by kind: a file that lists
    # one id twice is reported (content.note_repeated_id).
    seen_items: dict = field(default_factory=dict)
    # The articles and pages whose links to the blog's own items are moved once the run
    # ends, (kind, WordPress id): they link to items imported after them (internal_links).
    links_left: set = field(default_factory=set)

    def user(self, *, login: str = "", wordpress_id: int = 0):
        pk = self.users_by_wordpress_id.get(wordpress_id) if wordpress_id else None
        pk = pk or (self.users_by_login.get(login) if login else None)
        if not pk:
            return None
        # A blog has few authors: keep them rather than read one back per article.
        if pk not in self.users:
            self.users[pk] = get_user_model().objects.filter(pk=pk).first()
        return self.users[pk]
