"""The test pytest runs for ``--enforcerules-conformance``; parametrised by the plugin.

Not collected on its own (the file name does not match ``test_*.py``): the
pytest plugin adds this file to the run when the option is given and turns
each :class:`~enforcerules.testing.conformance.Check` into one test.
"""

from __future__ import annotations

from enforcerules.testing.conformance import Check


def test_conformance(enforcerules_check: Check) -> None:
    enforcerules_check.run()
