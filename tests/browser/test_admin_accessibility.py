"""Every page of the admin, as a superuser on a phone (375 px): no axe violations and no
sideways scrolling of the page. The pages are the admin index's links (each model's list
and add form) and the change pages of an article, a comment, an account, a page (the
article's and the page's with their "Translate into" buttons) and a reaction kind (a tabular
inline with saved rows, whose column headers templates/admin/edit_inline/tabular.html names).

Excluded as Django's own markup, the same on every Django site: the breadcrumbs
(link-in-text-block)."""

from pathlib import Path

import axe_playwright_python
import pytest
from allauth.account.models import EmailAddress

from posts.reactions.models import ReactionKind
from posts.services import create_page
from tests.browser.conftest import log_in_to_the_admin
from tests.comments.moderation_factories import make_comment
from tests.conftest import make_post, make_user

pytestmark = pytest.mark.browser
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
AXE_RUN = "async () => (await axe.run({exclude: ['.breadcrumbs']})).violations"
INDEX_LINKS = """Array.from(new Set(Array.from(
    document.querySelectorAll('#content-main a[href^="/admin/"]')
).map(a => a.getAttribute('href'))))"""


@pytest.mark.django_db(transaction=True)
def test_every_admin_page_passes_axe_and_fits_a_phone(live_server, page, tag):
    boss = make_user(username="boss", is_staff=True, is_superuser=True, password="pw-12345!")
    EmailAddress.objects.create(user=boss, email=boss.email, verified=True, primary=True)
    post = make_post(author=boss, tags=[tag])
    comment = make_comment(post=post)
    about = create_page(title="Chi siamo", author=boss, body="Noi.", status="published")
    page.set_viewport_size({"width": 375, "height": 740})
    log_in_to_the_admin(page, live_server, "boss", "pw-12345!")
    paths = page.evaluate(INDEX_LINKS) + [
        f"/admin/posts/post/{post.pk}/change/",
        f"/admin/comments/comment/{comment.pk}/change/",
        f"/admin/auth/user/{boss.pk}/change/",
        f"/admin/posts/page/{about.pk}/change/",
        f"/admin/reactions/reactionkind/{ReactionKind.objects.first().pk}/change/",
    ]
    assert len(paths) > 30 and {"/admin/posts/post/add/", "/admin/posts/page/"} <= set(paths)

    found = {}
    for path in paths:
        page.goto(live_server.url + path)
        if path.endswith("/change/") and "/posts/" in path:
            assert page.locator("form.translate-form button").count() == 1, path
        page.evaluate(AXE_JS.read_text())  # not a <script> tag: the CSP would refuse it
        violations = page.evaluate(AXE_RUN)
        width = page.evaluate("document.documentElement.scrollWidth")
        if violations or width > 375:
            targets = [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
            found[path] = (width, targets)
    assert found == {}
