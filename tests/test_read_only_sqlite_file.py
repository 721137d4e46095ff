"""A gunicorn server on an SQLite file that cannot be written: pages read, comments get a 503.

The file is made immutable (chattr +i): this suite runs as root, which file modes do not
stop. Skipped where the file system or the user cannot do that.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Un commento scritto mentre il database non accetta scritture."


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


@pytest.fixture
def read_only_site(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))},
        "DJANGO_SETTINGS_MODULE": "blogsite.settings",
        "DJANGO_DEBUG": "1",  # static files from the finders, no collectstatic
        "DATABASE_URL": f"sqlite:///{database}",
        "REDIS_URL": "",
    }
    manage("migrate", "--noinput", "-v0", env=env)
    manage("shell", "-c", "from tests.conftest import make_post; make_post(slug='x')", env=env)
    if subprocess.run(["chattr", "+i", str(database)], capture_output=True).returncode:
        pytest.skip("chattr +i is not allowed here (needs root and a file system with it)")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "blogsite.wsgi", "--workers", "1",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                requests.get(f"{url}/robots.txt", timeout=30)
                break
            except requests.RequestException:  # not listening yet, or still importing
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        subprocess.run(["chattr", "-i", str(database)], check=False)


def test_a_read_only_sqlite_file_serves_pages_and_gives_comments_back_with_a_503(
    read_only_site,
):
    page = requests.get(f"{read_only_site}/articoli/x/", timeout=30)
    assert page.status_code == 200

    form = {"name": "Anna", "email": "anna@example.com", "body": TEXT}
    response = requests.post(
        f"{read_only_site}/comments/post/1/",
        data=form,
        headers={"Origin": read_only_site},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert f">{TEXT}</textarea>" in response.text
    assert "Non riusciamo a raggiungere il nostro database" in response.text
