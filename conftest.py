"""Test-wide hypothesis settings: no per-example deadline.

Evaluation time depends on the machine and its load; speed is measured by
the benchmarks in bench/, never asserted by a test's timing.
"""

from hypothesis import HealthCheck, settings

settings.register_profile("enforcerules", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("enforcerules")
