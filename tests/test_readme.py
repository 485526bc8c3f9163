"""The README's library snippet runs as written against the bundled example."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_library_snippet_runs_as_written(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use as a library", 1)[1]
    snippet = re.search(r"```python\n(.*?)```", section, re.S)
    assert snippet is not None
    (tmp_path / "examples").symlink_to(ROOT / "examples")  # "run from the repository's root", without writing into it
    done = subprocess.run([sys.executable, "-c", snippet.group(1)], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0, done.stderr
    assert "liaoning." in done.stdout and "compliance_rate" in done.stdout
    assert (tmp_path / "report.html").stat().st_size > 100_000
    assert (tmp_path / "scorecard.xlsx").read_bytes()[:2] == b"PK"
