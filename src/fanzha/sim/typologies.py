"""The scam typologies: who they reach, how they groom, what and when victims pay, when they
report. Figures are rough public ones (see docs/simulator.md), spread wide on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Typology:
    code: str
    age: tuple[float, float]  # mean, spread of the ages the scam reaches
    number_kinds: tuple[float, float, float]  # share of mobile, voip, overseas among its calls
    first_by_sms: float  # first contact is an SMS with a link (else a call)
    lead_hours: tuple[float, float]  # lognormal median and sigma: first contact -> first payment
    touches: tuple[int, int]  # calls, SMS and visits between first contact and first payment
    call_seconds: tuple[float, float]  # lognormal median, sigma of an engaging call
    payments: tuple[int, int]  # how many times a victim pays (inclusive range)
    first_amount: tuple[float, float]  # yuan, lognormal median and sigma
    growth: float  # each further payment is about this times the previous
    gap_hours: float  # median time between payments
    round_share: float  # payments of round sums ("transfer 50,000 to the safe account")
    own_app: float  # installs the ring's own app
    meeting_app: float  # installs a legitimate meeting / screen-share app on instruction
    brokerage_app: float  # installs a legitimate brokerage app (investment scams)
    small_wins: bool  # first a small payment that comes back with a profit
    test_payment: float  # a tiny test transfer to the "safe account" before the first payment
    consolidate: float  # moves money from other own cards to the paying card first
    report_hours: float  # median delay from the last payment to the report
    counter_share: float  # payments made at a bank counter


TYPOLOGIES: dict[str, Typology] = {
    t.code: t
    for t in (
        Typology(
            code="rebate",
            age=(30.0, 9.0),
            number_kinds=(0.6, 0.3, 0.1),
            first_by_sms=0.6,
            lead_hours=(18.0, 0.9),
            touches=(2, 6),
            call_seconds=(240.0, 0.7),
            payments=(2, 6),
            first_amount=(260.0, 0.6),
            growth=2.6,
            gap_hours=1.5,
            round_share=0.35,
            own_app=0.7,
            meeting_app=0.05,
            brokerage_app=0.0,
            small_wins=True,
            test_payment=0.05,
            consolidate=0.05,
            report_hours=30.0,
            counter_share=0.0,
        ),
        Typology(
            code="investment",
            age=(45.0, 11.0),
            number_kinds=(0.5, 0.3, 0.2),
            first_by_sms=0.5,
            lead_hours=(110.0, 0.5),
            touches=(5, 14),
            call_seconds=(600.0, 0.8),
            payments=(1, 4),
            first_amount=(18_000.0, 0.9),
            growth=2.0,
            gap_hours=30.0,
            round_share=0.6,
            own_app=0.85,
            meeting_app=0.1,
            brokerage_app=0.35,
            small_wins=True,
            test_payment=0.1,
            consolidate=0.4,
            report_hours=100.0,
            counter_share=0.05,
        ),
        Typology(
            code="police",
            age=(42.0, 16.0),
            number_kinds=(0.1, 0.4, 0.5),
            first_by_sms=0.05,
            lead_hours=(3.0, 0.6),
            touches=(1, 4),
            call_seconds=(2_400.0, 0.6),
            payments=(1, 3),
            first_amount=(70_000.0, 0.9),
            growth=1.0,
            gap_hours=0.4,
            round_share=0.6,
            own_app=0.3,
            meeting_app=0.8,
            brokerage_app=0.0,
            small_wins=False,
            test_payment=0.35,
            consolidate=0.6,
            report_hours=8.0,
            counter_share=0.2,
        ),
        Typology(
            code="customer_service",
            age=(31.0, 10.0),
            number_kinds=(0.5, 0.45, 0.05),
            first_by_sms=0.3,
            lead_hours=(1.5, 0.6),
            touches=(1, 4),
            call_seconds=(900.0, 0.7),
            payments=(1, 4),
            first_amount=(6_000.0, 0.9),
            growth=1.3,
            gap_hours=0.4,
            round_share=0.3,
            own_app=0.2,
            meeting_app=0.7,
            brokerage_app=0.0,
            small_wins=False,
            test_payment=0.3,
            consolidate=0.25,
            report_hours=12.0,
            counter_share=0.0,
        ),
        Typology(
            code="loan",
            age=(32.0, 9.0),
            number_kinds=(0.6, 0.35, 0.05),
            first_by_sms=0.7,
            lead_hours=(10.0, 0.8),
            touches=(2, 6),
            call_seconds=(420.0, 0.7),
            payments=(2, 5),
            first_amount=(800.0, 0.6),
            growth=1.5,
            gap_hours=6.0,
            round_share=0.7,
            own_app=0.9,
            meeting_app=0.0,
            brokerage_app=0.0,
            small_wins=False,
            test_payment=0.05,
            consolidate=0.05,
            report_hours=48.0,
            counter_share=0.0,
        ),
        Typology(
            code="shopping",  # 虚假购物: a fake shop behind a link, goods never come
            age=(29.0, 9.0),
            number_kinds=(0.7, 0.3, 0.0),
            first_by_sms=0.8,
            lead_hours=(2.0, 1.0),
            touches=(0, 3),
            call_seconds=(90.0, 0.6),
            payments=(1, 2),
            first_amount=(700.0, 0.8),
            growth=1.2,
            gap_hours=4.0,
            round_share=0.2,
            own_app=0.1,
            meeting_app=0.0,
            brokerage_app=0.0,
            small_wins=False,
            test_payment=0.0,
            consolidate=0.0,
            report_hours=40.0,
            counter_share=0.0,
        ),
        Typology(
            code="boss",  # 冒充领导/熟人: "your manager" on a new number needs money now
            age=(37.0, 9.0),
            number_kinds=(0.8, 0.2, 0.0),
            first_by_sms=0.7,
            lead_hours=(1.0, 0.7),
            touches=(1, 3),
            call_seconds=(45.0, 0.5),
            payments=(1, 2),
            first_amount=(30_000.0, 0.7),
            growth=1.0,
            gap_hours=0.5,
            round_share=0.8,
            own_app=0.0,
            meeting_app=0.0,
            brokerage_app=0.0,
            small_wins=False,
            test_payment=0.0,
            consolidate=0.2,
            report_hours=6.0,
            counter_share=0.05,
        ),
        Typology(
            code="romance",  # 婚恋交友 / 杀猪盘: weeks of chat, then a "platform" to invest in
            age=(42.0, 10.0),
            number_kinds=(0.5, 0.2, 0.3),
            first_by_sms=0.4,
            lead_hours=(200.0, 0.5),
            touches=(8, 20),
            call_seconds=(1_200.0, 0.8),
            payments=(1, 5),
            first_amount=(5_000.0, 0.8),
            growth=1.8,
            gap_hours=40.0,
            round_share=0.5,
            own_app=0.7,
            meeting_app=0.0,
            brokerage_app=0.0,
            small_wins=True,
            test_payment=0.0,
            consolidate=0.3,
            report_hours=150.0,
            counter_share=0.05,
        ),
    )
}
