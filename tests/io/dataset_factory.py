"""A small valid dataset written as raw CSV text, for tests that then break it on purpose."""

from __future__ import annotations

import json
from pathlib import Path

FILES: dict[str, str] = {
    "persons.csv": "person_id,district,birth_year,sex\nP1,360102,1980,M\nP2,360111,1991,F\n",
    "phones.csv": (
        "number,holder_person_id,kind,activated_at\n"
        "13907911234,P1,mobile,2020-01-01T00:00:00+08:00\n"
        "13807912222,P2,mobile,\n"
        "+855123456789,,overseas,\n"
        "95588,,service,\n"
    ),
    "accounts.csv": (
        "account_id,holder_person_id,bank,kind,opened_at\n"
        "6222020200112233445,P1,ICBC,personal,2019-05-01T10:00:00+08:00\n"
        "6217000000000000001,,CCB,personal,\n"
        "6228480000000000002,P2,ABC,merchant,\n"
    ),
    "calls.csv": (
        "event_id,ts,caller,callee,duration_s\n"
        "C1,2026-03-01T09:15:02+08:00,+855123456789,13907911234,1260\n"
        "C2,2026-03-01T09:40:00+08:00,13807912222,13907911234,0\n"
    ),
    "sms.csv": (
        "event_id,ts,sender,receiver,url_domain\n"
        "S1,2026-03-01T08:00:00+08:00,95588,13907911234,icbc.com.cn\n"
        "S2,2026-03-01T09:00:00+08:00,13807912222,13907911234,\n"
    ),
    "net.csv": (
        "event_id,ts,number,kind,target\n"
        "N1,2026-03-01T09:20:00+08:00,13907911234,app_install,com.meeting.app\n"
    ),
    "transfers.csv": (
        "event_id,ts,from_account,to_account,amount,channel\n"
        "T1,2026-03-01T10:00:00+08:00,6222020200112233445,6217000000000000001,49999.00,mobile\n"
        "T2,2026-03-01T10:03:00+08:00,6217000000000000001,,19000.00,atm\n"
        "T3,2026-03-01T10:05:00+08:00,,6228480000000000002,12.50,counter\n"
    ),
    "reports.csv": (
        "report_id,ts,person_id,paid_to,claimed_amount\n"
        "R1,2026-03-01T12:00:00+08:00,P1,6217000000000000001,50000.00\n"
    ),
    "lists/numbers.csv": "value,listed_at,source\n+855123456789,2026-03-01T11:00:00+08:00,miit\n",
    "lists/domains.csv": "value,listed_at,source\n",
    "lists/apps.csv": "value,listed_at,source\n",
    "lists/accounts.csv": "value,listed_at,source\n",
}

META = {
    "format": "dataset/1",
    "start": "2026-03-01T00:00:00+08:00",
    "end": "2026-03-02T00:00:00+08:00",
    "seed": None,
    "note": "hand-made test dataset",
}


def write_dataset(root: Path, overrides: dict[str, str | None] | None = None) -> Path:
    """Write the valid dataset, with some files replaced (text) or removed (None)."""
    files = {**FILES, **(overrides or {})}
    root.mkdir(parents=True, exist_ok=True)
    (root / "meta.json").write_text(json.dumps(META), encoding="utf-8")
    for name, text in files.items():
        if text is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
