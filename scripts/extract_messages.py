"""Extract the messages of cooprules into its gettext catalogs, check them, compile them.

    python scripts/extract_messages.py            # write locale/cooprules.pot, update the .po files
    python scripts/extract_messages.py --check    # exit 1 if the template or a catalog is stale

What is extracted (from src/cooprules, src/cooprules_adapters and src/cooprules_cli, read as
code, never imported except for the enumerations):

* every ``Text("msgid", ..., context="...")`` call: its first argument must be a string literal
  (an f-string or a variable is reported as a problem, since no catalog could hold it);
* the names of explanation inputs, ``Step(inputs={"name": ...})`` (labels of kind ``input``);
* the codes that have labels: membership statuses, obligation states and severities (the
  enumerations' values), decision kinds (``DecisionRule`` / ``DecisionOfLaw``) and waterfall step
  codes (``ToReserve``, ``Interest``, ``Refund``, ``WorkerShare``, ``Remainder``, ``Worker``);
* what citations show: the instruments and articles of each ``law.toml`` and the literal ones of
  ``Citation(...)`` calls (context ``citation``);
* the command line's help: the ``help=`` of each ``click.option`` and the docstring of each
  command (context ``help``).

The catalogs are ``src/cooprules/locale/<lang>/LC_MESSAGES/cooprules.po``; the template is
``src/cooprules/locale/cooprules.pot``. Updating keeps every translation, adds new messages
untranslated and drops the messages no longer in the code (Babel's ``Catalog.update``, without
fuzzy matching: a changed English message must be translated again).
"""

from __future__ import annotations

import argparse
import ast
import io
import string
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    ROOT / "src" / "cooprules",
    ROOT / "src" / "cooprules_adapters",
    ROOT / "src" / "cooprules_cli",
)
LOCALE = ROOT / "src" / "cooprules" / "locale"
DOMAIN = "cooprules"
LANGUAGES = ("fr", "nl", "de")

_STEP_CLASSES = {"ToReserve", "Interest", "Refund", "WorkerShare", "Remainder", "Worker"}
_DECISION_CLASSES = {"DecisionRule", "DecisionOfLaw"}

Key = tuple[str | None, str]  # (context, msgid)


def placeholders(template: str) -> frozenset[str]:
    """The named placeholders of a message template."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _first(call: ast.Call, keyword: str) -> ast.expr | None:
    if call.args:
        return call.args[0]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def scan(path: Path) -> Iterator[tuple[Key, str, str | None]]:
    """Yield ``((context, msgid), location, problem)`` for each message of one source file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.relative_to(ROOT).as_posix()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and "cooprules_cli" in where:
            yield from _command_help(node, f"{where}:{node.lineno}")
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "inputs" for t in targets):
                yield from _input_names(node.value, f"{where}:{node.lineno}")
            continue
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        location = f"{where}:{node.lineno}"
        keywords = {k.arg: k.value for k in node.keywords if k.arg is not None}
        if name == "Text" and node.args:
            msgid = _literal(node.args[0])
            context = keywords.get("context")
            if msgid is None:
                yield (None, ""), location, "the message is not a string literal"
            elif context is not None and _literal(context) is None:
                yield (None, msgid), location, "the context is not a string literal"
            elif "domain" in keywords:
                continue  # another package's message: its own catalog
            else:
                yield (_literal(context), msgid), location, None
        elif name == "Step":
            inputs = keywords.get("inputs", node.args[1] if len(node.args) > 1 else None)
            yield from _input_names(inputs, location)
        elif name == "option" and "cooprules_cli" in where and _literal(keywords.get("help")):
            yield ("help", str(_literal(keywords.get("help")))), location, None
        elif name == "Citation":
            for index, keyword in enumerate(("instrument", "article")):
                given = node.args[index] if len(node.args) > index else keywords.get(keyword)
                text = _literal(given)
                if text is not None:
                    yield ("citation", text), location, None
        elif name in _STEP_CLASSES or name in _DECISION_CLASSES:
            code = _literal(_first(node, "kind" if name in _DECISION_CLASSES else "code"))
            if code is not None:
                yield ("decision" if name in _DECISION_CLASSES else "step", code), location, None


def _command_help(node: ast.FunctionDef, location: str) -> Iterator[tuple[Key, str, None]]:
    """A click command's help: the docstring of a function decorated ``@….command`` (or group)."""
    for decorator in node.decorator_list:
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        if _name(func) in {"command", "group"}:
            text = ast.get_docstring(node, clean=True)
            if text:
                yield ("help", text), location, None
            return


def _input_names(node: ast.expr | None, location: str) -> Iterator[tuple[Key, str, None]]:
    """The literal names of a step's inputs (a dict display, or ``dict | {...}``)."""
    if isinstance(node, ast.BinOp):
        yield from _input_names(node.left, location)
        yield from _input_names(node.right, location)
    elif isinstance(node, ast.Dict):
        for key in node.keys:
            text = _literal(key)
            if text is not None:
                yield ("input", text), location, None


def _law_citations(path: Path) -> Iterator[tuple[Key, str]]:
    """The instruments and articles a law file cites (shown in citations, context ``citation``)."""
    import tomllib  # noqa: PLC0415

    where = path.relative_to(ROOT).as_posix()
    law = tomllib.loads(path.read_text(encoding="utf-8"))
    for name in law.get("instruments", {}).values():
        if isinstance(name, str):
            yield ("citation", name), where
    for cited in law.get("citations", {}).values():
        if isinstance(cited, dict) and isinstance(cited.get("article"), str):
            yield ("citation", cited["article"]), where


def _enum_labels() -> Iterator[tuple[Key, str]]:
    sys.path.insert(0, str(ROOT / "src"))
    from cooprules.accompaniment import ObligationState  # noqa: PLC0415
    from cooprules.explain import Severity  # noqa: PLC0415
    from cooprules.membership import Status  # noqa: PLC0415

    for kind, enumeration in (
        ("status", Status),
        ("state", ObligationState),
        ("severity", Severity),
    ):
        for member in enumeration:
            yield (kind, str(member.value)), enumeration.__module__.replace(".", "/") + ".py"
    for term in ("yes", "no"):
        yield ("term", term), "cooprules/explain.py"


def extract() -> tuple[dict[Key, list[str]], list[str]]:
    """Every message of the code with its locations, and the problems found."""
    found: dict[Key, list[str]] = {}
    problems: list[str] = []
    for source in SOURCES:
        for path in sorted(source.rglob("*.py")):
            for key, location, problem in scan(path):
                if problem is not None:
                    problems.append(f"{location}: {problem}")
                else:
                    found.setdefault(key, []).append(location)
        for path in sorted(source.rglob("law.toml")):
            for key, location in _law_citations(path):
                found.setdefault(key, []).append(location)
    for key, location in _enum_labels():
        found.setdefault(key, []).append(location)
    return found, problems


def template(found: dict[Key, list[str]]) -> Catalog:
    """The .pot catalog of the extracted messages."""
    pot = Catalog(project="cooprules", domain=DOMAIN, fuzzy=False, header_comment="")
    for (context, msgid), locations in sorted(
        found.items(), key=lambda i: (i[0][1], i[0][0] or "")
    ):
        flags = ("python-brace-format",) if placeholders(msgid) else ()
        files = sorted({location.rpartition(":")[0] or location for location in locations})
        pot.add(
            msgid,
            context=context,
            locations=[(name, None) for name in files],
            flags=flags,
            auto_comments=_comment(context),
        )
    return pot


_LABEL_CONTEXTS = {"status", "state", "decision", "step", "severity", "input", "term"}


def _comment(context: str | None) -> list[str]:
    if context == "citation":
        return ["an instrument or an article, as a citation shows it"]
    if context == "help":
        return ["help of the command line (click: a line starting \\b keeps its lines)"]
    return [f"label of a {context}"] if context in _LABEL_CONTEXTS else []


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, ignore_obsolete=True, include_lineno=False)
    return out.getvalue()


def _read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def updated(lang: str, pot: Catalog) -> Catalog:
    """The catalog of ``lang`` brought up to the template, its translations kept."""
    path = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    catalog = _read(path, lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN)
    catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    return catalog


def main(argv: list[str] | None = None) -> int:
    """Run the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a catalog is stale")
    options = parser.parse_args(argv)
    found, problems = extract()
    for problem in problems:
        print(problem, file=sys.stderr)  # noqa: T201
    pot = template(found)
    stale = []
    targets = {LOCALE / f"{DOMAIN}.pot": _po_bytes(pot)}
    for lang in LANGUAGES:
        targets[LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"] = _po_bytes(updated(lang, pot))
    for path, data in targets.items():
        old = path.read_bytes() if path.exists() else b""
        if _body(old) != _body(data):
            stale.append(path)
            if not options.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    for path in stale:
        print(f"{'stale' if options.check else 'written'}: {path.relative_to(ROOT)}")  # noqa: T201
    return 1 if problems or (options.check and stale) else 0


def _body(data: bytes) -> bytes:
    """A catalog without its header's dates, which change on every run."""
    return b"\n".join(
        line
        for line in data.splitlines()
        if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date'))
    )


def compile_catalogs(locale: Path) -> list[Path]:
    """Compile every ``.po`` under ``locale`` to a ``.mo`` beside it; return the ``.mo`` paths.

    For a copy of the locale folder: the build compiles into the wheel (``hatch_build.py``), and a
    ``.mo`` in the source tree would be read before its ``.po`` and go stale.
    """
    written = []
    for po in sorted(locale.glob("*/LC_MESSAGES/*.po")):
        catalog = _read(po, po.parent.parent.name)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo)
    return written


if __name__ == "__main__":
    raise SystemExit(main())
