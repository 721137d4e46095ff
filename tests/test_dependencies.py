"""Imports point down: the foundation (what the apps use from blogsite/) imports no app;
posts imports neither its reactions, comments nor wordpress; reactions import neither
comments nor wordpress; comments do not import wordpress; and no app climbs to blogsite's
roof (its URLs, settings, site-wide views and commands, which see everything).

Every module of every package is parsed with ast, whatever its depth (templatetags,
management commands, admin packages); imports inside functions count too."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("posts", "comments", "wordpress")

# blogsite's roof: the modules allowed to import the apps, which the apps never import.
# Everything else in blogsite/ is the foundation.
ROOF = (
    "blogsite.settings",
    "blogsite.test_settings",
    "blogsite.urls",
    "blogsite.wsgi",
    "blogsite.asgi",
    "blogsite.views",  # robots.txt, 404 and the language switcher name the articles' homes
    "blogsite.middleware",  # the home redirect by language
    "blogsite.context_processors",
    "blogsite.privacy",  # the privacy page lists every app's cookies and retention
    "blogsite.personal_data.views",  # shows the privacy page
    "blogsite.templatetags",
    "blogsite.management",  # load_demo, ensure_admin
    "blogsite.admin",  # the site's admin pages (personal data requests show its views)
)

# package: the packages it must never import (a package's own subpackages excepted below).
FORBIDDEN = {
    "posts": ("posts.reactions", "comments", "wordpress"),
    "posts.reactions": ("comments", "wordpress"),
    "posts.subscriptions": ("posts.reactions", "comments", "wordpress"),
    "comments": ("wordpress",),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules_of(package: str):
    """(module name, path) of every module of a package, migrations left out."""
    for path in sorted((ROOT / package.replace(".", "/")).rglob("*.py")):
        if "migrations" not in path.parts:
            yield module_name(path), path


def imported_modules(path: Path):
    """The absolute names of what a module imports (relative imports resolved, and
    `from a import b` also naming a.b, which may be a module)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            yield str(node.args[0].value)


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def is_roof(module: str) -> bool:
    return any(within(module, roof) for roof in ROOF)


def upward_imports(package: str, forbidden, *, skip=()):
    return [
        f"{name}: {imported}"
        for name, path in modules_of(package)
        if not any(within(name, inner) for inner in skip)
        for imported in imported_modules(path)
        if any(within(imported, target) for target in forbidden)
    ]


def test_the_foundation_imports_no_app_nor_the_roof():
    offenders = [
        f"{name}: {imported}"
        for name, path in modules_of("blogsite")
        if not is_roof(name)
        for imported in imported_modules(path)
        if any(within(imported, app) for app in APPS) or is_roof(imported)
    ]
    assert offenders == []


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_blogsites_roof(app):
    offenders = [
        f"{name}: {imported}"
        for name, path in modules_of(app)
        for imported in imported_modules(path)
        if within(imported, "blogsite") and is_roof(imported)
    ]
    assert offenders == []


@pytest.mark.parametrize("package", FORBIDDEN)
def test_each_package_imports_only_what_lies_below_it(package):
    # A package's own subpackages are checked on their own line (posts.reactions is
    # inside posts but above it).
    inner = [other for other in FORBIDDEN if other != package and within(other, package)]
    assert upward_imports(package, FORBIDDEN[package], skip=inner) == []


def test_the_walker_sees_imports_of_every_kind():
    # The checks above prove nothing unless the walker notices real imports: absolute,
    # relative (resolved against the module's package), inside functions, import_module.
    sample = ROOT / "comments" / "services" / "submit.py"
    assert any(within(module, "posts") for module in imported_modules(sample))
    relative = ROOT / "posts" / "reactions" / "views.py"
    assert "posts.reactions.services" in set(imported_modules(relative))
    apps = ROOT / "comments" / "apps.py"
    assert "blogsite.reader" in set(imported_modules(apps))  # imported inside ready()


def test_an_upward_import_fails_the_check(tmp_path, monkeypatch):
    # A tree whose foundation climbs (an import of comments inside a function) and whose
    # comments import wordpress relatively-named: both are caught.
    (tmp_path / "blogsite").mkdir()
    (tmp_path / "blogsite" / "helpers.py").write_text(
        "def f():\n    from comments.models import Comment\n"
    )
    (tmp_path / "comments").mkdir()
    (tmp_path / "comments" / "__init__.py").write_text("")
    (tmp_path / "comments" / "late.py").write_text("import wordpress.redirects\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    with pytest.raises(AssertionError):
        test_the_foundation_imports_no_app_nor_the_roof()
    with pytest.raises(AssertionError):
        test_each_package_imports_only_what_lies_below_it("comments")
