"""The spam folder (and the pending and trash views) filtered by the reason a comment was
caught, to find and rescue false positives, as Antispam Bee does: each check that gave a
reason is a choice, with the number of comments of the view it gave one to."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from comments.models import Comment

Status = Comment.Status

# The views that offer the filter: each is a working list. "All" (with every approved
# comment) is not, and counting its reasons would read the whole table.
REASON_VIEWS = (Status.SPAM, Status.PENDING, Status.TRASH)

# Names for the checks of comments.spam and comments.moderation; another check shows as is.
CHECK_LABELS = {
    "honeypot": _("Honeypot filled in"),
    "form_token": _("Form token missing or wrong"),
    "too_fast": _("Sent too fast"),
    "links": _("Links"),
    "link_only": _("Little more than a link"),
    "short_body": _("Very short"),
    "phrases": _("Promotional phrases"),
    "blocked_domain": _("Blocked domain"),
    "blocked_email": _("Blocked e-mail address"),
    "blocked_ip": _("Blocked IP address"),
    "blocked_word": _("Blocked word"),
    "duplicate": _("Repeated text"),
    "burst": _("Many comments at once"),
    "history": _("Commenter's history"),
    "classifier": _("Learned filter"),
    "starting_model": _("Starting model only"),
    "trusted_starting_model": _("Starting model, trusted by this site"),
    "akismet": _("Akismet"),
    "error": _("A check failed"),
    "moderation.blocked": _("Blocked term"),
    "moderation.too-many-links": _("Too many links"),
    "moderation.moderated": _("Moderated term"),
    "moderation.hold-all": _("All comments held"),
    "moderation.trusted": _("Trusted commenter"),
    "moderation.first-time": _("Commenter not trusted yet"),
    "moderation.flagged": _("Flagged by readers"),
    "author.deleted": _("Deleted by its author"),
}


class ReasonFilter(admin.SimpleListFilter):
    """Filter the spam, pending or trash view by the check that gave a comment a reason."""

    title = _("reason")
    parameter_name = "reason"

    def lookups(self, request, model_admin):
        view = request.GET.get("status")
        if view not in REASON_VIEWS:
            return []
        counts = Comment.objects.filter(status=view).count_by_reason()
        labelled = [(str(CHECK_LABELS.get(check, check)), check, n) for check, n in counts.items()]
        # The checks that caught most first: where false positives are likeliest to hide.
        labelled.sort(key=lambda item: (-item[2], item[0]))
        return [(check, f"{label} ({n})") for label, check, n in labelled]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.with_reason(self.value())
        return queryset
