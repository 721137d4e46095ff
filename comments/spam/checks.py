"""Cheap checks run before the classifier, each returning a Finding or None.

A Finding carries a Reason whose score is the check's evidence as a probability of spam
(0.5 would be no evidence): the pipeline adds the checks' log-odds to the classifier's.
A floor makes a verdict at least "hold" or "discard" whatever the other evidence says.
"""

import re
import time
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

from django.db.models import Count
from django.utils import timezone

from . import conf
from .classifier import sigmoid
from .phrases import phrase_strength
from .text import WORD_RE, find_hidden_urls, find_urls, normalize, url_host
from .tokens import read_form_token
from .types import Candidate, Reason


@dataclass(frozen=True)
class Finding:
    reason: Reason
    floor: str | None = None  # "hold" or "discard"


class Sample:
    """The candidate with its text normalised once for all checks."""

    def __init__(self, candidate: Candidate):
        self.candidate = candidate
        self.text = normalize(candidate.content)
        self.urls = find_urls(self.text)

    @cached_property
    def hosts(self) -> set[str]:
        hosts = {url_host(url) for url in self.urls}
        if self.candidate.url:
            hosts.add(url_host(self.candidate.url))
        return {host for host in hosts if host}

    @cached_property
    def words_without_links(self) -> list[str]:
        text = self.text
        for url in self.urls:
            text = text.replace(url, " ")
        return WORD_RE.findall(text)

    @cached_property
    def in_sentences(self) -> bool:
        """Whether the comment has words enough (CITATION_WORDS) around its links to be a
        reader's sentences rather than a link with a caption."""
        return len(self.words_without_links) >= conf.spam_settings.CITATION_WORDS

    @cached_property
    def named_sites(self) -> list[str]:
        """The host names written bare inside sentences ("I wrote to Booking.com and
        Amazon.it"): how readers name a company, not how a page is linked. An address with a
        scheme, "www." or a path is a link, and so is one hidden from link counters
        ("site(dot)com"), a URL shortener's host (whatever follows it) and a host written
        bare twice ("ZONEPA.COM ... Zonepa.com"); so is any bare host in a comment too short
        to be sentences."""
        if not self.in_sentences:
            return []
        hidden = set(find_hidden_urls(self.text))
        bare = [(url, url_host(url)) for url in self.urls if _BARE_HOST.fullmatch(url)]
        hosts = [host for url, host in bare if url not in hidden]
        return [
            url
            for url, host in bare
            if url not in hidden and host not in SHORTENERS and hosts.count(host) == 1
        ]


def _finding(check, score, says, floor=None, **params):
    return Finding(Reason(check, round(score, 4), says, params), floor)


# Form evidence: only when the comment came through the form.


def check_honeypot(sample: Sample):
    if sample.candidate.honeypot:
        return _finding("honeypot", 1.0, "honeypot", "discard")
    return None


def check_form_timing(sample: Sample):
    candidate = sample.candidate
    if candidate.form_token is None and candidate.honeypot is None:
        return None  # no form (evaluation, replies written in the admin)
    if candidate.post_id is None:
        return None
    max_age = conf.spam_settings.FORM_TOKEN_MAX_AGE
    rendered_at = read_form_token(candidate.form_token or "", candidate.post_id, max_age=max_age)
    if rendered_at is None:
        return _finding("form_token", 0.8, "form_token", "hold")
    submitted = candidate.submitted_at.timestamp() if candidate.submitted_at else time.time()
    elapsed = submitted - rendered_at
    minimum = conf.spam_settings.MIN_SUBMIT_SECONDS
    if elapsed < minimum:
        return _finding(
            "too_fast", 0.9, "too_fast", "hold", elapsed=max(elapsed, 0.0), minimum=minimum
        )
    return None


# Content evidence: needs only the comment itself.


def trusted_domains() -> set[str]:
    """Hosts whose links are ordinary in comments: this site's and SPAM_TRUSTED_DOMAINS."""
    from django.conf import settings

    domains = {d.lower().removeprefix("www.") for d in conf.spam_settings.TRUSTED_DOMAINS}
    site_host = url_host(getattr(settings, "SITE_URL", ""))
    if site_host:
        domains.add(site_host)
    return domains


def is_trusted(host: str, domains: set[str]) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in domains)


# Hosts that hide where a link goes, and paths of referral programmes ("/ref/", "?ref="):
# readers cite sources with the address itself, spam hides it or is paid by the click.
SHORTENERS = frozenset(
    [
        "bit.ly",
        "goo.gl",
        "tinyurl.com",
        "ow.ly",
        "adf.ly",
        "t.co",
        "is.gd",
        "buff.ly",
        "cutt.ly",
        "shorturl.at",
        "rebrand.ly",
        "linkbucks.com",
        "adfoc.us",
        "bc.vc",
        "sh.st",
        "ouo.io",
        "tiny.cc",
    ]
)
# A host name alone, as written in a sentence: no scheme, no "www.", no path.
_BARE_HOST = re.compile(r"(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.I)
_REFERRAL = re.compile(r"[/?&](ref|refer|referral|aff|affiliate|r)[=/]", re.I)


def _is_hidden_or_referral(url: str) -> bool:
    host = url_host(url)
    if host in SHORTENERS:
        return True
    path = url.split(host, 1)[-1] if host else url
    return bool(_REFERRAL.search(path))


def check_links(sample: Sample):
    """Links, above all to unknown sites, are what most comment spam is for.

    Sites a reader names in a sentence (Sample.named_sites) count together as one link,
    and not at all beside a real link: "Ryanair.com never answered, so I wrote to ENAC:
    https://www.enac.gov.it/..." cites one source, it does not link two outside hosts.
    """
    count = len(sample.urls)
    if not count:
        return None
    domains = trusted_domains()
    outside = [url for url in sample.urls if not is_trusted(url_host(url), domains)]
    named = [url for url in outside if url in sample.named_sites]
    linked = [url for url in outside if url not in named]
    links = count - len(named) + (1 if named and not linked else 0)
    from comments.conf import comment_settings

    # The moderation rules hold a comment with more than COMMENTS_MAX_LINKS links; the same
    # limit makes them strong spam evidence here (one setting, one count: comments.terms).
    if links > int(comment_settings.MAX_LINKS):
        score = 0.98 if outside else 0.9
    elif any(_is_hidden_or_referral(url) for url in linked):
        score = 0.97
    elif _several_outside_links(linked):
        score = 0.95
    elif outside and sample.in_sentences:
        # A link inside a real sentence or two is how readers cite a source: weaker
        # evidence, which holds the comment rather than hiding it.
        score = conf.spam_settings.CITATION_LINK_SCORE
    elif outside:
        score = conf.spam_settings.UNTRUSTED_LINK_SCORE
    else:
        return None
    return _finding("links", score, "links", count=count, outside=len(outside))


def _several_outside_links(linked: list[str]) -> bool:
    """Links to two outside hosts, or one site written twice: the same address (an anchor and
    its text, as link spam writes them) or the site's bare name beside a page of it
    ("www.shop.example/me ... www.shop.example"). Two pages of one source ("beers.csv" and
    "breweries.csv" of one repository, two articles of one law) are a reader citing one host."""
    if len(linked) < 2:
        return False
    hosts = {url_host(url) for url in linked}
    if len(hosts) > 1:
        return True
    addresses = [_address(url) for url in linked]
    return len(set(addresses)) < len(addresses) or bool(hosts & set(addresses))


def _address(url: str) -> str:
    """A link as written, without what does not change where it leads (scheme, "www.", case
    of the host, a final slash): "https://www.Shop.example/" -> "shop.example"."""
    host = url_host(url)
    path = url.split("://", 1)[-1].partition("/")[2].rstrip("/")
    return f"{host}/{path}" if path else host


def check_link_only(sample: Sample):
    if sample.urls and len(sample.words_without_links) < 2:
        return _finding("link_only", 0.9, "link_only")
    return None


def check_short_body(sample: Sample):
    significant = sum(ch.isalnum() for ch in sample.text)
    if significant < conf.spam_settings.MIN_BODY_CHARS:
        return _finding("short_body", 0.7, "short_body")
    return None


def check_phrases(sample: Sample):
    found, strength = phrase_strength(sample.text)
    if not found:
        return None
    score = sigmoid(conf.spam_settings.PHRASE_WEIGHT * min(strength, 2))
    return _finding("phrases", score, "phrases", phrases=list(found[:3]))


_BLOCKED_KINDS = ("domain", "email", "ip", "word")  # which match a reason names first


def check_blocked_terms(sample: Sample):
    """Blocked domains, e-mails, IPs and words as spam evidence.

    The comments' moderation policy already sends a comment with a blocked term to the
    trash; here they only raise the spam score, so the reasons say which term matched. Both
    match with comments.terms, so they always agree.
    """
    from comments.models import ModerationTerm
    from comments.terms import Text, matching_terms

    candidate = sample.candidate
    text = Text(
        body=candidate.content,
        author=candidate.author,
        url=candidate.url,
        email=candidate.email,
        ip_address=candidate.ip_address,
    )
    found = matching_terms(text, ModerationTerm.List.BLOCKED)
    if not found:
        return None
    term = min(found, key=lambda term: _BLOCKED_KINDS.index(term.kind))
    if term.kind == "domain":
        return _finding("blocked_domain", 0.97, "blocked_domain", domain=term.value)
    if term.kind == "email":
        return _finding("blocked_email", 0.97, "blocked_email")
    if term.kind == "ip":
        return _finding("blocked_ip", 0.97, "blocked_ip")
    return _finding("blocked_word", 0.9, "blocked_word", word=term.value)


def check_duplicate(sample: Sample):
    body = sample.candidate.content.strip()
    if len(sample.text) < conf.spam_settings.DUPLICATE_MIN_CHARS:
        return None  # "Thanks!" and "+1" are repeated by honest readers
    from comments.models import Comment

    since = timezone.now() - timedelta(days=conf.spam_settings.DUPLICATE_DAYS)
    copies = Comment.objects.filter(submitted_at__gte=since, body=body)
    count = copies.count()
    if not count:
        return None
    posts = copies.values("post_id").distinct().count()
    score = 0.95 if posts > 1 else 0.85
    return _finding("duplicate", score, "duplicate", count=count, posts=posts)


def check_burst(sample: Sample):
    ip = sample.candidate.ip_address
    if not ip:
        return None
    from comments.models import Comment

    window = conf.spam_settings.BURST_SECONDS
    since = timezone.now() - timedelta(seconds=window)
    recent = Comment.objects.filter(submitted_at__gte=since, ip_address=ip).count()
    if recent < conf.spam_settings.BURST_LIMIT:
        return None
    return _finding("burst", 0.9, "burst", "hold", count=recent, minutes=max(window // 60, 1))


def check_history(sample: Sample):
    """What moderators decided about this e-mail address before.

    Earlier spam from the same address is strong evidence; approved comments from it are
    evidence the other way (a returning reader), which keeps their links from being held.
    """
    email = sample.candidate.email.strip()
    if not email:
        return None
    from comments.models import Comment

    statuses = dict(
        Comment.objects.filter(author_email__iexact=email)
        .filter(status__in=[Comment.Status.SPAM, Comment.Status.APPROVED])
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
        .values_list("status", "count")
    )
    spam, approved = statuses.get(Comment.Status.SPAM, 0), statuses.get(Comment.Status.APPROVED, 0)
    if spam > approved:
        return _finding("history", 0.95, "history_spam", count=spam)
    if approved:
        score = 0.2 if approved > 2 else 0.3
        return _finding("history", score, "history_approved", count=approved)
    return None


FORM_CHECKS = [check_honeypot, check_form_timing]
CONTENT_CHECKS = [
    check_links,
    check_link_only,
    check_short_body,
    check_phrases,
    check_blocked_terms,
    check_duplicate,
]
REQUEST_CHECKS = [check_history, check_burst]
