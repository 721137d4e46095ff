"""WordPress's author feed addresses lead to the author's feed here, not to their page."""

import pytest

from posts.models import Profile


@pytest.mark.parametrize("old", ["/author/mario/feed/", "/author/mario/feed/atom/"])
def test_an_old_author_feed_address_leads_to_the_author_feed(client, imported, old):
    username = Profile.objects.get(wordpress_login="mario").user.username
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == f"/autori/{username}/feed/rss/"
    feed = client.get(response["Location"])
    assert feed.status_code == 200 and "rss" in feed["Content-Type"]
    assert "Mario Rossi" in feed.content.decode()


def test_an_old_author_query_feed_address_leads_to_the_author_feed(client, imported):
    profile = Profile.objects.get(wordpress_login="mario")
    response = client.get(f"/?author={profile.wordpress_id}&feed=rss2")
    assert response.status_code == 301
    assert response["Location"] == f"/autori/{profile.user.username}/feed/rss/"
