"""One real Spark session (local mode, two cores) for the Spark tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="the Spark tests need the 'spark' extra (scripts/setup.sh installs it)")


def _java_home() -> str | None:
    java = shutil.which("java")
    return str(Path(java).resolve().parent.parent) if java else None


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    if "JAVA_HOME" not in os.environ and (home := _java_home()):
        os.environ["JAVA_HOME"] = home
    from enforcerules.spark import spark_session

    session = spark_session("local[2]", app="enforcerules-tests", **{
        "spark.sql.shuffle.partitions": "4",
        "spark.default.parallelism": "2",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.session.timeZone": "Asia/Shanghai",
    })
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
