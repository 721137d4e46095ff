"""`make run` points SITE_URL at the port it serves on, unless SITE_URL is given."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not shutil.which("make"), reason="no make")


def site_urls_seen_by_make_run(**env):
    # MANAGE ends in "#": every manage.py line of the recipe prints SITE_URL and runs nothing.
    base = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run(
        [
            "make",
            "-s",
            "-o",
            ".venv/bin/activate",
            "-o",
            "compilemessages",
            "run",
            "PORT=18799",
            "MANAGE=printenv SITE_URL #",
        ],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return {line for line in result.stdout.splitlines() if not line.startswith("Serving")}


def test_make_run_sets_site_url_from_port():
    assert site_urls_seen_by_make_run() == {"http://127.0.0.1:18799"}


def test_an_explicit_site_url_wins():
    assert site_urls_seen_by_make_run(SITE_URL="https://blog.example") == {"https://blog.example"}
