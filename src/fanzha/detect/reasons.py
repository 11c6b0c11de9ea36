"""Reason codes a duty officer can read, and how a decision's strongest features map to them.

Each decision lists the codes of the features that pushed its score up most (LightGBM
`pred_contrib`), strongest first. docs/reasons.md explains every code.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from fanzha.detect.windows import FloatArray

NUMBER_REASONS: dict[str, str] = {
    "out_24h": "MANY_CALLS",
    "new_24h": "FANOUT_STRANGERS",
    "new_share_24h": "FANOUT_STRANGERS",
    "answer_share_24h": "LOW_ANSWER_RATE",
    "new_long_24h": "LONG_CALLS_STRANGERS",
    "new_talk_mean_24h": "LONG_CALLS_STRANGERS",
    "link_sms_24h": "LINK_SMS_BLAST",
    "rare_link_sms_24h": "LINK_SMS_RARE_DOMAIN",
    "in_share_24h": "NO_CALLS_BACK",
    "new_7d": "FANOUT_STRANGERS",
    "repeat_share_7d": "FEW_REPEAT_CONTACTS",
    "new_long_7d": "LONG_CALLS_STRANGERS",
    "callback_share_7d": "NO_CALLS_BACK",
    "stranger_in_7d": "NOBODY_CALLS_IN",
    "stranger_in_share_7d": "NOBODY_CALLS_IN",
    "kind_overseas": "OVERSEAS_NUMBER",
    "kind_voip": "VIRTUAL_NUMBER",
    "kind_mobile": "MOBILE_NUMBER",
    "kind_service": "SERVICE_NUMBER",
    "age_days": "NEW_NUMBER",
    "has_holder": "NO_LOCAL_HOLDER",
    "engaged_7d": "ENGAGES_STRANGERS",
    "followups_7d": "CALLEES_ACT_AFTER",
    "followup_share_7d": "CALLEES_ACT_AFTER",
    "history_days": "HISTORY_LENGTH",
    "co_exposed_7d": "SHARES_VICTIMS_WITH_SUSPECTS",
    "co_exposed_share_7d": "SHARES_VICTIMS_WITH_SUSPECTS",
    "co_talked_7d": "SHARES_VICTIMS_WITH_SUSPECTS",
    "co_talked_share_7d": "SHARES_VICTIMS_WITH_SUSPECTS",
    "holder_circle_7d": "STRANGERS_TO_HOLDER",
    "holder_circle_share_7d": "STRANGERS_TO_HOLDER",
}

ACCOUNT_REASONS: dict[str, str] = {
    "in_24h": "MANY_INFLOWS",
    "in_amount_24h": "LARGE_INFLOW",
    "out_24h": "MANY_OUTFLOWS",
    "out_amount_24h": "LARGE_OUTFLOW",
    "pass_through_24h": "FAST_PASS_THROUGH",
    "in_new_24h": "MANY_NEW_SENDERS",
    "out_new_24h": "FANOUT_NEW_PAYEES",
    "in_new_7d": "MANY_NEW_SENDERS",
    "in_exposed_72h": "SENDERS_CONTACTED_BY_SUSPECTS",
    "in_exposed_amount_72h": "SENDERS_CONTACTED_BY_SUSPECTS",
    "in_from_bad_7d": "FROM_REPORTED_ACCOUNT",
    "in_from_suspect_72h": "FROM_MULE_SUSPECT",
    "in_suspect_level_72h": "FROM_MULE_SUSPECT",
    "since_inflow_s": "FAST_PASS_THROUGH",
    "idle_before_s": "DORMANT_THEN_ACTIVE",
    "active_30d": "SHORT_HISTORY",
    "cash_out_share_24h": "CASH_OUT",
    "row_is_out": "FAST_PASS_THROUGH",
    "row_is_named": "REPORTED_ACCOUNT",
    "kind_merchant": "ACCOUNT_KIND",
    "kind_corporate": "ACCOUNT_KIND",
    "age_days": "NEW_ACCOUNT",
    "holder_outside": "HOLDER_OUTSIDE_AREA",
    "holder_cards": "HOLDER_MANY_CARDS",
    "listed": "LISTED_ACCOUNT",
    "known_bad": "REPORTED_ACCOUNT",
}

PERSON_REASONS: dict[str, str] = {
    "stranger_talk_72h": "LONG_TALK_STRANGER",
    "acquaintance_talk_72h": "TALK_NEW_ACQUAINTANCE",
    "acquaintance_repeat_72h": "NEW_ACQUAINTANCE_AGAIN",
    "overseas_talk_72h": "OVERSEAS_CALL_LONG",
    "voip_talk_72h": "VIRTUAL_CALL_LONG",
    "long_stranger_calls_72h": "LONG_TALK_STRANGER",
    "link_sms_stranger_72h": "LINK_SMS_STRANGER",
    "listed_contacts_72h": "CONTACT_LISTED_NUMBER",
    "listed_talk_72h": "CALL_LISTED_NUMBER_LONG",
    "listed_link_texts_72h": "TEXTED_LISTED_LINK",
    "listed_domain_visits_72h": "LINK_LISTED_DOMAIN",
    "rare_visits_72h": "VISIT_RARE_DOMAIN",
    "link_followed_72h": "OPENED_STRANGER_LINK",
    "campaign_links_72h": "LINK_CAMPAIGN_DOMAIN",
    "trail_sites_72h": "SITE_OF_MULE_PAYERS",
    "listed_apps_72h": "APP_LISTED",
    "rare_installs_72h": "APP_RARE_INSTALL",
    "installs_72h": "APP_INSTALL",
    "link_installs_72h": "APP_FROM_STRANGER_LINK",
    "out_72h": "MANY_TRANSFERS",
    "out_amount_72h": "LARGE_TRANSFERS",
    "new_payee_amount_72h": "NEW_PAYEE_LARGE",
    "own_transfer_amount_72h": "GATHERS_OWN_MONEY",
    "night_out_72h": "NIGHT_TRANSFER",
    "payee_suspect_amount_72h": "PAYEE_MULE_SUSPECT",
    "payee_flagged_amount_72h": "PAYEE_FLAGGED_MULE",
    "payee_bad_amount_72h": "PAYEE_REPORTED",
    "stranger_money_in_24h": "RELAYS_STRANGERS_MONEY",
    "own_account_suspicion": "OWN_ACCOUNT_MULE_SUSPECT",
    "out_mean_30d": "UNUSUAL_AMOUNT",
    "exp_flag_talk": "CALL_FLAGGED_NUMBER_LONG",
    "exp_flag_n": "CONTACT_FLAGGED_NUMBER",
    "exp_suspect_talk": "CALL_SUSPECT_NUMBER_LONG",
    "exp_suspect_n": "CONTACT_SUSPECT_NUMBER",
    "exp_suspect_numbers": "SEVERAL_SUSPECT_NUMBERS",
    "exp_suspect_most": "SUSPECT_NUMBER_CAME_BACK",
    "exp_suspect_texts": "TEXTS_FROM_SUSPECT_NUMBER",
    "exp_max": "CONTACT_SUSPECT_NUMBER",
    "exp_flag_reach": "TARGETED_BY_FLAGGED_NUMBER",
    "exp_flag_outgoing_n": "CALLED_FLAGGED_NUMBER",
    "exp_flag_local_n": "FLAGGED_NUMBER_LOCAL_HOLDER",
    "exp_flag_recent_s": "FLAGGED_CONTACT_JUST_NOW",
    "exp_suspect_recent_s": "SUSPECT_CONTACT_JUST_NOW",
    "history_days": "HISTORY_LENGTH",
    "row_is_transfer": "TRANSFER_NOW",
    "row_amount": "LARGE_TRANSFER_NOW",
    "row_new_payee": "NEW_PAYEE",
    "age_years": "AGE_GROUP",
}

MAX_REASONS = 3


def _set(value: float) -> bool:
    return value > 0


def _unset(value: float) -> bool:
    return value == 0


def _known(value: float) -> bool:
    return value >= 0


#: Features whose code names a state the decision's row may not be in, and the test of that
#: state. The other state can push a score up too (a mobile line is not a service number, an
#: unknown activation date weighs like a recent one), but its code would then tell the officer
#: something false ("SERVICE_NUMBER" on a mobile line), so it is not given.
NAMED_STATE: dict[str, Callable[[float], bool]] = {
    "kind_overseas": _set,
    "kind_voip": _set,
    "kind_mobile": _set,
    "kind_service": _set,
    "has_holder": _unset,  # NO_LOCAL_HOLDER
    "age_days": _known,  # NEW_NUMBER, NEW_ACCOUNT: -1 when the registry gave no date
    "holder_outside": _set,
    "row_is_named": _set,
    "listed": _set,
    "known_bad": _set,
    "row_is_transfer": _set,
    "row_amount": _set,
    "row_new_payee": _set,
}


def reason_codes(
    contributions: FloatArray,
    values: FloatArray,
    features: tuple[str, ...],
    names: dict[str, str],
) -> list[str]:
    """Per row, the `;`-joined codes of the features that raised its score most and whose
    code is true of the row (`values`: the rows' features, in `features` order)."""
    pushes = contributions[:, : len(features)]
    order = np.argsort(-pushes, axis=1, kind="stable")
    out: list[str] = []
    for row, value, ranked in zip(pushes, values, order, strict=True):
        codes: list[str] = []
        for j in ranked:
            if row[j] <= 0 or len(codes) == MAX_REASONS:
                break
            feature = features[int(j)]
            state = NAMED_STATE.get(feature)
            if state is not None and not state(float(value[j])):
                continue
            code = names[feature]
            if code not in codes:
                codes.append(code)
        out.append(";".join(codes) if codes else "MODEL_SCORE")
    return out


def first_crossing(
    key: npt.NDArray[np.int64],
    ts: npt.NDArray[np.int64],
    score: FloatArray,
    threshold: float,
    tie: npt.NDArray[np.int64] | None = None,
) -> npt.NDArray[np.int64]:
    """Row index, per key, of the earliest row scoring at least `threshold` (best at ties,
    then lowest `tie`, then first)."""
    rows = np.flatnonzero(score >= threshold)
    if rows.size == 0:
        return rows.astype(np.int64)
    tied = np.zeros(rows.size, dtype=np.int64) if tie is None else tie[rows]
    order = np.lexsort((tied, -score[rows], ts[rows], key[rows]))
    rows = rows[order]
    first = np.r_[True, key[rows][1:] != key[rows][:-1]]
    return rows[first].astype(np.int64)
