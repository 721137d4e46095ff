"""The article page is composed of the apps' own tags: posts' templates include no template
of comments or reactions (which may change them without posts knowing)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCLUDE = re.compile(r"""{%\s*include\s+["']([^"']+)["']""")


def included_templates(directory: Path):
    for path in sorted(directory.rglob("*.html")):
        for name in INCLUDE.findall(path.read_text()):
            yield path.relative_to(ROOT), name


def test_posts_templates_include_no_comment_or_reaction_template():
    offenders = [
        f"{path}: {name}"
        for path, name in included_templates(ROOT / "templates" / "posts")
        if name.startswith(("comments/", "reactions/"))
    ]
    assert offenders == []


def test_the_check_sees_an_include():
    # The walker must find real includes, or the test above proves nothing.
    assert any(
        name == "comments/includes/_comment_form.html"
        for _, name in included_templates(ROOT / "templates" / "comments")
    )


def test_the_article_page_asks_the_apps_for_comments_and_reactions():
    article = (ROOT / "templates" / "posts" / "post_detail.html").read_text()
    assert "{% render_comments post %}" in article
    assert "{% render_reactions post %}" in article
