"""The six pages readers see most pass three audits: axe, the Nu HTML checker and Lighthouse.

axe (accessibility, WCAG 2.2 target sizes included) and the absence of CSP violations run in
Playwright's Chromium; the Nu checker (vnu.jar) and Lighthouse come from npm (package.json,
`npm ci --ignore-scripts` in .ci/run). Outside CI a missing npm tool skips its audit; in CI
it fails. Locally: `npm ci --ignore-scripts`, then pytest this module.
"""

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import axe_playwright_python
import pytest

from tests.conftest import make_post, make_tag, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PAGES = ["home", "article", "tag", "search", "login", "signup"]

# Recorded before any page script runs; init scripts are not subject to the page's CSP.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
    window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


def needs(tool, what):
    if os.environ.get("PAGE_AUDITS_DONE"):
        pytest.skip("the Nu checker and Lighthouse already ran in this CI run (SQLite step)")
    if tool.exists() and (what != "java" or shutil.which("java")):
        return
    if os.environ.get("CI"):
        pytest.fail(f"{tool} is missing: .ci/run installs it with npm ci")
    pytest.skip(f"{tool} is missing (npm ci installs it)")


@pytest.fixture
def urls(live_server):
    author = make_user(username="grossi", first_name="Giulia", last_name="Rossi")
    tag = make_tag(name="servizio clienti", slug="servizio-clienti")
    make_post(author=author, tags=[tag], title="Un articolo precedente")
    post = make_post(
        author=author,
        tags=[tag],
        title="Il reso che fidelizza",
        body="## Perché conta\n\nUn reso semplice fa tornare il cliente.\n\n- uno\n- due",
    )
    paths = {
        "home": "/",
        "article": post.get_absolute_url(),
        "tag": "/tag/servizio-clienti/",
        "search": "/cerca/?q=reso",
        "login": "/accounts/login/",
        "signup": "/accounts/signup/",
        "notfound": "/pagina-che-non-esiste/",
    }
    return {name: live_server.url + path for name, path in paths.items()}


@pytest.mark.parametrize("which", [*PAGES, "notfound"])
def test_page_has_no_axe_violation_and_no_csp_violation(page, urls, which):
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.add_init_script(WATCH_CSP)
    page.goto(urls[which])
    page.wait_for_load_state("networkidle")
    page.evaluate(AXE_JS.read_text())
    found = page.evaluate(
        "async () => (await axe.run(document, {rules: {'target-size': {enabled: true}}}))"
        ".violations"
    )
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in found] == []
    assert page.evaluate("window.__cspViolations") == []
    if which != "notfound":  # Chromium logs the 404 status itself as a console error
        assert console_errors == []


@pytest.mark.parametrize("which", PAGES)
def test_page_is_valid_html_for_the_nu_checker(urls, which):
    needs(VNU_JAR, "java")
    html = urllib.request.urlopen(urls[which], timeout=30).read()
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "-"],
        input=html,
        capture_output=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or b'{"messages": []}')["messages"]
    assert [(m.get("lastLine"), m["message"]) for m in messages] == []


@pytest.mark.parametrize("which", PAGES)
def test_page_scores_100_in_lighthouse_best_practices(urls, which, tmp_path):
    needs(LIGHTHOUSE, "node")
    report = tmp_path / "report.json"
    flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            urls[which],
            "--only-categories=best-practices",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        timeout=180,
        check=True,
    )
    result = json.loads(report.read_text())
    category = result["categories"]["best-practices"]
    failing = [
        (ref["id"], result["audits"][ref["id"]]["title"])
        for ref in category["auditRefs"]
        if ref["weight"] and result["audits"][ref["id"]]["score"] not in (1, None)
    ]
    assert (category["score"], failing) == (1, [])
