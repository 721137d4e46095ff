"""axe-core finds no accessibility violation on the home page, an article and a tag archive."""

from pathlib import Path

import axe_playwright_python
import pytest

from tests.conftest import make_post, make_tag, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"


@pytest.fixture
def article():
    author = make_user(username="grossi", first_name="Giulia", last_name="Rossi")
    tag = make_tag(name="servizio clienti", slug="servizio-clienti")
    make_post(author=author, tags=[tag], title="Un articolo precedente")
    return make_post(
        author=author,
        tags=[tag, make_tag(name="resi", slug="resi")],
        title="Il reso che fidelizza",
        body=(
            "## Perché conta\n\nUn reso semplice fa tornare il cliente. "
            'Proviamo [Spedizioni Rapide](https://example.com "sponsor").\n\n'
            "- uno\n- due\n\n> Una citazione."
        ),
    )


def violations(page, url):
    page.goto(url)
    return violations_here(page)


def violations_here(page):
    """Audit the page as it stands (after a form's answer, a click), without reloading."""
    page.evaluate(AXE_JS.read_text())  # not a <script> tag: the CSP would refuse it
    found = page.evaluate("async () => (await axe.run()).violations")
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in found]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("which", ["home", "article", "tag"])
def test_reader_pages_have_no_axe_violations(live_server, page, article, which, prefix):
    path = {
        "home": "/",
        "article": f"/articoli/{article.slug}/",
        "tag": "/tag/servizio-clienti/",
    }[which]
    assert violations(page, live_server.url + prefix + path) == []
