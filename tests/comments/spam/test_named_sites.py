"""Sites a reader names in a sentence are not links to two outside hosts.

Customer-experience readers name the companies they deal with by their sites ("I wrote to
Booking.com and Amazon.it"): on a new site, where nothing has been taught yet, such a comment
used to be marked spam by the links check alone (two outside hosts). A host name written bare
inside sentences now counts as one link at most, and not at all beside a real link; what
spammers write stays strong evidence: two linked hosts, bare hosts in a comment too short to
be sentences, addresses hidden from link counters.
"""

import pytest

from comments.spam import checks, conf
from comments.spam.pipeline import Candidate, check_comment
from comments.spam.text import find_urls, normalize

pytestmark = pytest.mark.django_db


def links_finding(text):
    return checks.check_links(checks.Sample(Candidate(content=text)))


READERS_NAMING_SITES = [
    "Ho scritto a Booking.com e ad Amazon.it, nessuna risposta dopo due settimane.",
    "Same here: Ryanair.com ignored me for a month, then I wrote to the regulator and "
    "got my refund: https://www.enac.gov.it/passeggeri",
    "I complained to Booking.com twice; their own terms say the opposite of what the "
    "agent told me: https://www.booking.com/content/terms.html",
    "The GOV.UK guidance on call recording is here, for those asking about GDPR: "
    "https://ico.org.uk/for-organisations/",
    "Abbiamo provato Zendesk.com, Freshdesk.com e Intercom.com prima di scegliere: "
    "il problema non era lo strumento ma i processi.",
]


@pytest.mark.parametrize("text", READERS_NAMING_SITES)
def test_a_reader_naming_sites_in_a_sentence_is_never_hidden_on_a_new_site(text):
    assert len(find_urls(normalize(text))) >= 2  # each of them read as two links before
    finding = links_finding(text)
    assert finding.reason.score == conf.spam_settings.CITATION_LINK_SCORE
    assert check_comment(Candidate(content=text), use_akismet=False).verdict != "spam"


@pytest.mark.parametrize(
    "text",
    [
        "free money at mysite.com and othersite.net",  # too short to be sentences
        "Great offers every day, best prices guaranteed, see https://deals.example.xyz/a "
        "and https://promo.example.top/b",  # two linked hosts
        "Earn from home with no effort, the best offer you will ever see: "
        "https://cash.example.xyz/start and https://cash.example.xyz/join and "
        "https://cash.example.xyz/now",  # more links than COMMENTS_MAX_LINKS
    ],
)
def test_what_spammers_write_stays_strong_evidence(text):
    assert links_finding(text).reason.score >= 0.95


def test_an_address_hidden_from_link_counters_is_never_a_named_site():
    text = "Earn from home, the best offer you will ever see today at cashnow(dot)com"
    sample = checks.Sample(Candidate(content=text))
    assert sample.in_sentences
    assert sample.named_sites == []


def test_a_host_with_a_path_or_www_is_a_link_not_a_name():
    text = (
        "Thanks for the article, we had the same problem with our own support team last "
        "year: example-support.com/blog and www.helpdesk-tips.com explain it"
    )
    sample = checks.Sample(Candidate(content=text))
    assert sample.named_sites == []
    assert links_finding(text).reason.score == 0.95  # two outside hosts, both linked
