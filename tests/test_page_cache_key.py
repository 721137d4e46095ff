"""The page cache keys on what a page reads from its address, and holds so many per page."""

import pytest
from django.core.cache import cache
from django.test import Client

from blogsite import pagekeys
from tests.conftest import make_post


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def get(path, **kwargs):
    return Client().get(path, **kwargs)


@pytest.mark.parametrize(
    "query",
    [
        "fbclid=IwAR0abc",
        "utm_source=newsletter&utm_medium=email&utm_campaign=autunno",
        "gclid=Cj0KCQ",
        "mc_cid=1a2b&mc_eid=3c4d",
        "ref=facebook",
    ],
)
def test_a_tracking_parameter_is_served_the_clean_address_entry(post, query):
    clean = get(post.get_absolute_url())
    tracked = get(f"{post.get_absolute_url()}?{query}")
    assert clean["X-Page-Cache"] == "miss"
    assert tracked["X-Page-Cache"] == "hit"
    assert tracked.content == clean.content


def test_a_burst_of_shared_links_each_with_its_own_click_id_is_stored_once(post):
    url = post.get_absolute_url()
    first = get(f"{url}?fbclid=first-click")
    answers = [get(f"{url}?fbclid=click-{n}")["X-Page-Cache"] for n in range(5)]
    assert first["X-Page-Cache"] == "miss"
    assert answers == ["hit"] * 5
    assert get(url)["X-Page-Cache"] == "hit"


def test_the_page_for_a_tracked_link_keeps_the_clean_canonical_and_no_tracking_in_links(
    post, settings
):
    response = get(f"{post.get_absolute_url()}?utm_source=x&fbclid=y")
    html = response.content.decode()
    assert f'rel="canonical" href="{settings.SITE_URL}{post.get_absolute_url()}"' in html
    assert "utm_source" not in html
    assert "fbclid" not in html


def test_more_tracking_parameters_come_from_the_setting(post, settings):
    settings.PAGE_CACHE_TRACKING_PARAMETERS = ["campagna", "src_*"]
    assert "campagna" in pagekeys.tracking_parameters()
    get(post.get_absolute_url())
    assert get(f"{post.get_absolute_url()}?campagna=7&src_site=a")["X-Page-Cache"] == "hit"


def test_the_tracking_setting_is_typed(settings):
    settings.PAGE_CACHE_TRACKING_PARAMETERS = 12
    problems = dict(pagekeys.page_cache_settings.errors())
    assert "PAGE_CACHE_TRACKING_PARAMETERS" in problems


def test_an_unknown_parameter_is_served_the_clean_entry_and_never_stored(post):
    url = post.get_absolute_url()
    cold = get(f"{url}?anything=r4nd0m")
    assert cold.status_code == 200
    assert "X-Page-Cache" not in cold  # answered as asked, stored nowhere
    assert get(url)["X-Page-Cache"] == "miss"  # the junk did not make the clean entry
    assert get(f"{url}?anything=0th3r")["X-Page-Cache"] == "hit"


def test_a_parameter_the_page_reads_gets_its_own_entry_in_any_order(post):
    url = post.get_absolute_url()
    get(url)
    second_page = get(f"{url}?cpage=2&fbclid=z")
    assert second_page["X-Page-Cache"] == "miss"
    assert get(f"{url}?cpage=2")["X-Page-Cache"] == "hit"
    get(f"{url}?cpage=2&replyto=5")
    assert get(f"{url}?replyto=5&cpage=2")["X-Page-Cache"] == "hit"


def test_no_address_grows_one_page_past_its_cap(post, settings):
    settings.PAGE_CACHE_MAX_ENTRIES_PER_PAGE = 3
    url = post.get_absolute_url()
    for n in range(1, 7):
        assert get(f"{url}?replyto={n}").status_code == 200
    stored = [get(f"{url}?replyto={n}").get("X-Page-Cache") for n in range(1, 7)]
    assert stored == ["hit", "hit", "hit", None, None, None]  # past the cap: never stored
    get(url)
    assert get(url)["X-Page-Cache"] == "hit"  # the plain address is always stored


def test_the_cap_counts_only_what_is_stored(post, settings):
    settings.PAGE_CACHE_MAX_ENTRIES_PER_PAGE = 1
    index = "/"
    assert get(f"{index}?page=999").status_code == 404
    get(f"{index}?replyto=1")
    assert get(f"{index}?replyto=1")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_old_wordpress_ids_are_redirected_even_once_the_home_is_stored():
    post = make_post(wordpress_id=10)
    get("/")
    assert get("/")["X-Page-Cache"] == "hit"
    response = get("/?p=10")
    assert response.status_code == 301
    assert response["Location"].endswith(post.get_absolute_url())
