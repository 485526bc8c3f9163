"""A schema-driven run: requests generated from the service's own OpenAPI description.

Every answer must be a documented status, with the documented content type
and a body matching its schema, and none may be a 5xx. Bounded: 25 examples
per operation, a few seconds in all.

Not checked, on purpose: that every schema-valid request is accepted (a
schema cannot say that ``unit.id`` must equal ``case.unit`` or that a date
is real, so a valid-looking request may rightly get a located 422), and
that every schema-violating request is refused (an evaluation, like the
facts loader, reports bad records in the report's ``rejections`` and
evaluates the rest, answering 200).
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from enforcerules.service import create_app

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(engine="python"))


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_service_keeps_its_openapi_promises(case: schemathesis.Case) -> None:
    response = case.call_and_validate(excluded_checks=[positive_data_acceptance, negative_data_rejection])
    assert response.status_code < 500


def test_the_schema_describes_every_endpoint_with_real_models() -> None:
    spec = schema.raw_schema
    assert set(spec["paths"]) == {"/health", "/jurisdictions", "/jurisdictions/{jurisdiction}/rules",
                                  "/jurisdictions/{jurisdiction}/evaluate", "/jurisdictions/{jurisdiction}/cases/decide"}
    decide = spec["paths"]["/jurisdictions/{jurisdiction}/cases/decide"]["post"]
    assert decide["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/DecideRequest"}
    assert decide["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/CaseDecisionOut"}
    assert {"400", "404", "413", "422", "500"} <= set(decide["responses"])
    case_fields = spec["components"]["schemas"]["CaseRecord"]
    assert case_fields["required"] == ["id", "unit", "decided_on"] and case_fields["additionalProperties"] is False
    assert case_fields["properties"]["decided_on"]["format"] == "date"
    assert set(spec["components"]["schemas"]["FactsDocument"]["properties"]) >= {"officers", "training", "cases", "as_of"}
