"""Which WordPress blog a file is, so that two blogs are never imported into one site.

Every row an import writes is keyed by its WordPress id (a re-import updates it instead of
adding a copy), and those ids are only unique within one blog: a second blog's post 12
would overwrite the first blog's post 12, its comments and its old addresses. The site
remembers the address of each blog it imported (`ImportedBlog`); a file from another
address is refused before anything is read into the site, unless the importer says it is
the same blog under a new address (`--same-blog`: a new domain, http to https is not one).
"""

from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from wordpress import wxr
from wordpress.models import ImportedBlog


class OtherBlog(wxr.WXRError):
    """The file is another blog than the one this site imported."""


def blog_address(site: wxr.Site) -> str:
    """The blog's address without scheme and "www." (WordPress.com files name the blog in
    base_blog_url; base_site_url is wordpress.com itself): "" when the file names none."""
    url = site.base_blog_url or site.link or site.base_site_url
    parts = urlsplit(url if "://" in url else "//" + url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return (host + parts.path.rstrip("/"))[:300] if host else ""


def check(context, site: wxr.Site) -> None:
    """Refuse (OtherBlog) a file from another blog than those already imported, else
    remember its address; once per run."""
    address = blog_address(site)
    if not address or context.blog == address:
        return
    known = list(ImportedBlog.objects.values_list("address", flat=True))
    if known and address not in known and not context.options.get("same_blog"):
        raise OtherBlog(
            _(
                "This site already holds the blog imported from %(known)s, and this file is "
                "another blog (%(address)s): their WordPress ids would collide, and one "
                "blog's articles, pages and comments would overwrite the other's. Import it "
                "into a site of its own; or, if it is the same blog under a new address, "
                "import it with --same-blog (in the admin: “the same blog under a new "
                "address”)."
            )
            % {"known": ", ".join(sorted(known)), "address": address}
        )
    ImportedBlog.objects.get_or_create(address=address)
    context.blog = address
