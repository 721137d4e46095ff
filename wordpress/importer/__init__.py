"""Import a WordPress export (WXR): see run.py for how a run goes."""

from wordpress.importer.run import run_import

__all__ = ["run_import"]
