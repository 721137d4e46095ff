"""manage.py import_wordpress FILE.xml [--media-dir DIR] [--fetch-media] [--dry-run]
[--language it] [--train-spam] [--same-blog] [--reaction-meta META_KEY=kind_code,...]"""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from wordpress.importer import run_import


class Command(BaseCommand):
    help = "Import a WordPress export (WXR): authors, terms, articles, pages, media, comments."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help="The .xml file WordPress's Tools → Export wrote."
        )
        parser.add_argument(
            "--run",
            type=int,
            help="Import an export uploaded in the admin (its WordPress import's id).",
        )
        parser.add_argument(
            "--media-dir", help="A copy of the old site's wp-content/uploads folder."
        )
        parser.add_argument(
            "--fetch-media",
            action="store_true",
            help="Download from the old site the images the media folder lacks "
            "(kept in WORDPRESS_FETCH_DIR: a rerun fetches only what is still missing).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the report; write nothing."
        )
        parser.add_argument(
            "--language",
            default="",
            help=(
                "The file's language, replacing its <language> (e.g. it), and/or how to map "
                "a language of the file the site does not serve (e.g. fr=it,de=en)."
            ),
        )
        parser.add_argument(
            "--train-spam",
            action="store_true",
            help="Teach the spam filter from the imported approved and spam comments.",
        )
        parser.add_argument(
            "--same-blog",
            action="store_true",
            help="The file is a blog this site already imported, now at another address "
            "(without it, a file from another blog is refused: their WordPress ids collide).",
        )
        parser.add_argument(
            "--reaction-meta",
            default="",
            help="Starting reaction counts from post meta: META_KEY=kind_code,kind_code...",
        )

    def handle(self, *args, **options):
        if options["run"]:
            from wordpress.tasks import run_upload

            self.stdout.write(run_upload(options["run"]))
            return
        if not options["file"]:
            raise CommandError("Name the export file (or --run ID for an admin upload).")
        spec = options["reaction_meta"]
        if spec and ("=" not in spec or not spec.split("=", 1)[1].strip(" ,")):
            raise CommandError("--reaction-meta takes META_KEY=kind_code,kind_code,...")
        bar = None
        show_bar = options["verbosity"] > 0 and sys.stderr.isatty()

        def progress(done, total):
            nonlocal bar
            if not show_bar:
                return
            if bar is None:
                bar = tqdm(total=total, unit="item", file=sys.stderr)
            bar.update(done - bar.n)

        try:
            report = run_import(
                options["file"],
                media_dir=options["media_dir"],
                dry_run=options["dry_run"],
                language=options["language"],
                options={
                    "train_spam": options["train_spam"],
                    "fetch_media": options["fetch_media"],
                    "reaction_meta": options["reaction_meta"],
                    "same_blog": options["same_blog"],
                },
                progress=progress,
            )
        except OSError as error:
            raise CommandError(str(error)) from error
        finally:
            if bar is not None:
                bar.close()
        self.stdout.write(report.as_text())
        if report.error:
            raise CommandError(report.error)
