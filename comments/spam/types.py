"""The data the spam pipeline takes and gives back (re-exported by pipeline.py)."""

from dataclasses import dataclass, field
from datetime import datetime

from comments import wording


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """Everything known about a comment when it is submitted."""

    content: str
    author: str = ""
    email: str = ""
    url: str = ""
    ip_address: str | None = None
    user_agent: str = ""
    referrer: str = ""
    permalink: str = ""
    post_id: int | None = None
    language: str = ""
    is_authenticated: bool = False
    # Form evidence; None when there is no form (evaluation, admin replies).
    honeypot: str | None = None
    form_token: str | None = None
    submitted_at: datetime | None = None
    # For Akismet's comment_post_modified_gmt; optional.
    post_modified_at: datetime | None = None


@dataclass(frozen=True)
class Reason:
    """Why a check scored a comment: which message it says (comments.wording) and with what,
    so that each reader reads it in their own language."""

    check: str
    score: float
    says: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        """In the active language."""
        return wording.MESSAGES[self.says](**self.params)

    def as_dict(self):
        return wording.reason(self.check, self.score, self.says, **self.params)


@dataclass(frozen=True)
class Verdict:
    verdict: str  # "ham", "hold", "spam" or "discard" (Comment.Verdict values)
    score: float  # 0.0 (clean) to 1.0 (certainly spam)
    reasons: list[Reason] = field(default_factory=list)
    # True when a check demanded this verdict whatever the score (a bad form token, a burst,
    # Akismet failing, the filter failing): trust in the commenter must not lower it.
    floored: bool = False

    def reasons_as_json(self):
        return [reason.as_dict() for reason in self.reasons]

    @property
    def is_spam(self) -> bool:
        return self.verdict in ("spam", "discard")
