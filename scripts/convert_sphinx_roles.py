"""Convert raw Sphinx roles in docstrings into mkdocstrings cross-references.

The API pages are rendered by mkdocstrings (Markdown docstrings, the autorefs plug-in), where a
Sphinx role such as ``:class:`~cooprules.regime.FromLaw``` shows as raw text. This script rewrites
each role of the docstrings and ``#`` comments of ``src/`` (and of the example plug-in under
``docs/examples/``) as:

* ``[`FromLaw`][cooprules.regime.FromLaw]`` (past a docstring's summary line) when the target is an object of ours that the site
  renders (found with griffe from the role's module, class and package, as Sphinx would look it
  up; its module has a ``::: module`` page under ``docs/``; every name on its path is public;
  it has a docstring, which mkdocstrings needs to show it);
* ``` `FromLaw` ``` otherwise (the standard library, py-moneyed, attrs, a private helper).

The link text is what Sphinx showed: the last name for ``~a.b.C``, the title of ``Title <a.b.C>``,
the target as written otherwise. It only rewrites roles, so a second run changes nothing, and it
can be run again after a merge brings new roles. Message text (``Text(...)`` calls) is never
touched: only docstrings and comments are. Usage, from the repository root::

    python scripts/convert_sphinx_roles.py           # rewrite the files
    python scripts/convert_sphinx_roles.py --check   # exit 1 if anything is left (changes nothing)

It also puts each bare doctest of a docstring (``>>>`` lines, which Markdown reads as nested
block quotes) inside a ```` ```pycon ```` fence, where mkdocstrings shows it as code and doctest
still runs it.
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


def _docstring_spans(tree: ast.Module) -> list[tuple[int, int]]:
    """The first and last lines of every string statement (docstrings), the last one first."""
    spans = [
        (node.lineno, node.end_lineno or node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    ]
    return sorted(spans, reverse=True)


def _comment_lines(text: str) -> set[int]:
    lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            lines.add(token.start[0])
    return lines


SECTION = re.compile(
    r"^\s*(?:Args|Arguments|Attributes|Raises|Returns|Yields|Warns|Parameters|Keyword Args"
    r"|Other Parameters|References|Note|Notes|Example|Examples|See Also|Methods):\s*$"
)
NAMED = re.compile(r"^\s*[\w.*]+(?: \([^)]*\))?:(?: |$)")
ITEM = re.compile(r"^(\s*)(?:([*-] )|(\d+\. ))")
VERBATIM = re.compile(r"^\s*(?:>>>|\.\.\.|```|\|)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _starts(lines: list[str]) -> list[bool]:
    """For each line, whether it starts something of its own: a list item, a section heading,
    an entry of a Google section (``name: text`` one level into ``Args:``/``Attributes:``...)."""
    starts: list[bool] = []
    section: int | None = None
    for line in lines:
        if line.strip() and section is not None and _indent(line) <= section:
            section = None
        if SECTION.match(line):
            section = _indent(line)
            starts.append(True)
            continue
        entry = section is not None and _indent(line) == section + 4 and bool(NAMED.match(line))
        starts.append(bool(ITEM.match(line)) or entry)
    return starts


def _continues(lines: list[str], index: int, starts: list[bool]) -> bool:
    """Whether line ``index + 1`` continues the paragraph (or item, or entry) of line ``index``."""
    line, following = lines[index], lines[index + 1]
    if not following.strip() or VERBATIM.match(following) or starts[index + 1]:
        return False
    if following.strip().startswith('"""'):
        return False
    if starts[index]:
        return _indent(following) > _indent(line)
    return _indent(following) == _indent(line)


def _hanging(line: str, *, start: bool) -> int:
    """The indentation of a new continuation line of ``line``'s paragraph."""
    item = ITEM.match(line)
    if item:
        return len(item[1]) + len(item[2] or item[3])
    return _indent(line) + 4 if start else _indent(line)


def reflow(lines: list[str], width: int) -> list[str]:
    """Push the words past ``width`` down to the next line of the same paragraph.

    As often as it takes; a word longer than the line is left alone on its line, and verbatim
    lines (doctests, fences, tables) are never touched.
    """
    out = list(lines)
    index = 0
    in_fence = False
    while index < len(out):
        line = out[index]
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if in_fence or len(line) <= width or VERBATIM.match(line):
            index += 1
            continue
        cut = line.rfind(" ", _indent(line) + 1, width + 1)
        if cut <= _indent(line):  # one word longer than the line: alone on its line (E501 allows)
            cut = line.find(" ", _indent(line) + 1)
        if cut <= _indent(line):
            index += 1
            continue
        starts = _starts(out)
        head, rest = line[:cut].rstrip(), line[cut + 1 :].lstrip()
        out[index] = head
        if index + 1 < len(out) and _continues([line, *out[index + 1 :]], 0, starts[index:]):
            following = out[index + 1]
            out[index + 1] = " " * _indent(following) + rest + " " + following.lstrip()
        else:
            out.insert(index + 1, " " * _hanging(line, start=starts[index]) + rest)
        index += 1
    return out


def convert_text(text: str, path: Path, resolver: Resolver | None, width: int = 100) -> str:
    """``text`` (a Python file's source) with the roles of its docstrings and comments rewritten.

    A docstring's paragraphs are re-wrapped to ``width`` where a link made a line longer; a
    summary line (a docstring's first) and every comment get plain code instead, which never
    lengthens a line.
    """
    if not ROLE.search(text):
        return text
    tree = ast.parse(text)
    module = _module_name(path)
    module_scopes: list[str] = []
    if module:
        parts = module.split(".")
        module_scopes = [".".join(parts[:end]) for end in range(len(parts), 0, -1)]
    scopes = _scopes_by_line(tree, module) if module else {}

    def rewrite(match: re.Match[str], line: int, *, link: bool) -> str:
        body = " ".join(match["body"].split())  # a role may wrap onto the next line
        titled = TITLED.match(body)
        if titled:
            title, target = titled["title"], titled["target"].strip()
        else:
            target = body
            shown = target.lstrip("~")
            title = shown.lstrip(".").rsplit(".", 1)[-1] if target.startswith("~") else shown
        if match["role"] in {"func", "meth"} and not title.endswith(")") and not titled:
            title = f"{title}()"
        found = None
        if link and resolver is not None and module is not None:
            found = resolver.resolve(target, scopes.get(line, module_scopes))
        return f"[`{title}`][{found}]" if found else f"`{title}`"

    lines = text.splitlines(keepends=True)
    for first, last in _docstring_spans(tree):
        block = "".join(lines[first - 1 : last])
        if not ROLE.search(block):
            continue
        ending = block[len(block.rstrip("\n")) :]
        summary, newline, rest = block.rstrip("\n").partition("\n")

        # A summary line gets plain code: it is also what the JSON schema, ``help()`` and the
        # API tables show, where a link's target would be noise, and it keeps its length.
        new_summary = ROLE.sub(lambda m: rewrite(m, first, link=False), summary)
        body: list[str] = []
        if newline:
            offset = len(summary) + 1
            converted = ROLE.sub(
                lambda m: rewrite(m, first + block.count("\n", 0, m.start() + offset), link=True),
                rest,
            )
            body = reflow(converted.split("\n"), width)
        lines[first - 1 : last] = ["\n".join([new_summary, *body]) + ending]
    text = "".join(lines)
    # Comments are not rendered: their roles become plain code, which never lengthens a line.
    out: list[str] = []
    comment_lines = _comment_lines(text)
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if number in comment_lines:
            line = ROLE.sub(lambda m, n=number: rewrite(m, n, link=False), line)  # noqa: PLW2901
        out.append(line)
    return "".join(out)


def fence_doctests(text: str) -> str:
    """``text`` with each bare doctest of its docstrings inside a ```` ```pycon ```` fence.

    Markdown reads a bare ``>>>`` line as three nested block quotes; fenced, the example shows as
    code, and doctest still runs it (a blank line closes its expected output before the fence).
    A doctest already fenced is left alone, so a second run changes nothing.
    """
    if ">>>" not in text:
        return text
    tree = ast.parse(text)
    lines = text.split("\n")
    inserts: list[tuple[int, int, int]] = []  # (first line index, end line index, indent)
    for first, last in _docstring_spans(tree):
        fenced = False
        index = first - 1
        while index < last:
            line = lines[index]
            stripped = line.strip()
            if stripped.startswith("```"):
                fenced = not fenced
            elif not fenced and stripped.startswith(">>>") and index > first - 1:
                end = index
                while end + 1 < last and lines[end + 1].strip() and '"""' not in lines[end + 1]:
                    end += 1
                if '"""' in lines[end]:
                    break  # an example ending on the closing quotes: left as it is
                inserts.append((index, end, _indent(line)))
                index = end
            index += 1
    for start, end, indent in sorted(inserts, reverse=True):
        pad = " " * indent
        lines[end + 1 : end + 1] = ["", f"{pad}```"]
        lines[start:start] = [f"{pad}```pycon"]
    return "\n".join(lines)


def files() -> list[Path]:
    """The Python files whose docstrings are converted."""
    found = sorted((ROOT / "src").rglob("*.py"))
    found += sorted((ROOT / "docs" / "examples").rglob("*.py"))
    return found


def main(arguments: list[str]) -> int:
    """Rewrite the files (or, with ``--check``, report what is left); return the status."""
    check = "--check" in arguments
    left = [
        (path, text.count("\n", 0, match.start()) + 1, match[0])
        for path in files()
        for text in [path.read_text(encoding="utf-8")]
        for match in ROLE.finditer(text)
    ]
    bare = [path for path in files() if fence_doctests(t := path.read_text("utf-8")) != t]
    if check:
        for path, line, role in left:
            sys.stdout.write(f"{path.relative_to(ROOT)}:{line}: {role}\n")
        for path in bare:
            sys.stdout.write(f"{path.relative_to(ROOT)}: a doctest outside a pycon fence\n")
        return 1 if left or bare else 0
    resolver = Resolver(load(), rendered_modules()) if left else None
    changed = 0
    for path in files():
        text = path.read_text(encoding="utf-8")
        new = fence_doctests(convert_text(text, path, resolver))
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    remaining = sum(len(ROLE.findall(path.read_text(encoding="utf-8"))) for path in files())
    sys.stdout.write(
        f"convert_sphinx_roles: {len(left)} roles converted and {len(bare)} files' doctests "
        f"fenced, {changed} files changed; {remaining} roles left (outside docstrings and "
        "comments: convert them by hand)\n"
    )
    return 1 if remaining else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
