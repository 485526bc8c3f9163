"""The application factory: rulebooks resolved and compiled once, then served.

:func:`create_app` builds one independent application per call: no module
state, so tests and embedders may hold several side by side.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs
from fastapi import FastAPI, Path, Query, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..calendar import HolidayCalendar
from ..chinatime import CST
from ..deadlines import DeadlinePolicy
from ..disposition import CaseDecision, decide_case
from ..engine import Executor, get_executor
from ..errors import CalendarError, FactsError
from ..evaluate import compile_rulebook, evaluate
from ..factset import Facts
from ..findings import Rejection
from ..loading import loads_facts
from ..facts import CaseOutcome
from ..registry import Registry
from ..report import Report
from ..rulebook import Rulebook
from .errors import ApiError, install_error_handlers
from .jsonout import json_response
from .limits import DEFAULT_MAX_BODY_BYTES, BodyLimit
from .models import AS_OF_SCHEMA, AS_OF_TEXT, CaseDecisionOut, DecideRequest, ErrorOut, FactsDocument, HealthOut, JurisdictionOut, ReportOut, RulesOut
from .reading import parse_day, parse_json, read_case

__all__ = ["create_app"]

_POLICIES = {False: DeadlinePolicy(), True: DeadlinePolicy.strict()}


@attrs.frozen
class _Book:
    rulebook: Rulebook
    digest: str
    listing: dict[str, Any]
    rules: dict[str, Any]


@attrs.frozen
class _Service:
    """What every request reads: resolved rulebooks, one executor, the holiday calendar."""

    books: dict[str, _Book]
    executor: Executor
    calendar: HolidayCalendar | None

    def book(self, jid: str) -> _Book:
        if jid not in self.books:
            raise ApiError(404, "unknown_jurisdiction", [
                Rejection("path.jurisdiction", "unknown jurisdiction", jid, f"one of {', '.join(self.books)}")])
        return self.books[jid]

    def evaluate(self, book: _Book, body: bytes, as_of: _dt.date, strict: bool) -> Report:
        try:
            facts = loads_facts(body)
        except FactsError as exc:  # the document as a whole is refused (an unknown format, a limit)
            raise ApiError(422, "invalid_facts", [_whole(str(exc))]) from None
        # `as_of` is the service's field, not a section: the loader's word on it is dropped
        rejections = [r for r in facts.rejections if not (r.location == "$.as_of" and r.reason == "unknown section")]
        try:
            report = evaluate(book.rulebook, facts, as_of, engine=self.executor, policy=_POLICIES[strict], calendar=self.calendar)
        except CalendarError as exc:
            raise ApiError(422, "calendar", [Rejection("$", "no holiday data for a day the deadlines need", str(exc), "days the holiday calendar covers")]) from None
        return attrs.evolve(report, rejections=tuple(rejections)) if len(rejections) != len(report.rejections) else report


def _whole(message: str) -> Rejection:
    """A loader's refusal of a whole document; its message starts with the location when it has one."""
    where, _, reason = message.partition(": ")
    return Rejection(where, reason, None, "") if where.startswith("$") and reason else Rejection("$", message, None, "")


def _book(registry: Registry, rulebook: Rulebook) -> _Book:
    j = rulebook.jurisdiction
    digest = rulebook.digest
    for strict in _POLICIES:  # compile now: a rule that cannot compile stops the start, not a request
        compile_rulebook(rulebook, _POLICIES[strict])
    listing = {
        "id": j.id, "name_zh": j.name_zh, "name_en": j.name_en, "level": j.level.value, "parent": j.parent,
        "plugin": registry.plugin_of(j.id), "rulebook_digest": digest, "rules": len(rulebook.rules),
        "documents": [{"id": d.id, "title": d.title, "number": d.number} for d in j.documents],
    }
    rules = {
        "jurisdiction": j.id, "rulebook_digest": digest,
        "rules": [
            {"id": r.id, "kind": r.rule.kind, "document": r.rule.citation.document, "clause": r.rule.citation.clause,
             "quote": r.rule.citation.quote, "title_zh": r.rule.title_zh, "title_en": r.rule.title_en,
             "effective_from": r.rule.effective.start.isoformat(), "effective_to": r.rule.effective.end.isoformat(),
             "declared_by": r.declared_by, "overridden_by": list(r.overridden_by)}
            for r in rulebook.rules
        ],
    }
    return _Book(rulebook, digest, listing, rules)


def _decision_json(book: _Book, decision: CaseDecision, outcome: CaseOutcome, unit_considered: bool) -> dict[str, Any]:
    return {
        "jurisdiction": book.rulebook.jurisdiction.id,
        "rulebook_digest": book.digest,
        "case_id": decision.case_id,
        "strongest": decision.strongest.value,
        "outcome": outcome.value,
        "outcome_permitted": decision.permits(outcome),
        "permits": {o.value: decision.permits(o) for o in CaseOutcome},
        "unit_considered": unit_considered,
        "dispositions": [
            {"kind": d.kind.value, "rule_id": d.rule_id,
             "citation": {"document": d.citation.document, "clause": d.citation.clause, "quote": d.citation.quote},
             "basis": d.basis, "reason": {"zh": d.reason_zh, "en": d.reason_en},
             "verified": d.verified, "unverified": d.unverified}
            for d in decision.dispositions
        ],
    }


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in {
        400: "malformed JSON or an unreadable body", 404: "unknown jurisdiction or path", 413: "request body over the size limit",
        422: "a located mistake in the request", 500: "a defect of the service (the log has an incident number)",
    }.items()
}


def _body(model: type[BaseModel]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}}}}


class _App(FastAPI):
    """FastAPI whose OpenAPI description also carries the request-body models
    (bodies are read by the facts loader, not by FastAPI)."""

    body_models: tuple[type[BaseModel], ...] = (FactsDocument, DecideRequest)

    def openapi(self) -> dict[str, Any]:
        if self.openapi_schema is None:
            schema = get_openapi(title=self.title, version=self.version, description=self.description, routes=self.routes)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in self.body_models:
                body = model.model_json_schema(ref_template="#/components/schemas/{model}")
                components.update(body.pop("$defs", {}))
                components[model.__name__] = body
            self.openapi_schema = schema
        return self.openapi_schema


def create_app(registry: Registry | None = None, *, engine: str = "auto", max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> FastAPI:
    """The decision service over *registry*'s jurisdictions (default: the installed plugins).

    Every rulebook is resolved and compiled here, once; a jurisdiction that
    cannot be resolved stops the start (:class:`~enforcerules.ResolutionError`).
    *engine* is as for :func:`enforcerules.evaluate`; bodies over
    *max_body_bytes* are refused with 413.
    """
    if max_body_bytes < 1:
        raise ValueError(f"max_body_bytes must be positive (got {max_body_bytes})")
    registry = registry or Registry()
    service = _Service(
        books={j.id: _book(registry, registry.rulebook(j.id)) for j in registry.jurisdictions()},
        executor=get_executor(engine),
        calendar=registry.holiday_calendar(),
    )
    app = _App(
        title="enforcerules decision service",
        version=__version__,
        description="Cited compliance findings and case dispositions under China's law-enforcement quality plans. "
                    "Every error answer is an ErrorOut with located reasons.",
    )
    install_error_handlers(app)
    jid = Path(description="a jurisdiction id (GET /jurisdictions lists them)", json_schema_extra={"enum": list(service.books)})
    app.add_middleware(BodyLimit, limit=max_body_bytes)

    @app.get("/health", response_model=HealthOut, responses=_ERRORS)
    async def health() -> Response:
        return json_response({"status": "ok", "version": __version__, "engine": service.executor.name, "jurisdictions": len(service.books)})

    @app.get("/jurisdictions", response_model=list[JurisdictionOut], responses=_ERRORS)
    async def jurisdictions() -> Response:
        return json_response([b.listing for b in service.books.values()])

    @app.get("/jurisdictions/{jurisdiction}/rules", response_model=RulesOut, responses=_ERRORS)
    async def rules(jurisdiction: str = jid) -> Response:
        return json_response(service.book(jurisdiction).rules)

    @app.post("/jurisdictions/{jurisdiction}/evaluate", response_model=ReportOut, responses=_ERRORS, openapi_extra=_body(FactsDocument))
    async def evaluate_facts(
        request: Request,
        jurisdiction: str = jid,
        as_of: str | None = Query(None, description=AS_OF_TEXT + "; or `as_of` in the body; default: today", json_schema_extra=AS_OF_SCHEMA),
        strict_deadlines: bool = Query(False, description="read ambiguous deadline phrases at their earliest"),
    ) -> Response:
        """Evaluate a facts document: the report, with every rejected record located."""
        book = service.book(jurisdiction)
        body = await request.body()
        doc = parse_json(body)
        if not isinstance(doc, Mapping):
            raise ApiError(422, "invalid_request", [Rejection("$", "a facts document must be a JSON object", type(doc).__name__, "a JSON object")])
        day = _as_of(as_of, doc)
        report = await run_in_threadpool(service.evaluate, book, body, day, strict_deadlines)
        return json_response(report.to_json())

    @app.post("/jurisdictions/{jurisdiction}/cases/decide", response_model=CaseDecisionOut, responses=_ERRORS, openapi_extra=_body(DecideRequest))
    async def decide(request: Request, jurisdiction: str = jid) -> Response:
        """Which dispositions the rulebook requires or allows for one case, with citations."""
        book = service.book(jurisdiction)
        case, unit = read_case(parse_json(await request.body()))
        facts = Facts(units=(unit,), cases=(case,)) if unit is not None else None
        return json_response(_decision_json(book, decide_case(book.rulebook, case, facts=facts), case.outcome, unit is not None))

    return app


def _as_of(query: str | None, doc: Mapping[str, Any]) -> _dt.date:
    """The evaluation day from the query or the body (both: they must agree); default today in CST."""
    in_body = parse_day(doc["as_of"], "$.as_of") if "as_of" in doc else None
    in_query = parse_day(query, "query.as_of") if query is not None else None
    if in_body and in_query and in_body != in_query:
        raise ApiError(422, "invalid_request", [Rejection("$.as_of", "differs from the as_of query parameter", doc["as_of"], f"{query} or no as_of in the body")])
    return in_query or in_body or _dt.datetime.now(CST).date()
