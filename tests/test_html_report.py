"""The HTML report in a real headless Chromium: no console errors, charts rendered, screenshots, no injection."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import polars as pl
import pytest
from _browser import Browser, distinct_colours

from enforcerules import Registry, load_facts
from enforcerules.cli import main
from enforcerules.html_report import write_html

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
READY = "document.documentElement.dataset.charts === 'rendered'"


@pytest.fixture(scope="module")
def browser() -> Browser:
    with Browser() as b:
        yield b  # type: ignore[misc]


def test_report_loads_renders_its_charts_and_screenshots(tmp_path: Path, browser: Browser) -> None:
    out = tmp_path / "report.html"
    assert main(["check", "shanxi", str(EXAMPLES / "shanxi.json"), "--as-of", "2026-01-31", "--out", str(out)]) == 1
    text = out.read_text(encoding="utf-8")
    assert "cdn" not in text.lower().split("<script>", 1)[0] and "src=\"http" not in text  # nothing fetched
    facts = load_facts(EXAMPLES / "shanxi.json")
    report = Registry().evaluate("shanxi", facts, dt.date(2026, 1, 31))
    counts = dict(report.table.group_by("status").len().iter_rows())

    browser.open(out.as_uri(), 1400, 1000, READY)
    assert browser.errors() == []
    for chart in ("chart-rules", "chart-training", "chart-timeline"):
        assert browser.evaluate(f"document.getElementById('{chart}').dataset.chart") == "rendered"
        assert browser.evaluate(f"document.querySelectorAll('#{chart} canvas').length") >= 1
    # the findings table is paged: all rows counted, 50 in the page
    assert browser.evaluate("document.getElementById('findings-table').dataset.rows") == str(report.table.height)
    assert browser.evaluate("document.querySelectorAll('#findings-table tbody tr').length") == min(50, report.table.height)
    # each rule's quote once
    quotes = browser.evaluate("Array.from(document.querySelectorAll('#rules blockquote')).map(b => b.textContent)")
    assert sorted(quotes) == sorted(f"「{r.rule.citation.quote}」" for r in report.rules.values())
    # subjects by name with the id beneath
    assert "灵石县市场监督管理局" in browser.evaluate("document.getElementById('units-table').textContent")
    desktop = browser.screenshot(tmp_path / "desktop.png")
    # filtering by status narrows the table to that status's count
    browser.evaluate("var s = document.getElementById('f-status'); s.value = 'violation'; s.dispatchEvent(new Event('change'))")
    assert browser.evaluate("document.getElementById('findings-table').dataset.rows") == str(counts["violation"])
    # sorting by a column header keeps the rows and orders them
    browser.evaluate("document.querySelectorAll('#findings-table th')[4].click()")
    periods = browser.evaluate("Array.from(document.querySelectorAll('#findings-table tbody tr')).map(r => r.children[4].textContent)")
    assert periods == sorted(periods)
    # English labels
    browser.evaluate("document.getElementById('lang').click()")
    assert browser.evaluate("document.querySelector('h2').textContent") == "Overview"
    assert "the plan ended 2025-12-31" in browser.evaluate("document.getElementById('notice').textContent")
    browser.resize(390, 844)
    browser.evaluate("window.dispatchEvent(new Event('resize'))")
    narrow = browser.screenshot(tmp_path / "narrow.png")
    assert browser.errors() == []
    for png in (desktop, narrow):
        assert distinct_colours(png) > 50, f"{png} looks blank"


def test_facts_strings_cannot_inject_html_or_script(tmp_path: Path, browser: Browser) -> None:
    evil = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    data = json.loads((EXAMPLES / "national.json").read_text(encoding="utf-8"))
    data["units"][0]["name"] = evil
    data["officers"][0]["name"] = "<b>粗体</b>\u2028&amp;"
    facts_path = tmp_path / "facts.json"
    facts_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "evil.html"
    main(["check", "national", str(facts_path), "--as-of", "2026-01-31", "--out", str(out)])
    assert evil not in out.read_text(encoding="utf-8")
    browser.open(out.as_uri(), 1200, 900, READY)
    assert browser.errors() == []
    assert browser.evaluate("window.__pwned === undefined")
    assert browser.evaluate("document.querySelectorAll('img').length") == 0
    assert browser.evaluate("Array.from(document.querySelectorAll('b')).every(b => b.parentElement.className === 'card')")
    assert evil in browser.evaluate("document.getElementById('units-table').textContent")


def test_a_hundred_thousand_findings_stay_responsive(tmp_path: Path, browser: Browser) -> None:
    facts = load_facts(EXAMPLES / "shanxi.json")
    report = Registry().evaluate("shanxi", facts, dt.date(2026, 1, 31))
    copies = -(-100_000 // report.table.height)
    big = pl.concat([report.table.with_columns(pl.col("subject")) for _ in range(copies)]).head(100_000)
    import attrs

    out = tmp_path / "big.html"
    write_html(attrs.evolve(report, table=big), facts, out)
    seconds = browser.open(out.as_uri(), 1400, 1000, READY, timeout=180)
    assert browser.errors() == []
    assert seconds < 60, f"took {seconds:.1f}s to load"
    assert browser.evaluate("document.getElementById('findings-table').dataset.rows") == "100000"
    assert browser.evaluate("document.querySelectorAll('#findings-table tbody tr').length") == 50
    start = time.monotonic()
    browser.evaluate("var s = document.getElementById('f-status'); s.value = 'late'; s.dispatchEvent(new Event('change'))")
    browser.evaluate("document.querySelectorAll('#findings-table th')[2].click()")
    took = time.monotonic() - start
    late = big.filter(pl.col("status") == "late").height
    assert browser.evaluate("document.getElementById('findings-table').dataset.rows") == str(late)
    assert took < 3, f"filter and sort took {took:.2f}s"


def test_a_report_of_empty_facts_loads_without_errors(tmp_path: Path, browser: Browser) -> None:
    facts_path = tmp_path / "empty.json"
    facts_path.write_text("{}", encoding="utf-8")
    out = tmp_path / "empty.html"
    assert main(["check", "national", str(facts_path), "--as-of", "2024-06-30", "--out", str(out)]) == 9
    browser.open(out.as_uri(), 1200, 900, READY)
    assert browser.errors() == []
    assert browser.evaluate("document.getElementById('chart-training').dataset.chart") == "empty"
    assert browser.evaluate("document.getElementById('chart-rules').dataset.chart") == "rendered"
    assert browser.evaluate("document.getElementById('notice').textContent") == ""


def test_lang_en_opens_the_report_in_english(tmp_path: Path, browser: Browser) -> None:
    out = tmp_path / "en.html"
    assert main(["check", "national", str(EXAMPLES / "national.json"), "--as-of", "2026-01-31", "--lang", "en", "--out", str(out)]) == 1
    browser.open(out.as_uri(), 1200, 900, READY)
    assert browser.errors() == []
    assert browser.evaluate("document.querySelector('h2').textContent") == "Overview"
    assert browser.evaluate("document.documentElement.lang") == "en"
