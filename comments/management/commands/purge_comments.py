"""Delete old spam and trash, and forget where old comments came from (privacy).

Run it daily (cron, systemd timer). Spam and trash are deleted N days after they were put
there (their last change); the IP address, user agent and referrer of every comment older
than M days (PRIVACY_IP_RETENTION_DAYS by default) are erased. A spam or trashed comment
that still has a live reply below it is kept, since deleting it would delete the reply too.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from blogsite.personal_data.conf import privacy_settings
from comments.models import Comment
from comments.personal_data import comments_to_anonymize, forget_addresses

DEFAULT_SPAM_DAYS = 30
DEAD = [Comment.Status.SPAM, Comment.Status.TRASH]
BATCH = 500


def purgeable_ids(before):
    """Ids of spam and trash last changed before `before` with no other comment below them."""
    candidates = set(
        Comment.objects.filter(status__in=DEAD, updated_at__lt=before).values_list("pk", flat=True)
    )
    while candidates:
        # A candidate with a child that is not itself a candidate must stay, and so must its
        # ancestors; repeat until nothing changes (threads are a few levels deep).
        kept = set(
            Comment.objects.filter(parent_id__in=candidates)
            .exclude(pk__in=candidates)
            .values_list("parent_id", flat=True)
        )
        if not kept:
            break
        candidates -= kept
    return candidates


class Command(BaseCommand):
    help = (
        "Delete spam and trash older than --spam-days and anonymize the IP address, user "
        "agent and referrer of comments older than --anonymize-days."
    )

    def add_arguments(self, parser):
        parser.add_argument("--spam-days", type=int, default=DEFAULT_SPAM_DAYS)
        parser.add_argument(
            "--anonymize-days",
            type=int,
            default=None,
            help="Default: PRIVACY_IP_RETENTION_DAYS (90).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report, change nothing.")

    def handle(self, *, spam_days, anonymize_days, dry_run, **options):
        if anonymize_days is None:
            anonymize_days = privacy_settings.IP_RETENTION_DAYS
        if spam_days < 0 or anonymize_days < 0:
            raise CommandError("--spam-days and --anonymize-days must be 0 or more.")
        now = timezone.now()
        with transaction.atomic():
            ids = sorted(purgeable_ids(now - timedelta(days=spam_days)))
            counts = dict.fromkeys(DEAD, 0)
            # In batches: SQLite limits the number of parameters in one query.
            for start in range(0, len(ids), BATCH):
                batch = Comment.objects.filter(pk__in=ids[start : start + BATCH])
                for status, n in batch.order_by().values_list("status").annotate(n=Count("pk")):
                    counts[status] += n
                if not dry_run:
                    batch.delete()
            before = now - timedelta(days=anonymize_days)
            anonymized = (
                comments_to_anonymize(before).count() if dry_run else forget_addresses(before)
            )
        spam, trash = counts[Comment.Status.SPAM], counts[Comment.Status.TRASH]
        if dry_run:
            self.stdout.write("Dry run, nothing changed.")
        self.stdout.write(
            f"{'Would delete' if dry_run else 'Deleted'} {spam} spam and {trash} trashed "
            f"comments older than {spam_days} days."
        )
        self.stdout.write(
            f"{'Would anonymize' if dry_run else 'Anonymized'} {anonymized} comments older "
            f"than {anonymize_days} days (IP address, user agent, referrer)."
        )
