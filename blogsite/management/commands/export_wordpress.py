"""manage.py export_wordpress > site.xml: the whole site as a WordPress (WXR 1.2) file."""

from django.core.management.base import BaseCommand, CommandError

from blogsite.wordpress_export import export_wxr


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
        try:
            with open(output, "w", encoding="utf-8") as stream:
                for piece in export_wxr():
                    stream.write(piece)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from error
        self.stderr.write(f"Wrote {output}.")
