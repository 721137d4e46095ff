from django.core.management.base import BaseCommand, CommandError

from comments.spam import store
from comments.spam.classifier import BASE_MODEL_PATH
from comments.spam.dataset import DatasetError, read_labelled_csv


class Command(BaseCommand):
    help = (
        "Train the spam classifier on labelled CSV files (columns content and label = "
        "spam/ham; other columns are ignored)."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Start from an empty model instead of the current one (forgets the "
            "starting model and what moderators taught it). The files become the new "
            "starting model, unless --as-site is given.",
        )
        parser.add_argument(
            "--as-site",
            action="store_true",
            help="Store what the files teach as this site's own teaching (the weights "
            "moderators' decisions move, which may send a comment to spam), not as the "
            "starting model (which alone may only hold one). This is the default without "
            "--reset; with --reset, the result is a site with an empty starting model whose "
            "moderators decided these comments, as bench/spam.py's folds simulate.",
        )
        parser.add_argument("--epochs", type=int, default=15)
        parser.add_argument(
            "--export",
            metavar="PATH",
            help=f"Also write the trained model to PATH (the shipped one is {BASE_MODEL_PATH}).",
        )

    def handle(self, *args, files, reset, as_site, epochs, export, **options):
        examples = []
        try:
            for path in files:
                rows = read_labelled_csv(path)
                examples.extend((row.content, row.is_spam) for row in rows)
        except DatasetError as exc:
            raise CommandError(str(exc)) from exc
        model = store.train(examples, reset=reset, as_site=as_site or not reset, epochs=epochs)
        spam = sum(1 for _, is_spam in examples if is_spam)
        if export:
            with open(export, "wb") as handle:
                handle.write(model.dumps())
        taught = "the site's teaching" if as_site or not reset else "the starting model"
        self.stdout.write(
            f"Trained on {len(examples)} comments ({spam} spam, {len(examples) - spam} ham) "
            f"from {len(files)} file(s) as {taught}; the model has {len(model.weights)} "
            f"starting weights and {len(model.taught)} taught weights."
        )
