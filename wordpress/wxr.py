"""Read a WordPress export (WXR 1.0, 1.1 or 1.2) as a stream of small records.

The file is repaired as it is read (wordpress.xmlclean), then parsed by lxml's iterparse in
recovery mode: what is broken costs the broken part, with a warning naming its line, never
the file. lxml rather than the standard library because only libxml2 recovers from broken
XML and reports each line it recovered at; it is told never to load a DTD, expand an
entity or touch the network. Every element is dropped from the tree once it has been
turned into a record, so memory stays flat however long the export is. Both the http://
and https:// forms of the wordpress.org/export/ namespaces are accepted.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from lxml import etree  # its XMLSyntaxError

from wordpress import xmlclean
from wordpress.wxrnames import TagNames

# Written by this site's export, once per old address that leads to the item.
OLD_ADDRESS_META = "_blogsite_old_address"


class WXRError(Exception):
    """The file cannot be read as a WordPress export; the message says why (and where)."""


@dataclass
class Site:
    title: str = ""
    link: str = ""
    language: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""


@dataclass
class Author:
    id: int | None
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    taxonomy: str  # "category", "post_tag", or another taxonomy (skipped by the importer)
    id: int | None
    slug: str
    name: str
    parent_slug: str = ""
    description: str = ""
    meta: dict = field(default_factory=dict)  # wp:termmeta
    old_addresses: list = field(default_factory=list)


@dataclass
class Comment:
    id: int
    author: str = ""
    author_email: str = ""
    author_url: str = ""
    author_ip: str = ""
    date_gmt: str = ""
    date: str = ""
    content: str = ""
    approved: str = "1"
    type: str = ""
    parent: int = 0
    user_id: int = 0
    meta: dict = field(default_factory=dict)


@dataclass
class Item:
    id: int
    post_type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""
    date_gmt: str = ""
    pub_date: str = ""  # the RSS <pubDate>: a date when an exporter wrote no wp:post_date
    modified: str = ""
    modified_gmt: str = ""
    comment_status: str = "open"
    name: str = ""
    status: str = ""
    parent: int = 0
    menu_order: int = 0
    password: str = ""
    sticky: bool = False
    attachment_url: str = ""
    terms: list = field(default_factory=list)  # [(domain, nicename, name)]
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)
    old_addresses: list = field(default_factory=list)  # OLD_ADDRESS_META, all of them


def _int(text, default=0):
    try:
        return int((text or "").strip())
    except ValueError:
        return default


def _children(element, names):
    return {names(child.tag): (child.text or "") for child in element}


def _author(element, names) -> Author:
    f = _children(element, names)
    return Author(
        id=_int(f.get("wp:author_id"), None),
        login=f.get("wp:author_login", "").strip(),
        email=f.get("wp:author_email", "").strip(),
        display_name=f.get("wp:author_display_name", "").strip(),
        first_name=f.get("wp:author_first_name", "").strip(),
        last_name=f.get("wp:author_last_name", "").strip(),
    )


def _term(element, names) -> Term:
    term = _term_fields(element, names)
    for child in element:
        if names(child.tag) == "wp:termmeta":
            key, value = _meta(child, names)
            term.meta[key] = value
            if key == OLD_ADDRESS_META:
                term.old_addresses.append(value)
    return term


def _term_fields(element, names) -> Term:
    f = _children(element, names)
    kind = names(element.tag)
    if kind == "wp:category":
        return Term(
            "category",
            _int(f.get("wp:term_id"), None),
            f.get("wp:category_nicename", "").strip(),
            f.get("wp:cat_name", "").strip(),
            f.get("wp:category_parent", "").strip(),
            f.get("wp:category_description", ""),
        )
    if kind == "wp:tag":
        return Term(
            "post_tag",
            _int(f.get("wp:term_id"), None),
            f.get("wp:tag_slug", "").strip(),
            f.get("wp:tag_name", "").strip(),
            "",
            f.get("wp:tag_description", ""),
        )
    return Term(
        f.get("wp:term_taxonomy", "").strip(),
        _int(f.get("wp:term_id"), None),
        f.get("wp:term_slug", "").strip(),
        f.get("wp:term_name", "").strip(),
        f.get("wp:term_parent", "").strip(),
        f.get("wp:term_description", ""),
    )


def _meta(element, names) -> tuple[str, str]:
    f = _children(element, names)
    return f.get("wp:meta_key", ""), f.get("wp:meta_value", "")


COMMENT_FIELDS = {
    "wp:comment_id": "id",
    "wp:comment_author": "author",
    "wp:comment_author_email": "author_email",
    "wp:comment_author_url": "author_url",
    "wp:comment_author_IP": "author_ip",
    "wp:comment_date": "date",
    "wp:comment_date_gmt": "date_gmt",
    "wp:comment_content": "content",
    "wp:comment_approved": "approved",
    "wp:comment_type": "type",
    "wp:comment_parent": "parent",
    "wp:comment_user_id": "user_id",
}


def _comment(element, names) -> Comment:
    comment = Comment(id=0)
    for child in element:
        tag = names(child.tag)
        text = child.text or ""
        if tag == "wp:commentmeta":
            key, value = _meta(child, names)
            comment.meta[key] = value
            continue
        attribute = COMMENT_FIELDS.get(tag)
        if attribute in ("id", "parent", "user_id"):
            setattr(comment, attribute, _int(text))
        elif attribute:
            setattr(comment, attribute, text.strip() if attribute != "content" else text)
    return comment


ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "dc:creator": "creator",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_date": "date",
    "wp:post_date_gmt": "date_gmt",
    "pubDate": "pub_date",
    "wp:post_modified": "modified",
    "wp:post_modified_gmt": "modified_gmt",
    "wp:comment_status": "comment_status",
    "wp:post_name": "name",
    "wp:status": "status",
    "wp:post_type": "post_type",
    "wp:post_password": "password",
    "wp:attachment_url": "attachment_url",
}


def _item(element, names, comments_of=None) -> Item:
    item = Item(id=0, post_type="")
    for child in element:
        tag = names(child.tag)
        text = child.text or ""
        if tag == "wp:post_id":
            item.id = _int(text)
        elif tag == "wp:post_parent":
            item.parent = _int(text)
        elif tag == "wp:menu_order":
            item.menu_order = _int(text)
        elif tag == "wp:is_sticky":
            item.sticky = text.strip() == "1"
        elif tag == "category":
            item.terms.append(
                (child.get("domain", ""), child.get("nicename", "").strip(), text.strip())
            )
        elif tag == "wp:postmeta":
            key, value = _meta(child, names)
            item.meta[key] = value
            if key == OLD_ADDRESS_META:
                item.old_addresses.append(value)
        elif tag == "wp:comment":
            # WordPress writes the type before the comments; read them when unsure.
            if comments_of is None or not item.post_type or item.post_type in comments_of:
                item.comments.append(_comment(child, names))
        elif tag in ITEM_FIELDS:
            value = text if tag in ("content:encoded", "excerpt:encoded") else text.strip()
            setattr(item, ITEM_FIELDS[tag], value)
    if item.post_type == "post" and item.meta.get("_sticky") == "1":
        item.sticky = True
    return item


def read(source, warn=None, comments_of=None) -> Iterator[Site | Author | Term | Item]:
    """Yield the site header, then authors, terms and items, in file order; with
    comments_of (post types), only items of those types come with their comments.

    `source` is a path or a binary file object. What is broken in the file is repaired or
    skipped, and warn(line, message) is told each time (wordpress.xmlclean, then the
    parser's recovery). Raise WXRError only when nothing can be read: the file is not a
    WordPress export, declares entities, or holds no XML at all (the message names the
    line and the reason).
    """
    warn = warn or (lambda line, message: None)
    if isinstance(source, str | Path):
        with open(source, "rb") as raw:
            yield from _read(raw, warn, comments_of)
    else:
        yield from _read(source, warn, comments_of)


def _read(raw, warn, comments_of) -> Iterator[Site | Author | Term | Item]:
    names = TagNames()
    site = Site()
    site_sent = False
    depth = 0
    channel = None
    events = xmlclean.iterparse(raw, warn)
    reported = 0
    try:
        for event, payload in events:
            if len(events.error_log) > reported:
                reported = xmlclean.report_errors(events.error_log, reported, warn)
            if event == "start-ns":
                names.add(payload[1])
                continue
            element = payload
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != "rss":
                    raise WXRError(
                        _(
                            "This is not a WordPress export (WXR): it is not an RSS file "
                            "(line %(line)d: <%(tag)s>)."
                        )
                        % {"line": element.sourceline or 1, "tag": element.tag}
                    )
                if depth == 2 and element.tag == "channel":
                    channel = element
                if depth == 3 and element.tag == "item" and not site_sent:
                    _check_wxr(names, site)
                    site_sent = True
                    yield site
                continue
            depth -= 1
            if depth != 2 or channel is None:
                continue
            tag = names(element.tag)
            record = None
            if tag == "item":
                record = _item(element, names, comments_of)
            elif tag == "wp:author":
                record = _author(element, names)
            elif tag in ("wp:category", "wp:tag", "wp:term"):
                record = _term(element, names)
            elif tag == "wp:wxr_version":
                site.wxr_version = (element.text or "").strip()
            elif tag == "wp:base_site_url":
                site.base_site_url = (element.text or "").strip().rstrip("/")
            elif tag == "wp:base_blog_url":
                site.base_blog_url = (element.text or "").strip().rstrip("/")
            elif tag in ("title", "link", "language"):
                setattr(site, tag, (element.text or "").strip())
            # Done with it: drop it from the tree so nothing accumulates.
            channel.remove(element)
            if record is not None:
                if not site_sent:
                    _check_wxr(names, site)
                    site_sent = True
                    yield site
                yield record
    except xmlclean.HostileXML as hostile:
        raise WXRError(
            _(
                "Refused: the file declares entities at line %(line)d (a WordPress export "
                "never does; entities are how XML files attack the programs that read them)."
            )
            % {"line": hostile.args[0]}
        ) from hostile
    except etree.XMLSyntaxError as error:
        if channel is None:
            raise WXRError(xmlclean.nothing_read(error.lineno, error.msg)) from error
        warn(error.lineno or 0, _("the file ends here: %(error)s") % {"error": error.msg})
    xmlclean.report_errors(events.error_log, reported, warn)
    if channel is None:
        log = list(events.error_log)
        raise WXRError(
            xmlclean.nothing_read(log[0].line if log else 1, log[0].message if log else "")
        )
    if not site_sent:
        _check_wxr(names, site)
        yield site


def _check_wxr(names, site):
    if not names.has_wp or not site.wxr_version and not site.base_site_url:
        raise WXRError(
            _(
                "This is not a WordPress export (WXR): it has no wordpress.org/export "
                "namespace or WXR version."
            )
        )
