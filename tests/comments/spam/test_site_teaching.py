"""What moderators teach is evidence of the site's own, and referral links are spam evidence."""

import pytest

from comments.spam import checks
from comments.spam.classifier import LogisticModel, extract_features, load_base_model
from comments.spam.phrases import find_phrases
from comments.spam.pipeline import Candidate, check_comment, learn
from comments.spam.text import normalize

PROMOTION = "Check out my channel for daily vines, subscribe to me and I subscribe back!"


def test_a_taught_spam_is_evidence_of_the_site_even_where_the_starting_model_agreed():
    model = load_base_model()
    features = extract_features(PROMOTION)
    assert model.split_decision(features)[0] > 3  # the starting model alone already agrees
    model.learn(features, True)
    prior, site = model.split_decision(features)
    # The site's weights point to spam by themselves, beyond the evidence a hidden comment
    # needs (SPAM_EVIDENCE_THRESHOLD 0.85, log-odds 1.73), not only "agreeing" at zero.
    assert site > 1.8


def test_a_taught_ham_leaves_the_site_weights_not_pointing_to_spam():
    model = LogisticModel(weights={"w:youtube": 4.0})
    features = extract_features("I found this on youtube, very useful for our support team")
    model.learn(features, False)
    prior, site = model.split_decision(features)
    assert prior + site < 0 < prior
    assert site < 0


@pytest.mark.django_db
def test_one_moderator_decision_lets_the_same_promotion_be_sent_to_spam():
    text = "hey everyone check out kobyoshi02 for epic gaming videos"
    before = check_comment(Candidate(content=text))
    learn(content=text, label="spam")
    after = check_comment(Candidate(content=text))
    # The starting model alone only holds it; once a moderator said spam, it is the site's.
    assert (before.verdict, before.reasons[-1].check) == ("hold", "starting_model")
    assert after.verdict == "spam"


@pytest.mark.parametrize(
    "link",
    [
        "https://www.paidverts.com/ref/sihaam01",
        "http://psnboss.com/?ref=2tGgp3pV6L",
        "www.swagbucks.com/refer/Nonturtle02",
        "http://bit.ly/1bSefQe",
        "adf.ly/1HmVtX",
    ],
)
def test_a_referral_or_shortened_link_is_strong_evidence(link):
    text = f"Ho trovato un modo semplice per arrotondare, guardate qui {link} e fatemi sapere"
    finding = checks.check_links(checks.Sample(Candidate(content=text)))
    assert finding.reason.score == 0.97


def test_a_cited_source_is_weaker_evidence_than_a_referral_link():
    text = (
        "The Reichheld paper makes the same point about promoters, see the original "
        "article https://hbr.org/2003/12/the-one-number-you-need-to-grow for the details"
    )
    finding = checks.check_links(checks.Sample(Candidate(content=text)))
    assert finding.reason.score < 0.85


@pytest.mark.parametrize(
    "spam",
    [
        "You can make money online and start working from home today as I am!",
        "I am making over $3,000+ per month at this site",
        "Get paid to mess around on Facebook and Twitter",
        "Please visit my channel, subscribe to me",
        "check out my new remix, link in my profile",
        "Vote for me in the contest please",
        "Guadagnare soldi online è facile, lavoro da casa garantito",
    ],
)
def test_money_offers_and_promotion_are_promotional_phrases(spam):
    assert find_phrases(normalize(spam))


@pytest.mark.parametrize(
    "ham",
    [
        "Could you please share the dataset you used for the NPS chart?",
        "I'd vote for the second option: fewer tickets, more self-service.",
        "Please follow the steps in the docs and it works.",
        "Our agents get paid per resolved ticket, which explains the rush.",
        "How do support teams make money for the business, in your view?",
        "Potresti condividere il foglio di calcolo? Grazie!",
        "We pay $49 per month per agent for our helpdesk.",
        "The support team made $2M in upsell revenue last year.",
        "Since 2020 most of our agents work from home.",
        "Our channel mix is email, chat and phone.",
        "Look at the channel breakdown in your second chart.",
        "Dal 2020 i nostri operatori lavorano da casa.",
    ],
)
def test_ordinary_blog_sentences_are_not_promotional_phrases(ham):
    assert find_phrases(normalize(ham)) == []


@pytest.mark.django_db
def test_one_link_in_a_short_comment_is_held_on_a_new_site_and_spam_with_a_second_finding():
    cited = check_comment(Candidate(content="The paper you mention: https://hbr.org/2003/12/nps"))
    pushed = check_comment(
        Candidate(content="Offerta imperdibile, clicca qui: https://shop.example/x")
    )
    assert cited.verdict == "hold"
    assert pushed.verdict == "spam"
