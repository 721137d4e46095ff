"""axe-core finds no violation on the index pages and the privacy page (footer included)."""

import pytest

from posts.services import create_category
from tests.browser.test_accessibility import article, violations  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("path", ["/tag/", "/categorie/", "/autori/", "/archivio/", "/privacy/"])
def test_index_and_privacy_pages_have_no_axe_violations(live_server, page, article, path, prefix):  # noqa: F811
    parent = create_category(name="Servizio", slug="servizio", description="Tutto")
    article.categories.set([create_category(name="Resi", slug="resi-cat", parent=parent)])
    assert violations(page, live_server.url + prefix + path) == []
