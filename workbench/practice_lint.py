"""Lint for what a guide practice says: its fields, its keywords, and that its pattern parses."""

from __future__ import annotations

import ast
import json
import re
import tomllib

from workbench.model.bank import Practice
from workbench.printable import quoted

EXAMPLE_CHARS = (150, 1400)
"""An example is a few sentences to a short paragraph."""
PATTERN_MAX_LINES = 40
PATTERN_MAX_WIDTH = 100
"""Patterns are read in a terminal pane and a Word table: short, and narrow enough not to wrap."""
PATTERN_LANGUAGES = ("python", "yaml", "toml", "json", "sql", "dockerfile", "shell", "hcl", "text")
GENERIC_KEYWORDS = frozenset(
    {
        "automated",
        "automation",
        "business",
        "change",
        "changes",
        "code",
        "common",
        "compare",
        "cost",
        "costs",
        "data",
        "days",
        "deploy",
        "deployment",
        "development",
        "different",
        "environment",
        "fail",
        "failure",
        "feature",
        "features",
        "hours",
        "impact",
        "issues",
        "manual",
        "measure",
        "metric",
        "metrics",
        "minutes",
        "model",
        "models",
        "monitoring",
        "months",
        "performance",
        "pipeline",
        "pipelines",
        "problem",
        "process",
        "production",
        "quality",
        "same",
        "scale",
        "source",
        "standard",
        "team",
        "teams",
        "test",
        "testing",
        "tests",
        "time",
        "tool",
        "tools",
        "training",
        "users",
        "validation",
        "value",
        "version",
        "weeks",
    }
)
"""Words so common across the banks that matching them says nothing: use a phrase instead."""
DOCKERFILE_INSTRUCTIONS = frozenset(
    [
        "ADD",
        "ARG",
        "CMD",
        "COPY",
        "ENTRYPOINT",
        "ENV",
        "EXPOSE",
        "FROM",
        "HEALTHCHECK",
        "LABEL",
        "ONBUILD",
        "RUN",
        "SHELL",
        "STOPSIGNAL",
        "USER",
        "VOLUME",
        "WORKDIR",
    ]
)


def practice_problems(practice: Practice) -> list[str]:
    """Everything wrong with one practice's content, each as a sentence saying what to do."""
    problems = [
        f"{name} is empty; write it"
        for name in ("title", "summary", "example", "pattern")
        if not getattr(practice, name).strip()
    ]
    if practice.example.strip():
        low, high = EXAMPLE_CHARS
        if not low <= len(practice.example) <= high:
            problems.append(
                f"example has {len(practice.example)} characters; keep it between {low} and {high}"
            )
    if practice.pattern.strip():
        problems.extend(_pattern_problems(practice.pattern, practice.pattern_language))
    if not practice.keywords:
        problems.append("has no keywords; add the phrases a gap about it would use")
    for keyword in practice.keywords:
        if keyword.strip().lower() in GENERIC_KEYWORDS:
            problems.append(f"keyword {quoted(keyword)} is too generic to discriminate; use a phrase")
    return problems


def _pattern_problems(pattern: str, language: str) -> list[str]:
    problems: list[str] = []
    lines = pattern.rstrip("\n").split("\n")
    if len(lines) > PATTERN_MAX_LINES:
        problems.append(f"pattern has {len(lines)} lines; keep it to {PATTERN_MAX_LINES}")
    wide = [n for n, line in enumerate(lines, 1) if len(line) > PATTERN_MAX_WIDTH]
    if wide:
        problems.append(f"pattern line {wide[0]} is wider than {PATTERN_MAX_WIDTH} characters")
    if language not in PATTERN_LANGUAGES:
        problems.append(f"pattern_language {quoted(language)} is not one of: {', '.join(PATTERN_LANGUAGES)}")
        return problems
    error = syntax_error(pattern, language)
    if error:
        problems.append(f"pattern is not valid {language}: {error}")
    return problems


def syntax_error(pattern: str, language: str) -> str:
    """Why the pattern does not parse in its language, or "" (checked where the stdlib can)."""
    try:
        if language == "python":
            ast.parse(pattern)
        elif language == "json":
            json.loads(pattern)
        elif language == "toml":
            tomllib.loads(pattern)
        elif language == "dockerfile":
            return _dockerfile_error(pattern)
        elif language == "yaml" and re.search(r"^ *\t", pattern, re.MULTILINE):
            return "a tab indents a line; YAML indents with spaces"
    except SyntaxError as error:
        return f"line {error.lineno}: {error.msg}"
    except (ValueError, tomllib.TOMLDecodeError) as error:  # JSONDecodeError is a ValueError
        return str(error)
    return ""


def _dockerfile_error(pattern: str) -> str:
    continued = False
    seen_from = False
    for number, line in enumerate(pattern.split("\n"), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not continued:
            instruction = stripped.split()[0].upper()
            if instruction not in DOCKERFILE_INSTRUCTIONS:
                return f"line {number}: {quoted(instruction)} is not a Dockerfile instruction"
            if not seen_from and instruction not in ("FROM", "ARG"):
                return f"line {number}: the first instruction must be FROM (or ARG before it)"
            seen_from = seen_from or instruction == "FROM"
        continued = stripped.endswith("\\")
    return ""
