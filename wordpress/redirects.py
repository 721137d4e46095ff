"""Old WordPress addresses -> ours, as django.contrib.redirects rows (editable in the admin).

An old path that one of our own addresses already answers (/cerca/, /privacy/, a page or a
tag there) is reported and left alone: a redirect would never be reached (the fallback
middleware only acts on a 404) and shadowing our page silently would be worse.
"""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _

from posts.models import Category, Page, Post, Tag
from wordpress.batch import IN_QUERY_SIZE, ReadAhead

KIND = "redirects"


def old_path(url_or_path: str) -> str:
    """The path of an old address, percent-encoded as Django's request.get_full_path() gives
    it (WordPress writes Unicode slugs encoded in lower case, browsers may not)."""
    parts = urlsplit(url_or_path or "")
    if parts.query or not parts.path:
        return ""  # ?p=123 and friends are answered by WordPressQueryAddressMiddleware
    path = escape_uri_path(unquote(parts.path))
    return path if path.startswith("/") else "/" + path


def reverse_in(language: str, name: str, **kwargs) -> str | None:
    """Our address for a URL name in a language, or None when we have no such page."""
    try:
        with translation.override(language or None):
            return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def _language_of(path: str) -> str:
    """The language whose addresses `path` is among: its prefix's, else the first's."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


# Our views that show one item found by its address in the address's language: another
# language's item there is only a temporary redirect (posts.languages.ContentElsewhere),
# which wordpress.middleware turns into a 301 for an imported item's old address.
IN_LANGUAGE = {
    "posts:page": (Page, "path"),
    "posts:detail": (Post, "slug"),
    "posts:tag-detail": (Tag, "slug"),
    "posts:category-detail": (Category, "slug"),
}


def answered_here(path: str) -> str:
    """What of ours answers at `path` ("" when nothing does, so a redirect may go there).
    A page, an article or a term answers only in its own language: an English page is at
    /en/about/, and /about/ only leads there."""
    return answers_here([path])[path]


def answers_here(paths) -> dict:
    """answered_here() of each of `paths`, with one query per kind of item among them."""
    answers, wanted = {}, {}
    for path in paths:
        try:
            match = resolve(unquote(path))
        except Resolver404:
            answers[path] = ""
            continue
        if match.view_name in IN_LANGUAGE:
            model, field = IN_LANGUAGE[match.view_name]
            value = match.kwargs[field].strip("/")
            wanted.setdefault((model, field), {})[path] = (value, match.view_name)
        else:
            answers[path] = match.view_name or match.url_name or "view"
    for (model, field), items in wanted.items():
        values = {value for value, _view in items.values()}
        found = set(
            model.objects.filter(**{f"{field}__in": values}).values_list(field, "language")
        )
        for path, (value, view) in items.items():
            here = (value, _language_of(path)) in found
            answers[path] = (f"page /{value}/" if model is Page else view) if here else ""
    return answers


def view_at(path: str) -> str:
    """The name of our view at `path` ("" when none)."""
    try:
        return resolve(unquote(path)).view_name
    except Resolver404:
        return ""


class RedirectWriter:
    """Create or update the redirect rows of one import, counting them in the report."""

    def __init__(self, report, *, prefix: str = ""):
        self.report = report
        self.prefix = prefix.rstrip("/")
        self.site = Site.objects.get_current()
        self.seen: set[str] = set()
        self.existing = None  # batch.ReadAhead of a batch's old paths
        self.pending = None  # batch.Pending of the batch: new rows are inserted together
        self.answers: dict = {}  # old path -> answered_here(), read ahead for a batch
        self.known: dict[str, str] = {}  # old path -> new address, of this run's rows

    def path_of(self, old: str) -> str:
        """The old path a row of this old address has ("" when none can)."""
        return self._path(old)

    def new_addresses(self, paths) -> dict[str, str]:
        """The new address of each of these old paths the import knows: this run's rows,
        else an earlier import's (one query per IN_QUERY_SIZE paths), else the path itself
        when an article or a page answers there."""
        found = {path: self.known[path] for path in paths if path in self.known}
        others = sorted(set(paths) - set(found))
        for start in range(0, len(others), IN_QUERY_SIZE):
            rows = Redirect.objects.filter(
                site=self.site, old_path__in=others[start : start + IN_QUERY_SIZE]
            )
            found.update(rows.values_list("old_path", "new_path"))
        # An item that kept its address has no row: found where it answers.
        missing = [path for path in others if path not in found]
        for path, answer in answers_here(missing).items():
            if answer.startswith("page ") or answer == "posts:detail":
                found[path] = path
        return found

    def _path(self, old: str) -> str:
        path = old_path(old)
        if path and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            path += "/"
        return path

    def read_ahead(self, urls) -> None:
        """Read the rows of these old addresses (a batch's links) in one query."""
        paths = {path for path in map(self._path, urls) if path and path not in self.seen}
        # Also what of ours answers there (a page?): asked once for the batch.
        self.answers = answers_here(paths)
        self.existing = ReadAhead(
            paths,
            lambda paths: {
                row.old_path: row
                for row in Redirect.objects.filter(site=self.site, old_path__in=paths)
            },
        )

    def pages_changed(self) -> None:
        """A page was saved: what answers at an old path is asked again."""
        self.answers = {}

    def add(self, old: str, new: str | None, *, label: str = "") -> None:
        self._store(self._path(old), new)

    def add_exact(self, path: str, new: str | None) -> None:
        """Add an old path as this site's own export wrote it (prefix and query included)."""
        self._store(path if path.startswith("/?") else self._path(path), new)

    def add_query(self, key: str, wordpress_id: int, new: str | None) -> None:
        """Add /?key=id (an attachment's id: wordpress.middleware reads these rows)."""
        self._store(f"/?{key}={wordpress_id}", new)

    def _store(self, path: str, new: str | None) -> None:
        if not path or not new:
            return
        if path == new:
            # The item kept its address: a link to it only loses the old domain.
            self.known[path] = new
            return
        if path in self.seen:
            return
        self.seen.add(path)
        if self.pending is not None:
            self.pending.on_undo(lambda: self.seen.discard(path))
        if len(path) > 200:
            self.report.skip(KIND, path[:80] + "...", _("the old address is too long to store"))
            return
        answered_by = self.answers.pop(path) if path in self.answers else answered_here(path)
        if answered_by:
            self.report.collision(path, answered_by)
            reason = _("one of our addresses answers there (%(view)s)") % {"view": answered_by}
            self.report.skip(KIND, path, reason)
            return
        if self.existing is not None:
            existing = self.existing.take([path]).get(path)
        else:
            existing = Redirect.objects.filter(site=self.site, old_path=path).first()
        self.known[path] = new
        if self.pending is not None:
            self.pending.on_undo(lambda: self.known.pop(path, None))
        if existing is None:
            row = Redirect(site=self.site, old_path=path, new_path=new)
            if self.pending is not None:
                self.pending.add(KIND, [row], Redirect.objects.bulk_create)
            else:
                row.save(force_insert=True)
            self.report.count(KIND, "created")
        elif existing.new_path != new:
            existing.new_path = new
            existing.save(update_fields=["new_path"])
            self.report.count(KIND, "updated")
        else:
            self.report.count(KIND, "unchanged")

    def add_path(self, path: str, new: str | None, **kwargs) -> None:
        """Add an old address given relative to the old blog's root (/category/x/)."""
        self.add(self.prefix + path, new, **kwargs)
