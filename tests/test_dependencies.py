"""Comments and reactions depend on posts, never the reverse: posts' code imports neither
(its templates offer slots that those apps fill)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("comments", "posts.reactions")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
        elif isinstance(node, ast.ImportFrom) and node.level and node.module:
            if "reactions" in node.module.split("."):
                yield "posts.reactions"
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            yield str(node.args[0].value)


def test_posts_imports_neither_comments_nor_reactions():
    offenders = []
    for path in sorted((ROOT / "posts").rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[:2] == ("posts", "reactions") or "migrations" in relative.parts:
            continue
        for module in imported_modules(path):
            if any(module == name or module.startswith(name + ".") for name in FORBIDDEN):
                offenders.append(f"{relative}: {module}")
    assert offenders == []


def test_the_check_sees_an_import():
    # The walker must notice a real import, or the test above proves nothing.
    sample = ROOT / "comments" / "services" / "submit.py"
    assert any(module.startswith("posts") for module in imported_modules(sample))


def test_neither_posts_nor_comments_imports_the_wordpress_app():
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for app in ("posts", "comments")
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
        for module in imported_modules(path)
        if module == "wordpress" or module.startswith("wordpress.")
    ]
    assert offenders == []
