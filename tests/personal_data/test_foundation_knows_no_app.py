"""The personal-data machinery lives in the foundation, which imports no app: each app
registers its part (as WordPress plugins register their exporters and erasers)."""

from pathlib import Path

from blogsite.personal_data import registry
from tests.test_dependencies import imported_modules

ROOT = Path(__file__).resolve().parent.parent.parent
APPS = ("comments", "posts", "wordpress")


def test_the_foundation_s_personal_data_code_imports_no_app():
    files = [*sorted((ROOT / "blogsite" / "personal_data").glob("*.py"))]
    files += sorted((ROOT / "blogsite" / "admin").glob("*.py"))
    files += [ROOT / "blogsite" / name for name in ("models.py", "mail.py", "forms.py")]
    files.append(ROOT / "blogsite" / "management" / "commands" / "purge_personal_data.py")
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in files
        for module in imported_modules(path)
        if module.split(".")[0] in APPS
    ]
    assert offenders == []


def test_every_app_holding_personal_data_registers_it(db):
    names = {source.name for source in registry.sources()}
    assert names == {"accounts", "comments", "votes", "profile", "subscriptions"}
    assert [source.name for source in registry.sources()][-1] == "accounts"  # erased last
