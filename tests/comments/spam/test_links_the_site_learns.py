"""Links the site has judged, hidden links, and calls to subscribe that name no channel.

What moderators decide about links to a host weighs more than their decisions about words
(classifier.site_view); an address written so that no link counter sees it ("site(dot)com")
is a link all the same; "subscribe now!" with no channel named is weak evidence.
"""

import pytest

from comments.spam import checks
from comments.spam.classifier import SITE_LINK_BOOST, extract_features, site_view
from comments.spam.pipeline import Candidate, check_comment, learn
from comments.spam.text import find_urls, normalize, url_host

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Free codes here: freecodes(dot)com/get", "freecodes.com"),
        ("Hack any account, visit FreeTools24DOTcom", "freetools24.com"),
        ("I watched it on moviesfree. com !!!", "moviesfree.com"),
        ("Tutto gratis su filmgratis[punto]it", "filmgratis.it"),
    ],
)
def test_an_address_written_to_hide_the_link_is_a_link(text, host):
    assert [url_host(link) for link in find_urls(normalize(text))] == [host]


@pytest.mark.parametrize(
    "text",
    [
        "Bel post. Com'è finita poi con il fornitore?",
        "We went live in May. Net result: half the tickets.",
        "Remember the dot com bubble? Same story with chatbots.",
        "Use df.loc[mask] and it works.",
    ],
)
def test_ordinary_sentences_hold_no_hidden_link(text):
    assert find_urls(normalize(text)) == []


def test_the_site_reads_links_to_hosts_it_does_not_trust_more_strongly():
    features = extract_features("Great stuff, full movie at http://moviesfree.example.xyz/watch")
    boosted = site_view(features)
    key = "d:moviesfree.example.xyz"
    assert boosted[key] == pytest.approx(features[key] * SITE_LINK_BOOST)
    assert boosted["w:great"] == features["w:great"]


def test_links_to_trusted_hosts_weigh_as_trained():
    features = extract_features("The official video: https://youtu.be/abc123")
    assert site_view(features) == features


def test_a_host_judged_spam_twice_sends_a_new_comment_linking_it_to_spam():
    other = "Loved it. I saw it yesterday here watchfree.example.xyz and the audio was good."
    assert check_comment(Candidate(content=other)).verdict == "ham"
    learn(content="Enjoy the whole film without cost: watchfree.example.xyz adios!", label="spam")
    assert check_comment(Candidate(content=other)).verdict == "hold"
    learn(content="Watch the complete movie free at watchfree.example.xyz regards", label="spam")
    # Worded anew, and the starting model calls it ham: the host is what the site learned.
    assert check_comment(Candidate(content=other)).verdict == "spam"


def test_a_call_to_subscribe_naming_no_channel_is_weak_evidence():
    def score(text):
        return checks.check_phrases(checks.Sample(Candidate(content=text))).reason.score

    assert score("bros! everyone subscribe now!") < score("subscribe to my channel please")
    assert check_comment(Candidate(content="I give like and subscribe, love you")).verdict in (
        "ham",
        "hold",
    )


def test_disliking_a_comment_is_not_engagement_bait():
    text = "If you don't like my comment, why bother answering?"
    assert checks.check_phrases(checks.Sample(Candidate(content=text))) is None
