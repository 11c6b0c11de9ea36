"""Known-bad lists: CSV import with expiry and line numbers, in-force queries, CSV export."""

from __future__ import annotations

from tests.api.service import Service

CSV = (
    "value,listed_at,source,expires_at\n"
    "+855123456789,2026-03-01T11:00:00+08:00,miit,\n"
    "13800000000,2026-03-01T12:00:00+08:00,centre,2026-03-02T12:00:00+08:00\n"
    "not a number,2026-03-01T12:00:00+08:00,centre,\n"
    "13900000000,2026-02-30T12:00:00+08:00,centre,\n"
)
NOON = 1_772_337_600  # 2026-03-01T12:00:00+08:00


def test_import_keeps_good_lines_and_names_bad_ones(service: Service) -> None:
    keeper = service.headers("investigator")
    answer = service.client.post(
        "/api/lists/numbers/import",
        content=CSV.encode(),
        headers={**keeper, "Content-Type": "text/csv"},
    )
    body = answer.json()
    assert (body["received"], body["stored"], body["duplicates"]) == (4, 2, 0)
    assert [(r["line"], r["field"]) for r in body["rejected"]] == [(4, "value"), (5, "listed_at")]
    again = service.client.post(
        "/api/lists/numbers/import",
        content=CSV.encode(),
        headers={**keeper, "Content-Type": "text/csv"},
    )
    assert (again.json()["stored"], again.json()["duplicates"]) == (0, 2)

    def in_force(at: int) -> list[str]:
        found = service.client.get(f"/api/lists?kind=numbers&active_at={at}", headers=keeper)
        return [e["value"] for e in found.json()]

    assert in_force(NOON - 1) == ["+855123456789"]
    assert in_force(NOON) == ["13800000000", "+855123456789"]
    assert in_force(NOON + 86_400) == ["+855123456789"]  # expired

    export = service.client.get("/api/lists/numbers.csv", headers=keeper).text
    assert export.splitlines() == [
        "value,listed_at,source,expires_at",
        "+855123456789,2026-03-01T11:00:00+08:00,miit,",
        "13800000000,2026-03-01T12:00:00+08:00,centre,2026-03-02T12:00:00+08:00",
    ]


def test_import_refuses_missing_columns_and_unknown_lists(service: Service) -> None:
    keeper = service.headers("duty")
    missing = service.client.post(
        "/api/lists/domains/import", content=b"value\nfraud.example\n", headers=keeper
    )
    assert missing.status_code == 422 and "listed_at" in missing.json()["detail"]
    assert (
        service.client.post("/api/lists/people/import", content=b"", headers=keeper).status_code
        == 404
    )
    reader_only = service.client.post(
        "/api/lists/domains/import", content=b"", headers=service.headers("unit_a")
    )
    assert reader_only.status_code == 403
