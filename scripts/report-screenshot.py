"""Write docs/report.png: the HTML report of the bundled national example, as headless Chromium shows it.

Run with the project's virtualenv: .venv/bin/python scripts/report-screenshot.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from _browser import Browser  # noqa: E402
from PIL import Image  # noqa: E402

import enforcerules as er  # noqa: E402


def main() -> None:
    facts = er.load_facts(ROOT / "examples" / "shanxi.json")
    report = er.evaluate(er.load_rulebook("shanxi"), facts, dt.date(2026, 1, 31))
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        er.write_report(report, page, facts=facts)
        with Browser() as browser:
            browser.open(page.as_uri(), 1280, 1100, "document.documentElement.dataset.charts === 'rendered'")
            shot = browser.screenshot(Path(tmp) / "shot.png")
        with Image.open(shot) as img:
            small = img.convert("RGB").resize((960, 825), Image.Resampling.LANCZOS).quantize(colors=128)
            small.save(ROOT / "docs" / "report.png", optimize=True)
    print(ROOT / "docs" / "report.png")


if __name__ == "__main__":
    main()
