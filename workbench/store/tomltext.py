"""Reading TOML files with errors a person can act on: file, line, column, what to do."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path
from typing import Any

# tomli is the parser the standard library's tomllib was made from, shipped as compiled wheels:
# about 3x faster on a large project file.
import tomli as toml_reader

from workbench.problems import FileProblem

CONFLICT_MARKER = re.compile(rb"^(<{7}|={7}|>{7})(\s|$)", re.MULTILINE)
TOMLLIB_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
TOMLLIB_END = re.compile(r"\s*\(at end of document\)$")


def line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def decode_toml(path: str | Path, data: bytes) -> str:
    """The file's text, or a FileProblem for the ways bytes fail to be TOML text."""
    if not data.strip():
        raise FileProblem(path, "the file is empty; restore it from git or a .bak copy")
    if data.startswith(b"\xef\xbb\xbf"):
        raise FileProblem(
            path,
            "starts with a byte-order mark; save it as UTF-8 without BOM",
            line=1,
            column=1,
        )
    # Seven of a marker's characters in a row are rare: look for them (fast) before looking
    # for one at the start of a line (20 ms on a 784 KiB file).
    maybe = b"<<<<<<<" in data or b"=======" in data or b">>>>>>>" in data
    marker = CONFLICT_MARKER.search(data) if maybe else None
    if marker:
        line, col = line_col(data, marker.start())
        raise FileProblem(
            path,
            "holds a git merge-conflict marker; resolve the conflict and remove the markers",
            line=line,
            column=col,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = line_col(data, error.start)
        raise FileProblem(
            path, "is not valid UTF-8 here; re-save the file as UTF-8", line=line, column=col
        ) from None


def parse_toml(path: str | Path, text: str) -> dict[str, Any]:
    """Parse TOML text, turning its errors into a FileProblem with line and column; the syntax
    errors after the first are its `more` (each line in error is read as blank to find the next)."""
    try:
        return toml_reader.loads(text)
    except toml_reader.TOMLDecodeError as error:
        first = _syntax_problem(path, text, error)
    lines, at = text.split("\n"), first.line
    while at is not None and 0 < at <= len(lines) and len(first.more) < MORE_SYNTAX_ERRORS:
        lines[at - 1] = ""
        try:
            toml_reader.loads("\n".join(lines))
            break
        except toml_reader.TOMLDecodeError as error:
            later = _syntax_problem(path, text, error)
        if later.line is None or later.line <= at:
            break  # (what follows the line read as blank: not a problem of its own)
        first.more.append(later)
        at = later.line
    raise first


MORE_SYNTAX_ERRORS = 20
"""How many syntax errors after the first a file's problem lists."""


def _syntax_problem(path: str | Path, text: str, error: toml_reader.TOMLDecodeError) -> FileProblem:
    message = str(error.args[0]) if error.args else str(error)
    line = col = None
    found = TOMLLIB_POSITION.search(message)
    if found:
        line, col = int(found.group(1)), int(found.group(2))
        message = message[: found.start()]
    elif TOMLLIB_END.search(message):
        line = text.count("\n") + 1
        col = len(text.rsplit("\n", 1)[-1]) + 1
        message = TOMLLIB_END.sub("", message) + " (the file ends too early: is it truncated?)"
    bad_date = _bad_date(text, line)
    if bad_date is not None:
        col, value = bad_date
        return FileProblem(
            path, f"{value} is not a valid date; write it as YYYY-MM-DD, a real day (2026-11-16)",
            line=line, column=col,
        )
    said = _in_words(message, text, line)
    if said is not None:
        return FileProblem(path, said, line=line, column=col)
    message = message[0].lower() + message[1:] if message else "is not valid TOML"
    return FileProblem(path, f"TOML syntax error: {message}; fix the file there", line=line, column=col)


_PART = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
TOML_KEY = re.compile(rf"\({_PART}(?:, {_PART})*,?\)")
"""A key as the TOML reader names it, a Python tuple: `('answers',)`, `('project', 'client')`."""


def _in_words(message: str, text: str, line: int | None) -> str | None:
    """The TOML reader's messages that name a key as a Python tuple, as sentences with what to do."""
    found = TOML_KEY.search(message)
    if found is None:
        return None
    try:
        parts = ast.literal_eval(found.group())
    except (ValueError, SyntaxError):
        return None
    name = ".".join(str(part) for part in parts)
    lines = text.splitlines()
    here = lines[line - 1].strip() if line is not None and 0 < line <= len(lines) else ""
    if message.startswith("Cannot mutate immutable namespace"):
        place = locate(text, name) if "." not in name else None
        where = f" on line {place[0]}" if place is not None and place[0] != line else ""
        if here.startswith("[["):
            return (
                f"{name} is written inline{where} ({name} = [ … ]), so [[{name}]] cannot add to it; "
                f"move this record into that list, or write every one of them as [[{name}]]"
            )
        return (
            f"{name} is written inline{where} ({name} = {{ … }} or [ … ]), so nothing can be added to it "
            "here; move this line into it"
        )
    if message.startswith("Cannot declare"):
        return f"[{name}] is declared twice, or inside a table written inline ({{ … }}); declare it once"
    if message.startswith("Cannot redefine namespace"):
        return f"{name} is already a table; write this key in it, not as a dotted key here"
    return f"TOML syntax error: {TOML_KEY.sub(name, message[0].lower() + message[1:])}; fix the file there"


DATE_LIKE = re.compile(r"^(\s*[A-Za-z0-9_.\"' -]+=\s*)(\d{4}-\d{1,2}-\d{1,2}(?:[T ][0-9:.]+)?)\s*(?:#.*)?$")
"""A `key = value` line whose value is written as a date (`created = 2026-13-09`)."""


def _bad_date(text: str, line: int | None) -> tuple[int, str] | None:
    """The column and value of a date TOML could not read on that line (month 13, day 30 of
    February, a one-digit month): tomllib calls it a syntax error ("expected newline")."""
    if line is None:
        return None
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    found = DATE_LIKE.match(lines[line - 1])
    if found is None:
        return None
    value = found.group(2)
    try:
        dt.datetime.fromisoformat(value) if ("T" in value or " " in value) else dt.date.fromisoformat(value)
    except ValueError:
        return len(found.group(1)) + 1, value
    return None if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else (len(found.group(1)) + 1, value)


FIELD_PART = re.compile(r"([A-Za-z0-9_-]+)(?:\[(\d+)\])?")


def locate(text: str, field: str, value: bool = False) -> tuple[int, int] | None:
    """Line and column of a field path (`gaps[2].impact`, `bank.title`) in TOML text written the
    usual way (`[[gaps]]` headers, `key = value` lines), or None when it can't be found. With
    `value`, the column is that of the value written (of the element, `practices[1]`, in a list
    written on one line), where what is wrong is the value, not the key."""
    parts: list[tuple[str, str | None]] = []
    for part in field.split("."):
        found = FIELD_PART.fullmatch(part)
        if found is None:
            return None
        parts.append((found.group(1), found.group(2)))
    lines = text.splitlines()
    if len(parts) > 2 and all(index is None for _, index in parts):
        place = _in_dotted_table(lines, [name for name, _ in parts], value)
        if place is not None:
            return place
    name, index = parts[0]
    key_at = re.compile(rf"^([ \t]*){re.escape(name)}[ \t]*=[ \t]*")
    header = re.compile(rf"^[ \t]*\[\[?[ \t]*{re.escape(name)}[ \t]*\]")
    seen, in_top_table = -1, True
    for number, line in enumerate(lines):
        in_top_table = in_top_table and not line.lstrip().startswith("[")
        top = key_at.match(line)
        if top and index is None:
            return number + 1, _column(line, top, value)
        if top and in_top_table and len(parts) == 1:  # an element of a list (`retired_ids[1]`)
            at = _inline_element(line, top.end(), int(str(index)))
            return _element_line(lines, number + 1, index) or (number + 1, at or _column(line, top, value))
        if not header.match(line):
            continue
        seen += 1
        if index is not None and seen != int(index):
            continue
        inner = parts[1] if len(parts) > 1 else None
        if inner is None:
            return number + 1, 1
        key = re.compile(rf"^([ \t]*){re.escape(inner[0])}[ \t]*=[ \t]*")
        for offset, body in enumerate(lines[number + 1 :], start=number + 2):
            if body.lstrip().startswith("["):
                break
            keyed = key.match(body)
            if keyed:
                element = _element_line(lines, offset, inner[1])
                if element is not None and value and len(parts) > 2:  # a key in an inline table
                    column = _key_in_line(lines[element[0] - 1], element[1] - 1, parts[2][0])
                    element = (element[0], column or element[1])
                if element is None and value and inner[1] is not None:
                    at = _inline_element(body, keyed.end(), int(inner[1]))
                    element = (offset, at) if at is not None else None
                return element or (offset, _column(body, keyed, value))
        return number + 1, 1
    return None


def _key_in_line(line: str, start: int, name: str) -> int | None:
    """The column of the value of `name = …` in an inline table written on `line` from `start`
    (`{area = "x", current = 7.0}`): None when it is not there."""
    keyed = re.compile(rf"[{{,][ \t]*{re.escape(name)}[ \t]*=[ \t]*").search(line, start)
    return None if keyed is None else keyed.end() + 1


def _column(line: str, keyed: re.Match[str], value: bool) -> int:
    """The column of a `key = value` line's key, or of its value (`value`) when one is written."""
    return keyed.end() + 1 if value and keyed.end() < len(line.rstrip()) else len(keyed.group(1)) + 1


def _inline_element(line: str, start: int, index: int) -> int | None:
    """The column of element `index` of the list written on `line` from `start` (`["a", "b"]`),
    or None when the value there is not such a list or has fewer elements."""
    if not line.startswith("[", start):
        return None
    at, depth, seen, element = start + 1, 0, -1, True
    while at < len(line):
        char = line[at]
        if char in " \t":
            at += 1
            continue
        if (depth == 0 and char == "]") or char == "#":
            return None
        if depth == 0 and element:
            seen += 1
            if seen == index:
                return at + 1
            element = False
        if char in "\"'":
            end = at + 1
            while end < len(line) and line[end] != char:
                end += 2 if char == '"' and line[end] == "\\" else 1
            at = end + 1
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "," and depth == 0:
            element = True
        at += 1
    return None


def _in_dotted_table(lines: list[str], names: list[str], value: bool = False) -> tuple[int, int] | None:
    """Line and column of `a.b.key` (of its value, with `value`) written under a `[a.b]` header
    (`[settings.priority]` then `impact = …`), or of the header when the key is not under it;
    None without such a header."""
    *table, last = names
    header = re.compile(r"^[ \t]*\[[ \t]*" + r"[ \t]*\.[ \t]*".join(map(re.escape, table)) + r"[ \t]*\]")
    key = re.compile(rf"^([ \t]*){re.escape(last)}[ \t]*=[ \t]*")
    for number, line in enumerate(lines):
        if not header.match(line):
            continue
        for offset, body in enumerate(lines[number + 1 :], start=number + 2):
            if body.lstrip().startswith("["):
                break
            keyed = key.match(body)
            if keyed:
                return offset, _column(body, keyed, value)
        return number + 1, 1
    return None


def _element_line(lines: list[str], key_line: int, index: str | None) -> tuple[int, int] | None:
    """Line and column of element `index` of an array written one element a line (`maturity = [`
    then `{area = …},` lines), the way a milestone is saved; None for any other layout."""
    if index is None or not lines[key_line - 1].rstrip().endswith("["):
        return None
    seen = -1
    for number, body in enumerate(lines[key_line:], start=key_line + 1):
        text = body.strip()
        if text.startswith("]"):
            return None
        if not text or text.startswith("#"):
            continue
        seen += 1
        if seen == int(index):
            return number, len(body) - len(body.lstrip()) + 1
    return None


def located(problem: FileProblem, text: str) -> FileProblem:
    """The problem (and the others found with it) with the line and column of its field added,
    when they can be found."""
    more = [located(other, text) for other in problem.more]
    wanted = problem.line is None and problem.field
    place = locate(text, problem.field, value=not problem.at_key) if wanted else None
    if place is not None:
        problem = problem.at(*place)
    problem.more = more
    return problem


def read_toml(path: str | Path) -> tuple[dict[str, Any], bytes]:
    """Read and parse a TOML file, returning its data and the exact bytes read."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise FileProblem(path, "no such file; check the path") from None
    except IsADirectoryError:
        raise FileProblem(path, "is a folder, not a file; give the path of a .toml file") from None
    except PermissionError:
        raise FileProblem(path, "cannot be read (permission denied); check its permissions") from None
    except OSError as error:
        raise FileProblem(path, f"cannot be read ({error.strerror}); check the file") from None
    return parse_toml(path, decode_toml(path, data)), data
