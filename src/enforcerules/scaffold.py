"""A starting point for a new jurisdiction plugin: ``enforcerules scaffold``.

Writes an installable plugin folder with its pyproject (entry point in the
``enforcerules`` group), a ``plan.py`` holding the jurisdiction declaration
with one example rule and one example override to replace, a ``source.txt``
for the plan's text (package data), a README to fill in, and tests that resolve the rulebook, check every rule is cited and
evaluate the example rule with the plugin test kit
(:mod:`enforcerules.testing.plugin_kit`). See ``docs/writing-a-plugin.md``.
"""

from __future__ import annotations

import datetime as _dt
import errno
import json
import re
from pathlib import Path

from .errors import DeclarationError
from .facts import Level
from .rules import PLAN_PERIOD

__all__ = ["scaffold_plugin"]

_PYPROJECT = '''[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "enforcerules-{id}"
version = "0.1.0"
description = {description_toml}
requires-python = ">=3.11"
dependencies = ["enforcerules>=0.1", "enforcerules-{parent}>=0.1"]

[project.entry-points.enforcerules]
{id} = "enforcerules_{id}"

[tool.setuptools.packages.find]
where = ["src"]

[tool.setuptools.package-data]
enforcerules_{id} = ["source.txt"]
'''

_SOURCE = """（在此粘贴方案全文，逐字照录：每条引文都须在此找到。）
（Paste the plan's full text here, verbatim: every quote must be found in it.）
"""

_INIT = '''{init_doc}

from __future__ import annotations

from enforcerules import Jurisdiction, hookimpl

from .plan import JURISDICTION

__all__ = ["JURISDICTION", "enforcerules_jurisdictions"]


@hookimpl
def enforcerules_jurisdictions() -> list[Jurisdiction]:
    return [JURISDICTION]
'''

_PLAN = '''{plan_doc}

# Replace the example document, rule and override below with the plan's own.
# Restating a parent obligation with the same content needs no declaration: it
# is inherited. Changing a number, a date or a scope is an Override citing the
# local clause. A row that cannot be checked from facts goes into DECLINED.

from __future__ import annotations

import datetime as dt

from enforcerules import (
    PLAN_PERIOD,
    Declined,
    Intent,
    Jurisdiction,
    Level,
    Override,
    Period,
    Rule,
    Scope,
    SourceDocument,
    Subject,
    UnitKind,
)
from enforcerules.citation import citer
from enforcerules.kinds import TaskDeadline

PLAN = SourceDocument(
    id={plan_id_py},
    title={title_py},
    issuer={issuer_py},
    number="",
    issued_on={issued_on_py},
    note={plan_note_py},
)
cite = citer(PLAN.id)

#: The plan's own rules bind from its issue day to the end of the national plan period.
#: Overrides citing PLAN start on that day too (the rulebook moves them; the parent's rule
#: governs before it), and yearly duties from the first calendar year starting on or after it
#: (enforcerules.FirstYear). Change the end only if the plan names another one.
PERIOD = Period(PLAN.issued_on or PLAN_PERIOD.start, PLAN_PERIOD.end)

EXAMPLE_TASK = Rule(
    id={task_rule_py},
    title_zh="示例任务（替换为方案中的任务）",
    title_en="Example task (replace with a task of the plan)",
    citation=cite("一", "（在此逐字引用方案原文）"),
    spec=TaskDeadline(task={task_key_py}, deadline={deadline_py}),
    scope=Scope(Subject.UNIT, unit_kinds=(UnitKind.ENFORCEMENT,)),
    effective=PERIOD,
    note="Example only: replace with a task of the plan.",
)

EXAMPLE_OVERRIDE = Override(
    "national.training.annual_hours",
    Intent.TIGHTEN,
    cite("二", "（在此逐字引用方案中提高学时要求的原文）"),
    {{"min_hours": 60}},
    note="Example only: set the plan's own number, or delete if the plan restates 60 hours.",
)

DECLINED: tuple[Declined, ...] = ()

JURISDICTION = Jurisdiction(
    id={id_py},
    name_zh={name_zh_py},
    name_en={name_en_py},
    level=Level.{level},
    parent={parent_py},
    documents=(PLAN,),
    rules=(EXAMPLE_TASK,),
    overrides=(EXAMPLE_OVERRIDE,),
    declined=DECLINED,
)
'''

_TEST = '''{test_doc}

# Replace the example rule's tests with tests of the plan's own rules; see
# "The plugin test kit" in enforcerules' docs/testing-plugins.md.

from __future__ import annotations

import datetime as dt

import pytest

import enforcerules as er
from enforcerules.testing import ENGINES, run_rule, status_of
from enforcerules_{id}.plan import PLAN

JURISDICTION = {id_py}
PARENT = {parent_py}
EXAMPLE_TASK = {task_rule_py}
TASK_KEY = {task_key_py}
UNIT = {{"id": "unit", "name": "示例执法部门", "kind": "enforcement", "level": {level_value_py}}}


def test_rulebook_resolves_on_its_parent() -> None:
    book = er.load_rulebook(JURISDICTION)
    assert book.chain[-2:] == (PARENT, JURISDICTION)


def test_every_rule_is_cited_and_quoted() -> None:
    for rule in er.load_rulebook(JURISDICTION):
        assert rule.rule.citation.clause and rule.rule.citation.quote
        assert rule.rule.title_zh and rule.rule.title_en


@pytest.mark.parametrize("engine", ENGINES)
def test_example_task_binds_from_the_plan_issue_day(engine: str) -> None:
    book = er.load_rulebook(JURISDICTION)
    start = book.get(EXAMPLE_TASK).rule.effective.start
    assert start == (PLAN.issued_on or er.PLAN_PERIOD.start)
    before = run_rule(book, EXAMPLE_TASK, {{"units": [UNIT]}}, start - dt.timedelta(days=1), engine=engine)
    assert {{f.status for f in before}} == {{er.Status.OUT_OF_PERIOD}}
    assert status_of(run_rule(book, EXAMPLE_TASK, {{"units": [UNIT]}}, start, engine=engine), "unit") is er.Status.PENDING


@pytest.mark.parametrize("engine", ENGINES)
def test_example_task_is_due_at_the_end_of_{year}(engine: str) -> None:
    book = er.load_rulebook(JURISDICTION)

    def status(completed_on: str | None, as_of: dt.date) -> er.Status:
        reports = [] if completed_on is None else [
            {{"id": "r1", "task": TASK_KEY, "unit": "unit", "completed_on": completed_on}}
        ]
        findings = run_rule(book, EXAMPLE_TASK, {{"units": [UNIT], "task_reports": reports}}, as_of, engine=engine)
        return status_of(findings, "unit")

    assert status("{year}-12-31", dt.date(2026, 11, 23)) is er.Status.COMPLIANT
    assert status("{next_year}-01-01", dt.date(2026, 11, 23)) is er.Status.LATE
    assert status(None, dt.date({year}, 12, 31)) is er.Status.PENDING
    assert status(None, dt.date({next_year}, 1, 1)) is er.Status.VIOLATION
'''

_README = '''# {name_zh_md} ({name_en_md})

enforcerules jurisdiction plugin. Parent: `{parent}`.

Install it beside its parent, naming the parent's folder in the same command
so pip finds `enforcerules-{parent}` there rather than on a package index
(enforcerules' docs/writing-a-plugin.md, "Install"):

    pip install <enforcerules checkout>/plugins/{parent} -e .

then `enforcerules rules {id}` and `enforcerules diff {parent} {id}`.

| clause | rule id | kind | relation to parent |
|---|---|---|---|

## Not modelled

| clause | obligation | reason |
|---|---|---|
'''


def _docstring(text: str) -> str:
    """A module docstring holding *text* as data: triple-quoted when that is safe, else repr()."""
    if '"""' in text or "\\" in text or text.endswith('"') or not text.isprintable():
        return repr(text)
    return f'"""{text}"""'


def _name(field: str, value: str) -> str:
    # Printable and one line: the name goes into Python, TOML and Markdown as data.
    if not value.strip() or not value.isprintable() or len(value) > 200:
        raise DeclarationError(
            f"{field} must be a non-empty printable one-line name of at most 200 characters (got {value!r})"
        )
    return value


def _markdown(text: str) -> str:
    """*text* shown literally in Markdown prose (no markup, no HTML)."""
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def scaffold_plugin(
    out: Path, jid: str, *, parent: str, name_zh: str, name_en: str, level: Level, issued_on: _dt.date | None = None,
) -> list[Path]:
    """Write a new plugin folder at *out*; refuses to overwrite anything.

    *issued_on*, the local plan's issue day, goes into its ``SourceDocument``;
    the rules written take their effective period from it (``PERIOD`` in the
    generated ``plan.py``), and the example task falls due at the end of that
    year. Without it the document is left undated (``issued_on=None``, to be
    filled in) and the rules keep the national plan period.

    Every user-supplied string is written into the generated code as a
    literal (``repr`` in Python, a JSON-escaped basic string in TOML), never
    as code. Raises :class:`~enforcerules.DeclarationError` for a bad id or
    name and :class:`FileExistsError` when *out* is a file or a non-empty
    folder.
    """
    for field, value in (("jurisdiction id", jid), ("parent", parent)):
        if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", value):
            raise DeclarationError(f"{field} must be a lower-case identifier like 'hefei' (got {value!r})")
    name_zh, name_en = _name("--name-zh", name_zh), _name("--name-en", name_en)
    if not isinstance(level, Level):
        raise DeclarationError(f"level must be a Level (got {level!r})")
    if issued_on is not None and not (isinstance(issued_on, _dt.date) and issued_on <= PLAN_PERIOD.end):
        raise DeclarationError(f"--issued-on must be a day on or before {PLAN_PERIOD.end}, "
                               f"the end of the national plan period (got {issued_on!r})")
    if out.exists() and not (out.is_dir() and not any(out.iterdir())):
        raise FileExistsError(errno.EEXIST, "exists and is not an empty folder", str(out))
    year = issued_on.year if issued_on is not None else 2024
    note = ("Fill in the document number from the plan." if issued_on is not None else
            "Fill in the document number and issued_on from the plan: its rules bind from that day.")
    values = {
        "issued_on_py": "None" if issued_on is None else f"dt.date({issued_on.year}, {issued_on.month}, {issued_on.day})",
        "plan_note_py": repr(note), "deadline_py": repr(f"{year}年底前"), "year": year, "next_year": year + 1,
        "id": jid, "parent": parent, "level": level.name, "name_zh_md": _markdown(name_zh), "name_en_md": _markdown(name_en),
        "id_py": repr(jid), "parent_py": repr(parent), "name_zh_py": repr(name_zh), "name_en_py": repr(name_en),
        "level_value_py": repr(level.value), "plan_id_py": repr(f"{jid}-plan"),
        "title_py": repr(f"{name_zh}提升行政执法质量三年行动实施方案"), "issuer_py": repr(f"{name_zh}人民政府办公厅"),
        "task_rule_py": repr(f"{jid}.example.task"), "task_key_py": repr(f"{jid}_example_task"),
        "description_toml": json.dumps(f"enforcerules jurisdiction: {name_en}", ensure_ascii=False),
        "init_doc": _docstring(f"{name_zh} ({name_en}): jurisdiction plugin for enforcerules."),
        "plan_doc": _docstring(f"{name_zh}实施方案, clause by clause."),
        "test_doc": _docstring(f"{name_zh}: the plugin resolves, every rule is cited, and the example rule "
                               "binds from the plan's issue day and behaves on both sides of its deadline."),
    }
    files = {
        out / "pyproject.toml": _PYPROJECT,
        out / "README.md": _README,
        out / "src" / f"enforcerules_{jid}" / "__init__.py": _INIT,
        out / "src" / f"enforcerules_{jid}" / "plan.py": _PLAN,
        out / "src" / f"enforcerules_{jid}" / "source.txt": _SOURCE,
        out / "tests" / f"test_{jid}_plan.py": _TEST,
    }
    texts = {path: template.format(**values) for path, template in files.items()}
    for path, text in texts.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sorted(texts)
