"""The filters ours is compared with: each learns, and a missing program is said clearly."""

import os
import shutil

import pytest

from comments.spam.peers import BogofilterPeer, OnlineLogisticPeer, PeerUnavailable

SPAM = [
    "Check out my channel and subscribe, thanks guys",
    "subscribe to my channel for daily vines",
    "make money online from home, visit moneygq dot com",
    "free gift cards, visit my page and subscribe",
    "check out my new remix on my channel",
]
HAM = [
    "Great article, the second example helped our support team a lot.",
    "I disagree with point three: first response time is not everything.",
    "Thanks, the NPS chart is exactly what I needed for the quarterly review.",
    "Which tool did you use for the survey? We tried two and both were clunky.",
    "Bellissimo articolo, lo condivido con il mio team di assistenza.",
]


def teach(peer):
    for spam, ham in zip(SPAM, HAM, strict=True):
        peer.learn(spam, True)
        peer.learn(ham, False)


def test_the_online_regression_starts_empty_and_learns_from_each_label():
    peer = OnlineLogisticPeer()
    assert not peer.is_spam(SPAM[0])  # an empty model marks nothing
    for _ in range(3):
        teach(peer)
    assert peer.is_spam("subscribe to my channel and check out my remix")
    assert not peer.is_spam("Thanks, great article on first response time")


@pytest.mark.skipif(not shutil.which("bogofilter"), reason="bogofilter is not installed")
def test_bogofilter_runs_with_a_word_list_of_its_own_and_learns():
    peer = BogofilterPeer()
    try:
        assert not peer.is_spam(SPAM[0])  # nothing learned yet: not marked
        for _ in range(3):
            teach(peer)
        assert peer.is_spam("subscribe to my channel and check out my remix")
        assert not peer.is_spam("Thanks, the second example helped our support team")
    finally:
        folder = peer.folder.name
        peer.close()
    assert not os.path.exists(folder)  # its word list goes with it


def test_a_missing_bogofilter_is_said_clearly():
    with pytest.raises(PeerUnavailable, match="Bogofilter is not installed"):
        BogofilterPeer(program="no-such-bogofilter-here")
