"""A site's decisions teach how far to trust the starting model's spam claims.

On a new site the starting model alone only holds a comment. Each moderator decision moves
the site's trust in it: spam it called spam raises the trust, ham it called spam lowers it,
and ham it called ham says nothing about its spam claims. The trusted part of its score
counts as the site's own evidence, so promotion like what moderators confirmed goes to spam
even in words the site's weights never saw.
"""

import pytest

from comments.spam.classifier import TRUST_KEY, TRUST_MAX, extract_features, load_base_model
from comments.spam.pipeline import Candidate, check_comment, learn

CONFIRMED_SPAM = [
    "Check out my channel for daily vines, subscribe to me and I subscribe back!",
    "hey guys please subscribe to my channel, I make music videos every week",
    "Check out my new song on my channel, it would mean the world to me",
    "subscribe to me and I will subscribe back, check out my videos",
    "Hey everyone! Please check out my channel, I make gaming videos",
    "Guys visit my page for free gift cards, it really works!!",
    "Hi I am a rapper from London, listen to my new mixtape and tell me what you think",
    "Plz like this so everyone can see my cover of this song",
    "I'm trying to reach 1000 subscribers before christmas, help me out",
    "Follow me on instagram for daily giveaways and free followers",
    "Our band just released our first single, search for us and show some love",
]
UNSEEN = "check out this new rapper latest track, fire"
QUESTIONS = [
    "I have an excel file saved on my desktop. I cannot upload it to R. Can someone please help?",
    "Can someone please help me understand how CES differs from a simple satisfaction question?",
    "Please help me find the earlier post about refund policies, the search does not work.",
]


def trust(model):
    return model.taught.get(TRUST_KEY, 0.0)


def test_a_new_site_does_not_trust_the_starting_model():
    model = load_base_model()
    prior, _site = model.split_decision(extract_features(UNSEEN))
    assert prior > 1.7  # it would be spam by the starting model's word alone
    assert trust(model) == 0.0
    assert model.trusted_prior(prior) == 0.0


def test_spam_the_starting_model_called_spam_raises_the_trust_up_to_its_cap():
    model = load_base_model()
    for text in CONFIRMED_SPAM * 4:
        model.learn(extract_features(text), True)
    assert 0.0 < trust(model) <= TRUST_MAX


def test_ham_the_starting_model_called_spam_lowers_the_trust():
    model = load_base_model()
    for text in CONFIRMED_SPAM:
        model.learn(extract_features(text), True)
    before = trust(model)
    for text in QUESTIONS:
        model.learn(extract_features(text), False)
    assert trust(model) < before


def test_ham_the_starting_model_called_ham_leaves_the_trust_alone():
    model = load_base_model()
    ordinary = "Grazie per l'articolo, lo condivido con il mio gruppo di lavoro."
    assert model.split_decision(extract_features(ordinary))[0] < 0
    model.learn(extract_features(ordinary), False)
    assert trust(model) == 0.0


@pytest.mark.django_db
def test_after_confirmed_promotion_an_unseen_one_is_spam_and_a_question_is_not():
    assert check_comment(Candidate(content=UNSEEN)).verdict == "hold"
    for text in CONFIRMED_SPAM[:6]:  # the site's weights alone do not say spam yet
        learn(content=text, label="spam")
    verdict = check_comment(Candidate(content=UNSEEN))
    assert verdict.verdict == "spam"
    # Named, so moderators find it in the spam folder by reason.
    assert "trusted_starting_model" in {reason.check for reason in verdict.reasons}
    for text in QUESTIONS:
        learn(content=text, label="ham")
    # Questions the moderators approved are not hidden afterwards.
    assert all(check_comment(Candidate(content=text)).verdict != "spam" for text in QUESTIONS)
