"""Cases entered and classified in the console: the case list with the form for a victim's
report (its case opens at once), and the typology an officer records on a case."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import RedirectResponse, Response

from fanzha.api import masking
from fanzha.api.audited_actions import classify_case, enter_report, read_cases
from fanzha.api.case_routes import TYPOLOGY_PATTERN
from fanzha.api.deps import ServicesDep
from fanzha.api.roles import Actor, Permission
from fanzha.api.rows import check_rows
from fanzha.io.schema import TABLES
from fanzha.store.case_usecase import (
    TYPOLOGIES,
    UNKNOWN,
    CaseNotFoundError,
)
from fanzha.web.render import MaybeActor, keep_out, refusal, render

router = APIRouter(include_in_schema=False)


@router.get("/cases")
def cases_page(
    request: Request, svc: ServicesDep, actor: MaybeActor, person_id: str = ""
) -> Response:
    """The list; `person_id` fills the report form in (a warning that ended "already lost")."""
    if actor is None or not actor.may(Permission.READ_CASES):
        return keep_out(request, actor)
    return _cases(request, svc, actor, [], {"person_id": person_id} if person_id else {})


def _cases(
    request: Request, svc: ServicesDep, actor: Actor, problems: list[str], entered: dict[str, str]
) -> Response:
    """The case list, with the report form (and what was wrong with the last entry)."""
    now = svc.now()
    with svc.database.session() as session:
        records, money = read_cases(session, actor, now)
    rows = [(r, masking.person_id(r.person_id, actor.role), money[r.case_id]) for r in records]
    return render(
        request,
        "cases.html",
        actor,
        status_code=422 if problems else 200,
        cases=rows,
        may_open=actor.may(Permission.OPEN_CASES),
        typologies=TYPOLOGIES,
        problems=problems,
        entered=entered,
    )


@router.post("/cases")
def new_case_page(
    request: Request,
    *,
    svc: ServicesDep,
    actor: MaybeActor,
    report_id: Annotated[str, Form()],
    ts: Annotated[str, Form()],
    person_id: Annotated[str, Form()],
    paid_to: Annotated[str, Form()],
    claimed_amount: Annotated[str, Form()],
    scam_type: Annotated[str, Form(pattern=TYPOLOGY_PATTERN)] = UNKNOWN,
) -> Response:
    """An officer enters a victim's report; its case opens and its page follows."""
    if actor is None or not actor.may(Permission.OPEN_CASES):
        return keep_out(request, actor)
    row = {
        "report_id": report_id,
        "ts": ts,
        "person_id": person_id,
        "paid_to": paid_to,
        "claimed_amount": claimed_amount,
    }
    checked = check_rows(TABLES["reports"], [row])
    if checked.rejected:
        problems = [f"{r.field}: {r.reason}" for r in checked.rejected]
        return _cases(request, svc, actor, problems, row)
    now = svc.now()
    with svc.database.session() as session:
        record = enter_report(session, actor, now, checked.frame, scam_type)
    return RedirectResponse(f"/cases/{record.case_id}", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/cases/{case_id}/scam-type")
def scam_type_page(
    case_id: str,
    request: Request,
    *,
    svc: ServicesDep,
    actor: MaybeActor,
    scam_type: Annotated[str, Form(pattern=TYPOLOGY_PATTERN)],
) -> Response:
    """Record the case's typology from its page."""
    if actor is None or not actor.may(Permission.OPEN_CASES):
        return keep_out(request, actor)
    now = svc.now()
    try:
        with svc.database.session() as session:
            classify_case(session, actor, now, case_id, scam_type)
    except CaseNotFoundError:
        return refusal(request, actor, "not_found", 404)
    return RedirectResponse(f"/cases/{case_id}", status_code=status.HTTP_303_SEE_OTHER)
