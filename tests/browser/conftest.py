"""Browser tests drive Debian's Chromium through Playwright; no browser is ever downloaded."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in tests are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM_PATH) or shutil.which("chromium"):
        return
    reason = f"no Chromium at {CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)"
    if os.environ.get("CI"):
        return  # CI installs Chromium; a missing browser there must fail, not skip.
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM_PATH, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # An Italian reader's browser: headless Chromium otherwise asks for en-US, and `/`
    # sends a browser preferring English to /en/. Tests of that make their own context.
    return {**browser_context_args, "locale": "it-IT"}


def log_in_to_the_admin(page, live_server, username, password):
    """Sign in on the admin's login page (allauth's form) and wait for the admin's index."""
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_login", username)
    page.fill("#id_password", password)
    page.press("#id_password", "Enter")
    page.wait_for_selector("#content-main")
