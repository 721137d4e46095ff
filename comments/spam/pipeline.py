"""The one call `comments.services.submit_comment` makes to the spam pipeline.

check_comment runs the cheap checks, the learned classifier and, when a key is set,
Akismet; it adds their evidence as log-odds into one score and maps the score to a verdict
with the thresholds in conf.py. learn() is called by comments.services.moderate() for each
moderator decision and teaches the classifier at once.
"""

import logging

from django.db import transaction

from . import conf, store
from .checks import CONTENT_CHECKS, FORM_CHECKS, REQUEST_CHECKS, Sample
from .classifier import extract_features, logit, sigmoid
from .types import Candidate, Reason, Verdict

__all__ = [
    "Candidate",
    "Reason",
    "Verdict",
    "check_comment",
    "failed_verdict",
    "learn",
    "learn_many",
    "verdict_for_score",
]

logger = logging.getLogger(__name__)

_RANK = {"ham": 0, "hold": 1, "spam": 2, "discard": 3}


def verdict_for_score(score: float) -> str:
    """Map a combined score to ham, hold or spam with the configured thresholds."""
    if score >= conf.spam_settings.THRESHOLD:
        return "spam"
    if score >= conf.spam_settings.HOLD_THRESHOLD:
        return "hold"
    return "ham"


def _at_least(verdict: str, floor: str | None) -> str:
    if floor and _RANK[floor] > _RANK[verdict]:
        return floor
    return verdict


def check_comment(candidate: Candidate, *, use_akismet: bool = True) -> Verdict:
    """Return the spam verdict for a submitted comment. Never raises.

    Any failure inside a check holds the comment for a moderator, with the reason. Call it
    outside any transaction that holds locks: with a key set it waits for Akismet (up to
    AKISMET_TIMEOUT seconds).
    """
    try:
        # A savepoint: a failed query must not break the caller's transaction, which still
        # has to save the comment.
        with transaction.atomic():
            verdict = _local_verdict(candidate)
        if use_akismet and conf.akismet_enabled():
            verdict = _with_akismet(verdict, candidate)
        return verdict
    except Exception as error:  # noqa: BLE001 - whatever breaks, the comment is kept
        logger.exception("Spam check failed; holding the comment for moderation")
        return failed_verdict(error)


def failed_verdict(error: BaseException) -> Verdict:
    """The verdict when the check itself failed: a forced hold, which trust cannot lift."""
    reason = Reason("error", 0.5, "check_failed", {"error": type(error).__name__})
    return Verdict("hold", 0.5, [reason], floored=True)


def beyond_the_starting_model(evidence: float) -> bool:
    """Whether the evidence other than the starting model's is enough to hide a comment.

    The starting model learned from other people's comments (YouTube's); on its own it may
    only hold a comment, never send it to spam, where no one reads it. Spam needs evidence
    of this site's own: the checks (links, blocked terms, phrases, repeats, bursts) and what
    moderators taught the model, which together must point to spam by themselves.
    """
    return sigmoid(evidence) >= conf.spam_settings.EVIDENCE_THRESHOLD


def _local_verdict(candidate: Candidate) -> Verdict:
    """The checks and the classifier: everything that needs no network."""
    sample = Sample(candidate)
    reasons: list[Reason] = []
    floor = None
    for check in FORM_CHECKS:
        finding = check(sample)
        if finding is None:
            continue
        reasons.append(finding.reason)
        floor = _at_least(floor or "ham", finding.floor)
        if finding.floor == "discard":
            return Verdict("discard", 1.0, reasons, floored=True)

    evidence = 0.0
    for check in CONTENT_CHECKS + REQUEST_CHECKS:
        finding = check(sample)
        if finding is None:
            continue
        reasons.append(finding.reason)
        evidence += logit(finding.reason.score)
        floor = _at_least(floor or "ham", finding.floor)

    model = store.get_model()
    prior, taught = model.split_decision(extract_features(candidate.content, url=candidate.url))
    probability = sigmoid(prior + taught)
    percent = round(probability * 100)
    reasons.append(Reason("classifier", round(probability, 4), "classifier", {"percent": percent}))
    score = sigmoid(prior + taught + evidence)
    verdict = verdict_for_score(score)
    site_evidence = taught + model.trusted_prior(prior) + evidence
    if verdict == "spam" and not beyond_the_starting_model(taught + evidence):
        # The site's trust in the starting model decides: named, so moderators can find
        # these in the spam folder ("By reason") and rescue a false positive.
        _trusted(reasons, site_evidence)
    if verdict == "spam" and not beyond_the_starting_model(site_evidence):
        verdict = "hold"
        held = Reason("starting_model", round(sigmoid(site_evidence), 4), "starting_model")
        reasons.append(held)
    verdict = _at_least(verdict, floor)
    floored = floor is not None and floor != "ham" and _RANK[floor] >= _RANK[verdict]
    return Verdict(verdict, round(score, 4), reasons, floored=floored)


def _trusted(reasons: list[Reason], site_evidence: float) -> None:
    if beyond_the_starting_model(site_evidence):
        score = round(sigmoid(site_evidence), 4)
        reasons.append(Reason("trusted_starting_model", score, "trusted_starting_model"))


def _with_akismet(local: Verdict, candidate: Candidate) -> Verdict:
    """Add Akismet's answer to the local verdict; it can only make the verdict stricter."""
    from .akismet_backend import check_with_akismet

    if local.verdict == "discard":
        return local  # a filled honeypot: no need to ask anyone
    outcome = check_with_akismet(candidate)
    verdict, score, floored = local.verdict, local.score, local.floored
    if outcome.floor and _RANK[outcome.floor] >= _RANK[verdict]:
        floored = True
    verdict = _at_least(verdict, outcome.floor)
    if outcome.floor in ("spam", "discard"):
        score = max(score, outcome.reason.score)
    return Verdict(verdict, round(score, 4), [*local.reasons, outcome.reason], floored=floored)


def learn(
    *,
    content: str,
    author: str = "",
    email: str = "",
    url: str = "",
    label: str,
) -> None:
    """Teach the classifier that this comment is "spam" or "ham"."""
    learn_many([(content, url, label)])


def learn_many(examples) -> None:
    """Teach the classifier moderators' decisions, (content, url, label) triples with label
    "spam" or "ham", in one update of the stored model.

    Called inside moderate()'s transaction. A failure to learn is logged and does not undo
    the moderators' decisions (learn_examples runs in its own savepoint).
    """
    examples = list(examples)
    for _content, _url, label in examples:
        if label not in ("spam", "ham"):
            raise ValueError(f"label must be 'spam' or 'ham', not {label!r}")
    try:
        store.learn_examples((content, url, label == "spam") for content, url, label in examples)
    except Exception:
        logger.exception("The spam classifier could not learn moderators' decisions")
