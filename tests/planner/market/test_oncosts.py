"""Employer on-costs by country and time to start, pinned against hand-worked figures.

Every expected value in ON_COSTS below was computed by hand from data/employer_costs.toml; the
arithmetic is in the comment on each row so a reader can check it. Components that are off by
default (family health top-up, Apprenticeship Levy, private medical, Canadian health/dental,
Ontario EHT) are not in the totals unless a test switches them on.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.errors import DataFileError
from planner.market._oncosts import (
    EMPLOYER_COSTS_FILE,
    EmployerCosts,
    employer_oncosts,
    load_employer_costs,
)
from planner.market._tables import country_for, jurisdiction_for
from planner.market._time_to_start import (
    TIME_TO_START_FILE,
    TimeToStart,
    days_to_start,
    load_time_to_start,
    notice_days,
    notice_for,
    time_to_fill_days,
    time_to_fill_for,
)
from planner.models import LOCAL_CURRENCY, Currency, Level, Location, SourceStatus


@pytest.fixture(scope="module")
def costs() -> EmployerCosts:
    return load_employer_costs()


@pytest.fixture(scope="module")
def times() -> TimeToStart:
    return load_time_to_start()


# (jurisdiction, base salary in local currency, expected non-zero lines, expected total)
ON_COSTS = [
    # ---- US, USD. Social Security 6.2% up to 184,500; Medicare 1.45% uncapped; FUTA 0.6% of
    # the first 7,000 = 42; SUTA (assumption) 3.4% of the first 7,000 = 238; health 7,885 fixed;
    # 401(k) 4.6% of pay.
    pytest.param(
        "us",
        90_000,
        # below the SS cap: 6.2% x 90,000 = 5,580; 1.45% x 90,000 = 1,305; 4.6% x 90,000 = 4,140
        # total 5,580 + 1,305 + 42 + 238 + 7,885 + 4,140 = 19,190
        {
            "social_security": 5_580,
            "medicare": 1_305,
            "futa": 42,
            "suta": 238,
            "health_insurance": 7_885,
            "retirement_match": 4_140,
        },
        19_190,
        id="us-90k-below-ss-cap",
    ),
    pytest.param(
        "us",
        160_000,
        # below the SS cap: 6.2% x 160,000 = 9,920; 1.45% x 160,000 = 2,320; 4.6% x 160,000 = 7,360
        # total 9,920 + 2,320 + 42 + 238 + 7,885 + 7,360 = 27,765 (17.35% of base; the old 42.45%
        # load gave 67,920.23)
        {
            "social_security": 9_920,
            "medicare": 2_320,
            "futa": 42,
            "suta": 238,
            "health_insurance": 7_885,
            "retirement_match": 7_360,
        },
        27_765,
        id="us-160k-below-ss-cap",
    ),
    pytest.param(
        "us",
        184_500,
        # exactly at the SS cap: 6.2% x 184,500 = 11,439; 1.45% x 184,500 = 2,675.25;
        # 4.6% x 184,500 = 8,487; total 11,439 + 2,675.25 + 42 + 238 + 7,885 + 8,487 = 30,766.25
        {
            "social_security": 11_439,
            "medicare": 2_675.25,
            "futa": 42,
            "suta": 238,
            "health_insurance": 7_885,
            "retirement_match": 8_487,
        },
        30_766.25,
        id="us-184.5k-at-ss-cap",
    ),
    pytest.param(
        "us",
        260_000,
        # above the SS cap: 6.2% x 184,500 = 11,439 (not 6.2% x 260,000 = 16,120);
        # 1.45% x 260,000 = 3,770; 4.6% x 260,000 = 11,960
        # total 11,439 + 3,770 + 42 + 238 + 7,885 + 11,960 = 35,334
        {
            "social_security": 11_439,
            "medicare": 3_770,
            "futa": 42,
            "suta": 238,
            "health_insurance": 7_885,
            "retirement_match": 11_960,
        },
        35_334,
        id="us-260k-above-ss-cap",
    ),
    # ---- UK, GBP, 2025/26. Employer NIC 15% above 5,000 (no cap); pension 3% of the slice
    # 6,240-50,270 (at most 3% x 44,030 = 1,320.90).
    pytest.param(
        "uk",
        4_000,
        # below the NIC secondary threshold (5,000) and the pension floor (6,240): nothing
        {},
        0,
        id="uk-4k-below-nic-threshold",
    ),
    pytest.param(
        "uk",
        5_600,
        # just above the NIC threshold: 15% x (5,600 - 5,000) = 90; below the pension floor: 0
        {"employer_nic": 90},
        90,
        id="uk-5.6k-just-above-nic-threshold",
    ),
    pytest.param(
        "uk",
        45_000,
        # NIC 15% x (45,000 - 5,000) = 6,000; pension 3% x (45,000 - 6,240) = 3% x 38,760 = 1,162.80
        # total 7,162.80
        {"employer_nic": 6_000, "pension_auto_enrolment": 1_162.80},
        7_162.80,
        id="uk-45k",
    ),
    pytest.param(
        "uk",
        90_000,
        # NIC 15% x 85,000 = 12,750; pension capped: 3% x (50,270 - 6,240) = 1,320.90
        # total 14,070.90
        {"employer_nic": 12_750, "pension_auto_enrolment": 1_320.90},
        14_070.90,
        id="uk-90k",
    ),
    pytest.param(
        "uk",
        150_000,
        # NIC 15% x 145,000 = 21,750 (no upper limit); pension capped 1,320.90; total 23,070.90
        {"employer_nic": 21_750, "pension_auto_enrolment": 1_320.90},
        23_070.90,
        id="uk-150k",
    ),
    # ---- Germany, EUR, 2026. Up to 101,400: RV 9.3%, AV 1.3%, insolvency 0.15%, U1 2.1%,
    # U2 0.4%. Up to 69,750: KV 7.3%, half Zusatzbeitrag 1.45%, PV 1.8%. BG 1.09% uncapped.
    pytest.param(
        "de",
        50_000,
        # all below both ceilings: 9.3% = 4,650; 1.3% = 650; 7.3% = 3,650; 1.45% = 725;
        # 1.8% = 900; 0.15% = 75; 2.1% = 1,050; 0.4% = 200; 1.09% = 545
        # total 4,650 + 650 + 3,650 + 725 + 900 + 75 + 1,050 + 200 + 545 = 12,445
        {
            "pension_rv": 4_650,
            "unemployment_av": 650,
            "health_kv": 3_650,
            "health_kv_additional": 725,
            "care_pv": 900,
            "insolvency_levy": 75,
            "sick_pay_levy_u1": 1_050,
            "maternity_levy_u2": 200,
            "accident_bg": 545,
        },
        12_445,
        id="de-50k-below-both-ceilings",
    ),
    pytest.param(
        "de",
        75_000,
        # above the health ceiling 69,750, below the pension ceiling 101,400:
        # RV 9.3% x 75,000 = 6,975; AV 1.3% x 75,000 = 975; KV 7.3% x 69,750 = 5,091.75;
        # Zusatz 1.45% x 69,750 = 1,011.375; PV 1.8% x 69,750 = 1,255.50; U3 0.15% x 75,000 = 112.50;
        # U1 2.1% x 75,000 = 1,575; U2 0.4% x 75,000 = 300; BG 1.09% x 75,000 = 817.50
        # total 6,975 + 975 + 5,091.75 + 1,011.375 + 1,255.50 + 112.50 + 1,575 + 300 + 817.50
        #     = 18,113.625
        {
            "pension_rv": 6_975,
            "unemployment_av": 975,
            "health_kv": 5_091.75,
            "health_kv_additional": 1_011.375,
            "care_pv": 1_255.50,
            "insolvency_levy": 112.50,
            "sick_pay_levy_u1": 1_575,
            "maternity_levy_u2": 300,
            "accident_bg": 817.50,
        },
        18_113.625,
        id="de-75k-above-health-ceiling",
    ),
    pytest.param(
        "de",
        120_000,
        # above both ceilings: RV 9.3% x 101,400 = 9,430.20; AV 1.3% x 101,400 = 1,318.20;
        # KV 5,091.75; Zusatz 1,011.375; PV 1,255.50 (as above); U3 0.15% x 101,400 = 152.10;
        # U1 2.1% x 101,400 = 2,129.40; U2 0.4% x 101,400 = 405.60; BG 1.09% x 120,000 = 1,308
        # total 9,430.20 + 1,318.20 + 5,091.75 + 1,011.375 + 1,255.50 + 152.10 + 2,129.40 + 405.60
        #     + 1,308 = 22,102.125
        {
            "pension_rv": 9_430.20,
            "unemployment_av": 1_318.20,
            "health_kv": 5_091.75,
            "health_kv_additional": 1_011.375,
            "care_pv": 1_255.50,
            "insolvency_levy": 152.10,
            "sick_pay_levy_u1": 2_129.40,
            "maternity_levy_u2": 405.60,
            "accident_bg": 1_308,
        },
        22_102.125,
        id="de-120k-above-both-ceilings",
    ),
    # ---- Canada + Ontario, CAD, 2026. CPP 5.95% of 3,500-74,600 (max 4,230.45); CPP2 4% of
    # 74,600-85,000 (max 416); EI 2.282% up to 68,900 (max 1,572.298); Ontario EHT off (exempt).
    pytest.param(
        "ca-on",
        60_000,
        # below every ceiling: CPP 5.95% x (60,000 - 3,500) = 5.95% x 56,500 = 3,361.75;
        # EI 2.282% x 60,000 = 1,369.20; total 4,730.95
        {"cpp": 3_361.75, "ei": 1_369.20},
        4_730.95,
        id="ca-60k-below-ei-cap",
    ),
    pytest.param(
        "ca-on",
        70_000,
        # CPP 5.95% x 66,500 = 3,956.75; EI capped 2.282% x 68,900 = 1,572.298; total 5,529.048
        {"cpp": 3_956.75, "ei": 1_572.298},
        5_529.048,
        id="ca-70k-above-ei-cap",
    ),
    pytest.param(
        "ca-on",
        80_000,
        # CPP capped 5.95% x 71,100 = 4,230.45; CPP2 4% x (80,000 - 74,600) = 216;
        # EI 1,572.298; total 6,018.748
        {"cpp": 4_230.45, "cpp2": 216, "ei": 1_572.298},
        6_018.748,
        id="ca-80k-between-ympe-and-yampe",
    ),
    pytest.param(
        "ca-on",
        110_000,
        # all capped: CPP 4,230.45; CPP2 4% x 10,400 = 416; EI 1,572.298; total 6,218.748
        {"cpp": 4_230.45, "cpp2": 416, "ei": 1_572.298},
        6_218.748,
        id="ca-110k-all-capped",
    ),
    pytest.param(
        "ca-on",
        180_000,
        # same caps as 110,000: total 6,218.748
        {"cpp": 4_230.45, "cpp2": 416, "ei": 1_572.298},
        6_218.748,
        id="ca-180k-all-capped",
    ),
]


@pytest.mark.parametrize(("where", "base", "lines", "total"), ON_COSTS)
def test_on_costs_match_the_hand_worked_table(costs, where, base, lines, total):
    result = employer_oncosts(costs, where, base)
    got = {ln.id: ln.amount for ln in result.lines if ln.amount != 0}
    assert got.keys() == lines.keys()
    for cid, amount in lines.items():
        assert got[cid] == pytest.approx(amount, abs=0.001), cid
    assert result.total == pytest.approx(total, abs=0.001)
    assert result.total == pytest.approx(sum(got.values()), abs=1e-9)


def test_us_160k_against_the_old_benefits_load(costs):
    """The issue's comparison: the old 29.8/70.2 load vs. itemised on-costs for USD 160,000."""
    old = 160_000 * 0.298 / (1 - 0.298)  # 42.45% of base
    new = employer_oncosts(costs, Location.US_NATIONAL, 160_000)
    assert old == pytest.approx(67_920.23, abs=0.01)
    assert new.total == pytest.approx(27_765)
    assert new.share_of_base == pytest.approx(0.17353, abs=1e-5)


def test_bonus_counts_as_pay_for_rates_and_the_cap(costs):
    # 160,000 + 40,000 bonus = 200,000: SS capped 11,439; Medicare 1.45% x 200,000 = 2,900;
    # 401(k) 4.6% x 200,000 = 9,200; total 11,439 + 2,900 + 42 + 238 + 7,885 + 9,200 = 31,704
    result = employer_oncosts(costs, "us", 160_000, bonus=40_000)
    assert result.pay == 200_000
    assert result.line("social_security").amount == pytest.approx(11_439)
    assert result.total == pytest.approx(31_704)


@pytest.mark.parametrize(
    ("where", "base", "switch", "extra"),
    [
        # 0.5% x 90,000 = 450
        ("uk", 90_000, "apprenticeship_levy", 450),
        # 1.95% x 110,000 = 2,145
        ("ca-on", 110_000, "ontario_eht", 2_145),
        # family top-up 20,143 - 7,885 = 12,258
        ("us", 160_000, "health_insurance_family_topup", 12_258),
    ],
)
def test_per_company_toggles_add_their_line(costs, where, base, switch, extra):
    off = employer_oncosts(costs, where, base)
    on = employer_oncosts(costs, where, base, switches={switch: True})
    assert not off.line(switch).applied and off.line(switch).amount == 0
    assert on.line(switch).applied
    assert on.total - off.total == pytest.approx(extra)


def test_a_default_component_can_be_switched_off(costs):
    # A German company with more than 30 staff pays no U1: 12,445 - 1,050 = 11,395 at 50,000.
    result = employer_oncosts(costs, "de", 50_000, switches={"sick_pay_levy_u1": False})
    assert result.total == pytest.approx(11_395)


def test_unknown_switch_and_bad_salary_are_refused(costs):
    with pytest.raises(ValueError, match="ontario_eht"):
        employer_oncosts(costs, "uk", 90_000, switches={"ontario_eht": True})
    with pytest.raises(ValueError, match="base_salary"):
        employer_oncosts(costs, "us", -1)
    with pytest.raises(ValueError, match="bonus"):
        employer_oncosts(costs, "us", 1, bonus=float("nan"))
    with pytest.raises(ValueError, match="'fr'"):
        employer_oncosts(costs, "fr", 50_000)


def test_no_paid_leave_line_anywhere(costs):
    for key, j in costs.jurisdictions.items():
        for c in j.components:
            assert "leave" not in c.id and "vacation" not in c.id, (key, c.id)


def test_every_line_carries_its_source(costs):
    for where in ("us", "uk", "de", "ca-on"):
        for ln in employer_oncosts(costs, where, 100_000).lines:
            assert len(ln.source.source) > 10 and ln.source.year >= 2017
            assert ln.source.status in set(SourceStatus)
            assert ln.note and ln.basis


def test_locations_map_to_jurisdictions_in_local_currency(costs):
    expected = {
        Location.US_NATIONAL: "us",
        Location.SF_BAY_AREA: "us",
        Location.NEW_YORK: "us",
        Location.SEATTLE: "us",
        Location.US_REMOTE: "us",
        Location.LONDON: "uk",
        Location.BERLIN: "de",
        Location.TORONTO: "ca-on",
    }
    assert {loc: jurisdiction_for(loc) for loc in Location} == expected
    assert country_for(Location.TORONTO) == "ca"
    for loc in Location:
        assert employer_oncosts(costs, loc, 100_000).currency is LOCAL_CURRENCY[loc]


def test_toronto_gets_federal_lines_then_ontario(costs):
    result = employer_oncosts(costs, Location.TORONTO, 100_000)
    assert [ln.jurisdiction for ln in result.lines][-1] == "ca-on"
    assert result.line("cpp").jurisdiction == "ca"
    assert result.currency is Currency.CAD


# ---- Time to start ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "level", "notice", "fill"),
    [
        ("us", Level.SENIOR, 14, 58),
        ("uk", Level.JUNIOR, 30, 58),
        ("uk", Level.MID, 30, 58),
        ("uk", Level.SENIOR, 90, 58),
        ("uk", Level.STAFF, 90, 58),
        ("de", Level.MID, 90, 58),
        ("ca", Level.STAFF, 14, 58),
        (Location.TORONTO, Level.MID, 14, 58),
    ],
)
def test_notice_and_time_to_fill_by_country_and_level(times, where, level, notice, fill):
    assert notice_days(times, where, level) == notice
    assert time_to_fill_days(times, where, level) == fill
    # fill is measured from opening to accepted offer, so notice is added once on top
    assert days_to_start(times, where, level) == fill + notice


def test_what_each_fill_figure_measures(times):
    us = {f.id: f for f in times.countries["us"].time_to_fill}
    assert us["shrm_all_jobs"].statistic == "average" and us["shrm_all_jobs"].scope == "all_jobs"
    assert us["shrm_all_jobs"].days == 42
    assert us["linkedin_engineering"].days == 49 and us["linkedin_engineering"].includes_notice
    assert not us["linkedin_engineering"].planning
    assert time_to_fill_for(times, "de", Level.MID).status is SourceStatus.ASSUMPTION
    assert notice_for(times, "de", Level.MID).basis == "typical"
    de_minimum = [r for r in times.countries["de"].notice if r.basis == "statutory_minimum"]
    assert [r.days for r in de_minimum] == [28]


# ---- Bad files ---------------------------------------------------------------------------------


def _edit(src: Path, tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = src.read_text(encoding="utf-8")
    assert old in text, old
    out = tmp_path / src.name
    out.write_text(text.replace(old, new, count), encoding="utf-8")
    return out


def test_missing_key_names_the_component(tmp_path):
    text = EMPLOYER_COSTS_FILE.read_text(encoding="utf-8")
    # drop the first component's (social_security) source line
    broken = re.sub(r'^source = "SSA, 2026[^\n]*\n', "", text, count=1, flags=re.M)
    assert broken != text
    path = tmp_path / "employer_costs.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_employer_costs(path)
    msg = str(err.value)
    assert "employer_costs.toml" in msg
    assert "jurisdictions.us.components[social_security].source" in msg
    assert "Field required" in msg


def test_negative_rate_names_the_key(tmp_path):
    path = _edit(EMPLOYER_COSTS_FILE, tmp_path, "rate = 0.062\n", "rate = -0.062\n")
    with pytest.raises(
        DataFileError, match=r"jurisdictions\.us\.components\[social_security\]\.rate"
    ):
        load_employer_costs(path)


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        # a fixed amount that is negative
        ("amount = 7885\n", "amount = -7885\n", "components[health_insurance].amount"),
        # a ceiling below its floor
        ("ceiling = 50270\n", "ceiling = 4000\n", "components[pension_auto_enrolment]"),
        # a component in the wrong currency
        (
            'ceiling = 184500\ncurrency = "USD"',
            'ceiling = 184500\ncurrency = "EUR"',
            "social_security",
        ),
        # an unknown kind
        (
            'kind = "rate"\nrate = 0.062',
            'kind = "percent"\nrate = 0.062',
            "components[social_security].kind",
        ),
        # a status that is not primary/secondary/assumption
        ('status = "primary"', 'status = "verified"', "components[retirement_match].status"),
        # a typo in a key name
        ("floor = 5000\n", "flor = 5000\n", "components[employer_nic].flor"),
        # an off-by-default component without applies_when
        (
            "applies_when = \"the company's (and connected companies') yearly pay bill is over GBP 3 million\"",
            'applies_when = " "',
            "components[apprenticeship_levy]",
        ),
    ],
)
def test_bad_employer_costs_name_the_key(tmp_path, old, new, key):
    path = _edit(EMPLOYER_COSTS_FILE, tmp_path, old, new)
    with pytest.raises(DataFileError) as err:
        load_employer_costs(path)
    assert key in str(err.value)
    assert "employer_costs.toml" in str(err.value)


def test_missing_jurisdiction_is_named(tmp_path):
    text = EMPLOYER_COSTS_FILE.read_text(encoding="utf-8")
    start, end = text.index("[jurisdictions.de]"), text.index("[jurisdictions.ca]")
    path = tmp_path / "employer_costs.toml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(DataFileError, match=r"missing jurisdictions\.de"):
        load_employer_costs(path)


def test_missing_country_is_named(tmp_path):
    text = TIME_TO_START_FILE.read_text(encoding="utf-8")
    path = tmp_path / "time_to_start.toml"
    path.write_text(text[: text.index("[countries.ca]")], encoding="utf-8")
    with pytest.raises(DataFileError, match=r"missing countries\.ca"):
        load_time_to_start(path)


def test_unreadable_files_are_data_file_errors(tmp_path):
    with pytest.raises(DataFileError, match="file not found"):
        load_employer_costs(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[jurisdictions\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid TOML"):
        load_time_to_start(bad)


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        # a negative notice period
        ("days = 14\n", "days = -14\n", "countries.us.notice[0].days"),
        # a missing key in a fill figure
        (
            'statistic = "average"\nscope = "engineering"',
            'scope = "engineering"',
            "countries.us.time_to_fill[workable_engineering].statistic",
        ),
        # two planning fill figures for the same levels
        (
            'measures = "application_to_start"\nplanning = false',
            'measures = "application_to_start"\nplanning = true',
            "countries.us",
        ),
        # a statistic that is neither average nor median
        (
            'statistic = "unclear"',
            'statistic = "mean-ish"',
            "countries.us.time_to_fill[linkedin_engineering].statistic",
        ),
        # a level that does not exist
        (
            'levels = ["junior", "mid"]',
            'levels = ["junior", "middle"]',
            "countries.uk.notice[0].levels",
        ),
    ],
)
def test_bad_time_to_start_names_the_key(tmp_path, old, new, key):
    path = _edit(TIME_TO_START_FILE, tmp_path, old, new)
    with pytest.raises(DataFileError) as err:
        load_time_to_start(path)
    assert key in str(err.value)
    assert "time_to_start.toml" in str(err.value)
