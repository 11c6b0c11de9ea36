"""Top-ups of running holds: laundering money that reaches an account already held.

A held account is receive-only (只收不付): what arrives stays. Money that arrives there from an
account passing money through (it received at least half the amount within `pass_through_s`
before sending it on) or from a flagged mule account is the same laundering flow the hold was
asked for: the request of the case that holds the account is topped up by that amount, at the
moment it arrives. Money from anyone else (a customer, a relative, a victim who has not
reported yet) is not asked for; nor is money from an account some case already asked to stop
(that case's chase asks for what it traced there), and a transfer out of an account held by
then was refused and brings nothing.

Causal: a top-up at T depends on transfers at or before T and on requests before it.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from fanzha.stoppay.planned import PlannedRequest
from fanzha.trace.interception import HOLD_DELAY_S
from fanzha.trace.ledger_index import NO_ACCOUNT, LedgerIndex

_NEVER = np.iinfo(np.int64).max


def top_ups(
    index: LedgerIndex,
    requests: list[PlannedRequest],
    flagged: Mapping[int, int],
    pass_through_s: int,
) -> list[PlannedRequest]:
    """Top-up requests for laundering money reaching accounts after their holds took effect;
    each carries the report and hop of the account's first request."""
    first: dict[int, PlannedRequest] = {}
    for request in sorted(requests, key=lambda r: (r.ts, r.report_id, r.hop, r.account)):
        first.setdefault(request.account, request)
    asked_from = {account: r.ts for account, r in first.items()}
    found: list[PlannedRequest] = []
    for account, request in first.items():
        got = index.incoming(account)
        got = got[index.ts[got] >= request.ts + HOLD_DELAY_S]
        for row, sender in zip(got.tolist(), index.src[got].tolist(), strict=True):
            ts = int(index.ts[row])
            if sender in (NO_ACCOUNT, account) or asked_from.get(sender, _NEVER) <= ts:
                continue
            if flagged.get(sender, _NEVER) <= ts or _passing_through(
                index, sender, row, pass_through_s
            ):
                amount = int(index.amount[row])
                found.append(PlannedRequest(ts, request.report_id, account, amount, request.hop))
    return found


def _passing_through(index: LedgerIndex, sender: int, row: int, pass_through_s: int) -> bool:
    """Whether `sender` received at least half of transfer `row`'s amount in the
    `pass_through_s` before it (money in and straight out, 快进快出)."""
    got = index.incoming(sender)
    got = got[: np.searchsorted(got, row)]
    ts = index.ts[row]
    recent = got[np.searchsorted(index.ts[got], ts - pass_through_s) :]
    return bool(2 * int(index.amount[recent].sum()) >= int(index.amount[row]))
