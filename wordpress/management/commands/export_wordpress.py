"""manage.py export_wordpress > site.xml: the whole site as a WordPress (WXR 1.2) file."""

import os

from django.core.management.base import BaseCommand, CommandError

from wordpress.export import export_wxr


class Command(BaseCommand):
    help = (
        "Write every article, page, image, category, tag, author and comment (spam left out, "
        "as WordPress does) as a WXR 1.2 file that WordPress's importer accepts "
        "(Tools > Import > WordPress). Writes to standard output unless --output is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="Write to this file instead of stdout.")

    def handle(self, *, output=None, **options):
        if not output:
            for piece in export_wxr():
                self.stdout.write(piece, ending="")
            return
        # Written beside the target and renamed at the end: a failed export never leaves
        # a truncated file where a good one was.
        partial = f"{output}.part"
        try:
            with open(partial, "w", encoding="utf-8") as stream:
                for piece in export_wxr():
                    stream.write(piece)
            os.replace(partial, output)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from error
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        self.stderr.write(f"Wrote {output}.")
