"""Statistics by day, district and typology; hotspots; awareness orders worked to delivery."""

from __future__ import annotations

from tests.api.city_figures import DAY, DISTRICT_C, seed_city
from tests.api.service import DISTRICT_A, DISTRICT_B, T0, Service


def test_statistics_by_day_district_and_typology(service: Service) -> None:
    seed_city(service)
    figures = service.client.get("/api/statistics", headers=service.headers("duty")).json()
    assert (figures["loss"], figures["held"]) == (1_140_000, 0)
    assert figures["outcomes"] == {"dissuaded": 1, "false_alarm": 1, "open": 1}
    assert figures["overall"]["accuracy"] == 0.5  # 1 confirmed of 2 contacted
    assert [
        (d["day"], d["warnings"], d["by_tier"], d["cases"], d["loss"]) for d in figures["by_day"]
    ] == [
        ("2026-03-01", 2, [1, 1, 0], 2, 300_000),
        ("2026-03-02", 1, [0, 0, 1], 3, 840_000),
    ]
    districts = {d["district"]: d for d in figures["by_district"]}
    assert (districts[DISTRICT_A]["residents"], districts[DISTRICT_A]["cases"]) == (11, 4)
    assert districts[DISTRICT_A]["accuracy"] == 1.0 and districts[DISTRICT_B]["accuracy"] == 0.0
    assert districts[DISTRICT_C]["cases"] == 0 and districts[DISTRICT_C]["accuracy"] is None
    assert [(t["scam_type"], t["cases"], t["loss"]) for t in figures["by_typology"]] == [
        ("investment", 3, 600_000),
        ("police", 1, 500_000),
        ("rebate", 1, 40_000),
    ]
    first_day = service.client.get(
        "/api/statistics",
        params={"since": T0 - 3600, "until": T0 + DAY - 3600},
        headers=service.headers("duty"),
    ).json()
    assert [d["day"] for d in first_day["by_day"]] == ["2026-03-01"]
    assert (
        service.client.get("/api/statistics", headers=service.headers("bank_icbc")).status_code
        == 403
    )


def test_hotspots_become_orders_worked_to_delivery(service: Service) -> None:
    seed_city(service)
    duty = service.headers("duty")
    hotspots = service.client.get("/api/hotspots", headers=duty).json()
    assert [(h["district"], h["cases"], h["focus"]) for h in hotspots] == [
        (DISTRICT_A, 4, "investment")
    ]
    assert round(hotspots[0]["rate"]) == round(4 / 11 * 10_000)
    issued = service.client.post("/api/awareness/dispatch", headers=duty).json()
    assert [(o["district"], o["state"], o["due_at"]) for o in issued] == [
        (DISTRICT_A, "issued", service.clock.now + 7 * DAY)
    ]
    again = service.client.post("/api/awareness/dispatch", headers=duty).json()
    assert again == []  # the district already has an open order
    order = issued[0]["order_id"]

    unit_b = service.headers("unit_b")
    assert service.client.get("/api/awareness", headers=unit_b).json() == []
    assert service.client.post(f"/api/awareness/{order}/accept", headers=unit_b).status_code == 404
    unit_a = service.headers("unit_a")
    delivered_early = service.client.post(
        f"/api/awareness/{order}/deliver", json={"audience": 80, "venue": "社区"}, headers=unit_a
    )
    assert delivered_early.status_code == 409  # accept first
    accepted = service.client.post(f"/api/awareness/{order}/accept", headers=unit_a).json()
    assert (accepted["state"], accepted["accepted_by"]) == ("accepted", "unit_a")
    no_one = service.client.post(
        f"/api/awareness/{order}/deliver", json={"audience": 0, "venue": "社区"}, headers=unit_a
    )
    assert no_one.status_code == 422
    service.clock.now += DAY
    done = service.client.post(
        f"/api/awareness/{order}/deliver",
        json={"audience": 120, "venue": "青山湖社区活动中心"},
        headers=service.headers("unit_a"),  # a new shift: a login lasts 8 hours
    ).json()
    assert (done["state"], done["audience"], done["delivered_at"]) == (
        "delivered",
        120,
        service.clock.now,
    )
    assert (
        service.client.post(
            "/api/awareness/dispatch", headers=service.headers("unit_a")
        ).status_code
        == 403
    )
    # Delivered: the next round may send the team again while the cluster lasts.
    duty = service.headers("duty")
    assert len(service.client.post("/api/awareness/dispatch", headers=duty).json()) == 1
