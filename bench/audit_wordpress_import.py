"""Does a real WordPress export arrive whole? Figures per file, not asserts.

Usage (from the repository root):
    .venv/bin/python bench/audit_wordpress_import.py EXPORT.xml [EXPORT.xml ...]
    .venv/bin/python bench/audit_wordpress_import.py --language fr=it blog-fr.xml
    .venv/bin/python bench/audit_wordpress_import.py --verbose EXPORT.xml   # every failure
    .venv/bin/python bench/audit_wordpress_import.py --media-dir UPLOADS EXPORT.xml

For each file it first reads the export on its own, with a plain recovering XML parse that
shares nothing with our importer, and counts what WordPress showed everyone: post and page
items with wp:status publish, their approved comments (wp:comment_approved 1), pingbacks
and trackbacks apart, and the attachments; it keeps each published item's <link> and guid.
Then it imports the file into a fresh test database (a child process per file, as
bench/import_wordpress.py does) and checks, item by item, that every published article and
page is there and published, that every approved comment is there and approved (comments on
pages are kept apart, as wordpress.PageComment rows), and that the item's old addresses (the
<link> path, its guid when that is an address of the same site, and ?p=ID or ?page_id=ID)
answer 301 to that article or page through Django's test client. A lost item is named with
the reason the import report gives for it. Approved comments on articles are also checked
for their kind (pingbacks and trackbacks kept apart) and the comment they answer. Each
attachment's old page and ?attachment_id=ID must answer 301, except when neither its file
(no --media-dir, or not in it) nor its article is here: those are counted as "nofile".
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blogsite.test_settings")

WP_PREFIXES = ("http://wordpress.org/export/", "https://wordpress.org/export/")


def _local(tag) -> tuple[str, str]:
    """(namespace kind, local name) of an element: ("wp", "post_id"), ("", "link")."""
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{"):
        uri, name = tag[1:].split("}", 1)
        if uri.startswith(WP_PREFIXES) and "excerpt" not in uri:
            return "wp", name
        return uri, name
    if ":" in tag:  # an undeclared prefix the recovering parser kept in the name
        prefix, name = tag.split(":", 1)
        return ("wp" if prefix == "wp" else prefix), name
    return "", tag


def _child_text(element, kind: str, name: str) -> str:
    for child in element:
        if _local(child.tag) == (kind, name):
            return (child.text or "").strip()
    return ""


def read_export(path: str) -> dict:
    """What the file itself says, read without our importer."""
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, huge_tree=True)
    tree = etree.parse(path, parser)
    root = tree.getroot()
    channel = next((c for c in root if _local(c.tag)[1] == "channel"), root)
    items = []
    for item in channel:
        if _local(item.tag) != ("", "item"):
            continue
        comments = []
        for child in item:
            if _local(child.tag) != ("wp", "comment"):
                continue
            comments.append(
                {
                    "id": _child_text(child, "wp", "comment_id"),
                    "approved": _child_text(child, "wp", "comment_approved"),
                    "type": _child_text(child, "wp", "comment_type") or "comment",
                    "parent": _child_text(child, "wp", "comment_parent") or "0",
                }
            )
        items.append(
            {
                "id": _child_text(item, "wp", "post_id"),
                "type": _child_text(item, "wp", "post_type"),
                "status": _child_text(item, "wp", "status"),
                "password": _child_text(item, "wp", "post_password"),
                "parent": _child_text(item, "wp", "post_parent"),
                "title": _child_text(item, "", "title"),
                "link": _child_text(item, "", "link"),
                "guid": _child_text(item, "", "guid"),
                "comments": comments,
            }
        )
    return {
        "version": _child_text(channel, "wp", "wxr_version"),
        "language": _child_text(channel, "", "language"),
        "base": _child_text(channel, "wp", "base_blog_url") or _child_text(channel, "", "link"),
        "items": items,
        "recovered": len(parser.error_log),
    }


def _old_path(url: str, base_host: str) -> str:
    """The path and query a visitor would have asked the old site for, or "" for another
    site's address (a CDN, an image host)."""
    if not url.strip():
        return ""
    parts = urlsplit(url.strip())
    if parts.netloc and base_host and parts.netloc.lower() != base_host:
        return ""
    path = parts.path or "/"
    if not path.startswith("/"):
        path = "/" + path
    return path + (f"?{parts.query}" if parts.query else "")


def _guid_is_address(guid: str, wordpress_id: str) -> bool:
    """Whether WordPress answered the guid as an address of this item: its ?p=ID or
    ?page_id=ID form, or a permalink (WordPress.com); not a file's address, and not a guid
    some other engine invented."""
    parts = urlsplit(guid.strip())
    if not parts.path and not parts.query:
        return False
    if parts.query:
        query = parse_qs(parts.query)
        return wordpress_id in query.get("p", []) + query.get("page_id", [])
    return "." not in parts.path.rstrip("/").rsplit("/", 1)[-1]


def _answers(client, old: str, target: str) -> str:
    """An empty string when `old` answers 301 to `target` (through at most three 301s, the
    slash CommonMiddleware appends first); else what it answers."""
    where, hops = old, []
    if unquote(old) == unquote(target):  # served where it was (a page in the first language)
        response = client.get(old)
        return "" if response.status_code == 200 else str(response.status_code)
    for _hop in range(3):
        response = client.get(where)
        if response.status_code != 301:
            return " -> ".join([*hops, str(response.status_code)])
        where = response["Location"]
        hops.append(f"301 {unquote(urlsplit(where).path)}")
        if unquote(urlsplit(where).path) == unquote(target):
            return ""
    return " -> ".join(hops)


def audit(path: str, language: str, media_dir: str) -> dict:
    """Import one file into a fresh test database and compare; return the figures."""
    import warnings

    import django

    warnings.simplefilter("ignore")  # "No directory at: staticfiles/" on every request
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    export = read_export(path)
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        return _compare(export, path, language, media_dir, Client())
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def _compare(export: dict, path: str, language: str, media_dir: str, client) -> dict:
    from comments.models import Comment
    from posts.models import Media, Page, Post
    from wordpress.importer import run_import
    from wordpress.models import PageComment

    report = run_import(path, language=language, media_dir=media_dir or None)
    reasons: dict[str, list[str]] = {}
    for entry in report.entries():
        if entry.wordpress_id is not None and entry.action == "skipped":
            reasons.setdefault(str(entry.wordpress_id), []).append(
                f"{entry.kind}: {entry.message}"
            )
    base_host = urlsplit(export["base"]).netloc.lower()
    figures = {
        "items": len(export["items"]),
        "published": 0,
        "protected": 0,
        "attachments": 0,
        "no_file": 0,
        "comments": 0,
        "pings": 0,
        "lost": [],
        "lost_comments": [],
        "links": 0,
        "failing": [],
        "error": report.error,
    }
    seen: dict[str, int] = {}
    for item in export["items"]:
        if item["type"] in ("post", "page") and item["status"] == "publish":
            seen[item["id"]] = seen.get(item["id"], 0) + 1
    figures["duplicate_ids"] = sorted(i for i, n in seen.items() if n > 1)
    for item in export["items"]:
        if item["type"] == "attachment":
            figures["attachments"] += 1
            # An attachment's page answers 301 (to its media page or its article); where
            # to, the import decides.
            olds = {_old_path(item["link"], base_host), f"/?attachment_id={item['id']}"}
            parent = int(item["parent"] or 0)
            if not Media.objects.filter(wordpress_id=int(item["id"] or 0)).exists() and not (
                Post.objects.published().filter(wordpress_id=parent).exists()
                or Page.objects.published().filter(wordpress_id=parent).exists()
            ):
                figures["no_file"] += 1  # neither its file nor its article is here
                continue
            for old in sorted(o for o in olds if o):
                figures["links"] += 1
                status = client.get(old).status_code
                if status != 301:
                    figures["failing"].append(f"{old} -> {status} (attachment page)")
        if item["type"] not in ("post", "page") or item["status"] != "publish":
            continue
        figures["published"] += 1
        model = Post if item["type"] == "post" else Page
        row = model.objects.filter(wordpress_id=int(item["id"] or 0)).first()
        if item["password"]:
            figures["protected"] += 1  # a draft here by design: WordPress hid its body
        why = "; ".join(reasons.get(item["id"], [])) or (
            "the import stopped" if report.error else "no report entry"
        )
        if row is None:
            figures["lost"].append(f"{item['type']} {item['id']} {item['title'][:40]!r}: {why}")
        elif row.status != "published" and not item["password"]:
            figures["lost"].append(f"{item['type']} {item['id']}: imported as {row.status}")
        for comment in item["comments"]:
            if comment["approved"] != "1" or comment["type"] == "note":
                continue  # held, spam, trash, or an editors' note: never public
            ping = comment["type"] in ("pingback", "trackback")
            figures["pings" if ping else "comments"] += 1
            cid = int(comment["id"] or 0)
            if item["type"] == "page":
                found = PageComment.objects.filter(wordpress_id=cid, status="approved").exists()
            else:
                found = Comment.objects.filter(wordpress_id=cid, status="approved").exists()
            if not found:
                why = "; ".join(reasons.get(comment["id"], [])) or "no report entry"
                figures["lost_comments"].append(f"comment {cid} on {item['id']}: {why}")
            elif item["type"] == "post":
                found = Comment.objects.select_related("parent").get(wordpress_id=cid)
                kind = comment["type"] if ping else "comment"
                parent = found.parent.wordpress_id if found.parent else 0
                if found.kind != kind or str(parent or 0) != comment["parent"]:
                    figures["lost_comments"].append(
                        f"comment {cid} on {item['id']}: kind {found.kind} (file {kind}),"
                        f" reply to {parent or 0} (file {comment['parent']})"
                    )
        if row is None or row.status != "published":
            continue
        target = row.get_absolute_url()
        query = "p" if item["type"] == "post" else "page_id"
        olds = {_old_path(item["link"], base_host), f"/?{query}={item['id']}"}
        if _guid_is_address(item["guid"], item["id"]):
            olds.add(_old_path(item["guid"], base_host))
        for old in sorted(o for o in olds if o):
            figures["links"] += 1
            answer = _answers(client, old, target)
            if answer:
                figures["failing"].append(f"{old} -> {answer} (want {target})")
    figures.update(
        version=export["version"], language=export["language"], recovered=export["recovered"]
    )
    return figures


def main(argv: list[str]) -> None:
    language, media_dir, verbose, paths = "", "", False, []
    args = iter(argv)
    for arg in args:
        if arg == "--language":
            language = next(args)
        elif arg == "--media-dir":
            media_dir = next(args)
        elif arg == "--verbose":
            verbose = True
        else:
            paths.append(arg)
    header = (
        f"{'file':34} {'wxr':>4} {'lang':6} {'items':>6} {'publ':>5} {'att':>5} "
        f"{'comm':>6} {'ping':>5} {'lost':>5} {'lostc':>6} {'links':>6} {'fail':>5} {'nofile':>6}"
    )
    print(header)
    for path in paths:
        command = [sys.executable, __file__, "--child", path, language, media_dir]
        done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
        name = Path(path).name[:34]
        if done.returncode:
            print(f"{name:34} the audit failed (exit {done.returncode})")
            continue
        f = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{name:34} {f['version']:>4} {f['language'][:6]:6} {f['items']:6} "
            f"{f['published']:5} {f['attachments']:5} {f['comments']:6} {f['pings']:5} "
            f"{len(f['lost']):5} {len(f['lost_comments']):6} {f['links']:6} "
            f"{len(f['failing']):5} {f['no_file']:6}"
        )
        if f["duplicate_ids"]:
            print(f"    published items sharing a wp:post_id: {', '.join(f['duplicate_ids'])}")
        if f["error"]:
            print(f"    import error: {f['error']}")
        shown = None if verbose else 5
        for label in ("lost", "lost_comments", "failing"):
            for line in f[label][:shown]:
                print(f"    {label}: {line}")
            if shown and len(f[label]) > shown:
                print(f"    {label}: ... and {len(f[label]) - shown} more")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        print(json.dumps(audit(*sys.argv[2:])), flush=True)
    else:
        main(sys.argv[1:])
