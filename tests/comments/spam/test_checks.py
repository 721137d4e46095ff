"""Each cheap check: a comment that trips it and one that does not."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone, translation

from comments.models import ModerationTerm
from comments.spam import checks
from comments.spam.pipeline import Candidate
from comments.spam.tokens import issue_form_token
from tests.conftest import make_post

from .conftest import make_comment

CLEAN = "Ottimo articolo, lo userò con il mio team di assistenza clienti."


def run(check, **fields):
    fields.setdefault("content", CLEAN)
    return check(checks.Sample(Candidate(**fields)))


def test_a_filled_honeypot_discards_the_comment():
    finding = run(checks.check_honeypot, honeypot="http://spam.example")
    assert finding.floor == "discard"
    assert finding.reason.check == "honeypot"


def test_an_empty_honeypot_is_no_evidence():
    assert run(checks.check_honeypot, honeypot="") is None


@pytest.mark.django_db
def test_a_form_sent_faster_than_the_minimum_time_is_held(post, settings):
    settings.SPAM_MIN_SUBMIT_SECONDS = 3
    token = issue_form_token(post.pk)
    finding = run(
        checks.check_form_timing,
        post_id=post.pk,
        form_token=token,
        honeypot="",
        submitted_at=timezone.now(),
    )
    assert finding.floor == "hold"
    assert finding.reason.check == "too_fast"


@pytest.mark.django_db
def test_a_form_sent_after_the_minimum_time_passes(post):
    token = issue_form_token(post.pk)
    finding = run(
        checks.check_form_timing,
        post_id=post.pk,
        form_token=token,
        honeypot="",
        submitted_at=timezone.now() + timedelta(seconds=30),
    )
    assert finding is None


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "forged-token", None])
def test_a_missing_or_forged_form_token_holds_the_comment(post, token):
    finding = run(
        checks.check_form_timing,
        post_id=post.pk,
        form_token=token,
        honeypot="",
        submitted_at=timezone.now() + timedelta(seconds=30),
    )
    assert finding.floor == "hold"
    assert finding.reason.check == "form_token"


@pytest.mark.django_db
def test_a_token_for_another_article_or_expired_holds_the_comment(post, settings):
    token = issue_form_token(post.pk + 1)
    later = timezone.now() + timedelta(seconds=30)
    other = run(checks.check_form_timing, post_id=post.pk, form_token=token, submitted_at=later)
    assert other.reason.check == "form_token"
    settings.SPAM_FORM_TOKEN_MAX_AGE = 60
    # A form rendered two minutes ago: the clock is moved back while it is signed.
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 120):
        old_token = issue_form_token(post.pk)
    expired = run(
        checks.check_form_timing, post_id=post.pk, form_token=old_token, submitted_at=later
    )
    assert expired.reason.check == "form_token"


def test_comments_without_a_form_skip_the_timing_check():
    assert run(checks.check_form_timing, post_id=1) is None


def test_links_to_untrusted_sites_are_evidence():
    finding = run(checks.check_links, content="Bello! Visita http://cheap-pills.example.xyz/buy")
    assert finding.reason.check == "links"
    assert finding.reason.score > 0.5


def test_a_link_to_a_trusted_site_is_no_evidence():
    assert run(checks.check_links, content="Il video: https://www.youtube.com/watch?v=abc") is None


def test_many_links_are_evidence_even_to_trusted_sites(settings):
    settings.COMMENTS_MAX_LINKS = 2
    content = " ".join(f"https://youtu.be/v{n} guarda" for n in range(3))
    finding = run(checks.check_links, content=content)
    assert finding.reason.check == "links"


def test_a_link_only_body_trips_the_link_only_check():
    assert run(checks.check_link_only, content="http://example.com/x").reason.check == "link_only"
    assert run(checks.check_link_only, content="Vedi http://example.com/x per i dettagli") is None


def test_a_very_short_body_trips_the_short_check():
    assert run(checks.check_short_body, content="ok").reason.check == "short_body"
    assert run(checks.check_short_body, content="Grazie!") is None


@pytest.mark.parametrize(
    "content",
    ["Check out my channel please", "Iscriviti al mio canale!", "Like this comment for no reason"],
)
def test_promotional_phrases_are_evidence_in_english_and_italian(content):
    finding = run(checks.check_phrases, content=content)
    assert finding.reason.check == "phrases"
    assert finding.reason.score > 0.9


def test_talk_about_subscribers_is_not_a_promotional_phrase():
    assert run(checks.check_phrases, content="Ha quasi 14 milioni di subscribers!") is None


@pytest.mark.django_db
def test_blocked_domains_in_links_are_evidence():
    ModerationTerm.objects.create(list="blocked", kind="domain", value="pills.example")
    finding = run(checks.check_blocked_terms, content="Compra su https://shop.pills.example/x")
    assert finding.reason.check == "blocked_domain"
    assert run(checks.check_blocked_terms, content="Compra su https://example.org/x") is None


@pytest.mark.django_db
def test_blocked_emails_ips_and_words_are_evidence():
    ModerationTerm.objects.create(list="blocked", kind="email", value="bot@spam.example")
    ModerationTerm.objects.create(list="blocked", kind="ip", value="198.51.100.9")
    ModerationTerm.objects.create(list="blocked", kind="word", value="casino")
    by_email = run(checks.check_blocked_terms, email="bot@spam.example")
    by_ip = run(checks.check_blocked_terms, ip_address="198.51.100.9")
    by_word = run(checks.check_blocked_terms, content="Il miglior casino online")
    assert [by_email.reason.check, by_ip.reason.check, by_word.reason.check] == [
        "blocked_email",
        "blocked_ip",
        "blocked_word",
    ]


@pytest.mark.django_db
def test_moderated_terms_are_left_to_the_moderation_policy():
    ModerationTerm.objects.create(list="moderated", kind="word", value="assistenza")
    assert run(checks.check_blocked_terms) is None


@pytest.mark.django_db
def test_a_new_blocked_term_applies_at_once():
    assert run(checks.check_blocked_terms, content="Il miglior casino online") is None
    ModerationTerm.objects.create(list="blocked", kind="word", value="casino")
    assert run(checks.check_blocked_terms, content="Il miglior casino online") is not None


@pytest.mark.django_db
def test_the_same_text_on_other_articles_is_evidence(post):
    text = "Guadagna subito con il nostro metodo infallibile, scrivimi in privato."
    make_comment(post, body=text)
    finding = run(checks.check_duplicate, content=text)
    assert finding.reason.check == "duplicate"
    assert run(checks.check_duplicate, content=CLEAN) is None


@pytest.mark.django_db
def test_the_duplicate_reason_counts_copies_and_articles_in_the_moderator_s_language(post):
    text = "Guadagna subito con il nostro metodo infallibile, scrivimi in privato."
    make_comment(post, body=text)
    with translation.override("en"):
        message = run(checks.check_duplicate, content=text).reason.message
    assert message == "The same text was sent 1 time recently, on one article."
    make_comment(make_post(slug="altro"), body=text)
    with translation.override("it"):
        message = run(checks.check_duplicate, content=text).reason.message
    assert message == "Lo stesso testo è stato inviato 2 volte di recente, su 2 articoli."


@pytest.mark.django_db
def test_short_repeated_thanks_are_not_duplicates(post):
    make_comment(post, body="Grazie!")
    assert run(checks.check_duplicate, content="Grazie!") is None


@pytest.mark.django_db
def test_a_burst_from_one_ip_holds_the_comment(post, settings):
    settings.SPAM_BURST_LIMIT = 3
    for n in range(3):
        make_comment(post, body=f"Commento numero {n}", ip_address="192.0.2.50")
    finding = run(checks.check_burst, ip_address="192.0.2.50")
    assert finding.floor == "hold"
    assert run(checks.check_burst, ip_address="192.0.2.51") is None


@pytest.mark.django_db
def test_earlier_spam_from_the_same_address_is_evidence(post):
    make_comment(post, author_email="bot@example.net", status="spam")
    finding = run(checks.check_history, email="Bot@example.net")
    assert finding.reason.check == "history"
    assert finding.reason.score > 0.5


@pytest.mark.django_db
def test_earlier_approved_comments_from_the_same_address_count_for_the_reader(post):
    make_comment(post, author_email="lucia@example.com", status="approved")
    finding = run(checks.check_history, email="lucia@example.com")
    assert finding.reason.score < 0.5
    assert run(checks.check_history, email="new@example.com") is None


@pytest.mark.parametrize(
    "content",
    ["Ne ho parlato anche sul mio blog.", "My account was closed twice by their support."],
)
def test_ordinary_mentions_of_ones_own_blog_or_account_are_not_promotion(content):
    assert run(checks.check_phrases, content=content) is None
