from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the demo articles, tags and authors (idempotent)."

    def handle(self, *args, **options):
        # Filled in by the demo content work (issue 2).
        self.stdout.write("Demo content: nothing to load yet.")
