"""Convert raw Sphinx roles in docstrings into mkdocstrings cross-references.

The API pages are rendered by mkdocstrings (Markdown docstrings, the autorefs plug-in), where a
Sphinx role such as ``:class:`~cooprules.regime.FromLaw``` shows as raw text. This script rewrites
each role of the docstrings and ``#`` comments of ``src/`` (and of the example plug-in under
``docs/examples/``) as:

* ``[`FromLaw`][cooprules.regime.FromLaw]`` when the target is an object of ours that the site
  renders (found with griffe from the role's module, class and package, as Sphinx would look it
  up; its module has a ``::: module`` page under ``docs/``; every name on its path is public;
  it has a docstring, which mkdocstrings needs to show it);
* ``` `FromLaw` ``` otherwise (the standard library, py-moneyed, attrs, a private helper).

The link text is what Sphinx showed: the last name for ``~a.b.C``, the title of ``Title <a.b.C>``,
the target as written otherwise. It only rewrites roles, so a second run changes nothing, and it
can be run again after a merge brings new roles. Message text (``Text(...)`` calls) is never
touched: only docstrings and comments are. Usage, from the repository root::

    python scripts/convert_sphinx_roles.py           # rewrite the files
    python scripts/convert_sphinx_roles.py --check   # exit 1 if a role is left (changes nothing)
"""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
from pathlib import Path

import griffe

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("cooprules", "cooprules_adapters", "cooprules_cli")
ROLE = re.compile(
    r":(?:py:)?(?P<role>class|func|meth|attr|mod|data|exc|obj|const):`(?P<body>[^`]+)`"
)
TITLED = re.compile(r"^(?P<title>.+?)\s*<(?P<target>[^<>]+)>$")
DIRECTIVE = re.compile(r"^:::\s+(?P<module>[\w.]+)\s*$", re.MULTILINE)


def rendered_modules() -> set[str]:
    """The modules the site renders: each ``::: module`` line of ``docs/**/*.md``."""
    found: set[str] = set()
    for page in (ROOT / "docs").rglob("*.md"):
        found.update(m["module"] for m in DIRECTIVE.finditer(page.read_text(encoding="utf-8")))
    return found


def load() -> griffe.ModulesCollection:
    """Our packages as griffe reads them from this checkout's ``src``."""
    loader = griffe.GriffeLoader(search_paths=[str(ROOT / "src")])
    for package in PACKAGES:
        loader.load(package)
    loader.resolve_aliases(implicit=False, external=False)
    return loader.modules_collection


class Resolver:
    """Finds what a role's target names, from where the role is written."""

    def __init__(self, collection: griffe.ModulesCollection, rendered: set[str]) -> None:
        self.collection = collection
        self.rendered = rendered

    def lookup(self, path: str) -> griffe.Object | None:
        """The object at dotted ``path`` (an alias followed to its target), if it is ours."""
        root, _, rest = path.partition(".")
        if root not in PACKAGES:
            return None
        try:
            found = self.collection[root] if not rest else self.collection[root][rest]
            while isinstance(found, griffe.Alias):
                found = found.final_target
        except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
            return None
        return found if isinstance(found, griffe.Object) else None

    def linkable(self, obj: griffe.Object) -> bool:
        """Whether the site shows ``obj`` with an anchor (so a link to it resolves)."""
        chain: list[griffe.Object] = []
        current: griffe.Object | None = obj
        while current is not None and not current.is_module:
            chain.append(current)
            current = current.parent
        if current is None or current.path not in self.rendered:
            return False
        for member in chain:
            if member.name.startswith("_") and not member.name.startswith("__"):
                return False
            if not member.has_docstring:
                return False
        return True

    def resolve(self, target: str, scopes: list[str]) -> str | None:
        """The path to link ``target`` to, looked up from ``scopes`` (innermost first)."""
        target = target.lstrip(".~")
        candidates = [f"{scope}.{target}" for scope in scopes]
        candidates.append(target)
        for candidate in candidates:
            obj = self.lookup(candidate)
            if obj is not None:
                return obj.path if self.linkable(obj) else None
        return None


def _module_name(path: Path) -> str | None:
    try:
        relative = path.relative_to(ROOT / "src").with_suffix("")
    except ValueError:
        return None
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _scopes_by_line(tree: ast.Module, module: str) -> dict[int, list[str]]:
    """For each line inside a class, the scopes a name is looked up in, innermost first."""
    parts = module.split(".")
    module_scopes = [".".join(parts[:end]) for end in range(len(parts), 0, -1)]
    scopes: dict[int, list[str]] = {}

    def visit(node: ast.AST, classes: list[str]) -> None:
        for child in ast.iter_child_nodes(node):
            inner = classes
            if isinstance(child, ast.ClassDef):
                inner = [*classes, child.name]
                here = [
                    ".".join([module, *inner[:depth]]) for depth in range(len(inner), 0, -1)
                ]
                for line in range(child.lineno, (child.end_lineno or child.lineno) + 1):
                    scopes[line] = [*here, *module_scopes]
            visit(child, inner)

    visit(tree, [])
    return scopes


def _docstring_lines(tree: ast.Module) -> set[int]:
    """The lines of every string statement (module, class, function and attribute docstrings)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def _comment_lines(text: str) -> set[int]:
    lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            lines.add(token.start[0])
    return lines


def convert_text(text: str, path: Path, resolver: Resolver | None) -> str:
    """``text`` (a Python file's source) with the roles of its docstrings and comments rewritten."""
    if not ROLE.search(text):
        return text
    tree = ast.parse(text)
    module = _module_name(path)
    allowed = _docstring_lines(tree) | _comment_lines(text)
    module_scopes: list[str] = []
    if module:
        parts = module.split(".")
        module_scopes = [".".join(parts[:end]) for end in range(len(parts), 0, -1)]
    scopes = _scopes_by_line(tree, module) if module else {}

    def replace(match: re.Match[str], line: int) -> str:
        body = match["body"].strip()
        titled = TITLED.match(body)
        if titled:
            title, target = titled["title"], titled["target"].strip()
        else:
            target = body
            shown = target.lstrip("~")
            title = shown.lstrip(".").rsplit(".", 1)[-1] if target.startswith("~") else shown
        if match["role"] in {"func", "meth"} and not title.endswith(")") and not titled:
            title = f"{title}()"
        link = None
        if resolver is not None and module is not None:
            link = resolver.resolve(target, scopes.get(line, module_scopes))
        return f"[`{title}`][{link}]" if link else f"`{title}`"

    out: list[str] = []
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if number in allowed:
            line = ROLE.sub(lambda m, n=number: replace(m, n), line)  # noqa: PLW2901
        out.append(line)
    return "".join(out)


def files() -> list[Path]:
    """The Python files whose docstrings are converted."""
    found = sorted((ROOT / "src").rglob("*.py"))
    found += sorted((ROOT / "docs" / "examples").rglob("*.py"))
    return found


def main(arguments: list[str]) -> int:
    """Rewrite the files (or, with ``--check``, report the roles left); return the status."""
    check = "--check" in arguments
    left = [
        (path, text.count("\n", 0, match.start()) + 1, match[0])
        for path in files()
        for text in [path.read_text(encoding="utf-8")]
        for match in ROLE.finditer(text)
    ]
    if check:
        for path, line, role in left:
            sys.stdout.write(f"{path.relative_to(ROOT)}:{line}: {role}\n")
        return 1 if left else 0
    if not left:
        sys.stdout.write("convert_sphinx_roles: no role left\n")
        return 0
    resolver = Resolver(load(), rendered_modules())
    changed = 0
    for path in files():
        text = path.read_text(encoding="utf-8")
        new = convert_text(text, path, resolver)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    remaining = sum(
        len(ROLE.findall(path.read_text(encoding="utf-8"))) for path in files()
    )
    sys.stdout.write(
        f"convert_sphinx_roles: {len(left)} roles in {changed} files converted, "
        f"{remaining} left (outside docstrings and comments: convert them by hand)\n"
    )
    return 1 if remaining else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
