"""Stop sending to addresses whose mails bounce or whose owners complained (for scripts
reading a bounce mailbox or a mail provider's webhook)."""

from django.core.management.base import BaseCommand, CommandError

from posts.subscriptions import services


class Command(BaseCommand):
    help = "Record a bounce (or with --complaint, a spam complaint) for each address given."

    def add_arguments(self, parser):
        parser.add_argument("emails", nargs="+", metavar="EMAIL")
        parser.add_argument(
            "--complaint", action="store_true", help="The recipient marked a mail as spam."
        )

    def handle(self, *, emails, complaint, **options):
        if any("@" not in email for email in emails):
            raise CommandError("Give e-mail addresses, like name@example.com.")
        stopped = sum(services.record_bounce(email=email, complaint=complaint) for email in emails)
        self.stdout.write(f"Sending stopped for {stopped} subscriptions.")
