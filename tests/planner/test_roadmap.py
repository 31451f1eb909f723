"""The headcount roadmap: milestones, reqs timed to their failure, attrition, markets, budget."""

from __future__ import annotations

import itertools
import json
import math
from datetime import date
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from planner import Answers, make_plan
from planner.costing import quarter_label
from planner.costing._costs import OnCostRule, salary_at
from planner.costing._quarters import DAYS_PER_QUARTER
from planner.costing._simulate import CostModel
from planner.models import (
    Archetype,
    Currency,
    DataMaturity,
    Failure,
    Level,
    Location,
    ProblemValidation,
    SourceStatus,
)
from planner.roadmap import (
    Milestone,
    RoadmapInput,
    SimInputs,
    answers_by_quarter,
    make_roadmap,
    parse_hire_in,
    parse_milestone,
    roadmap_to_dict,
    simulate_cash,
)
from planner.service import market_band

START = date(2027, 1, 1)
TRIALS = 400  # enough for the lead times' P50; the benchmark runs 10,000
PROPERTY = {"max_examples": 60, "deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
R, D, OP = Archetype.RESEARCHER, Archetype.DEVELOPER, Archetype.OPERATOR

# Lead time of a US senior hire through an agency, by hand: time to fill 58 days (Workable) less
# the 15% agency speed-up = 49.3 days, the median of a log-normal with sigma 0.5. With a 15%
# chance of a mis-hire (whose search runs past 150 days), the P50 search is where the other 85%
# reach half: 49.3 x exp(0.5 x z(0.5 / 0.85)) = 55.12 days; + 14 days' notice + a 3-month ramp.
US_SEARCH_P50 = 49.3 * math.exp(0.5 * NormalDist().inv_cdf(0.5 / 0.85))
US_LEAD_P50 = US_SEARCH_P50 + 14 + 365.25 / 4
LONDON_MID_LEAD_P50 = US_SEARCH_P50 + 30 + 365.25 / 4  # UK notice for mid level: one month


def roadmap(bands, assumptions, fx, answers=None, milestones=(), quarters=8, **kw):
    request = RoadmapInput(
        answers=answers or Answers(),
        milestones=tuple(parse_milestone(m, quarters) for m in milestones),
        quarters=quarters,
        **kw,
    )
    return make_roadmap(request, bands, assumptions, fx, start=START, trials=TRIALS)


# ---- Milestones --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q3:live_models=1", {"quarter": 3, "live_models": 1}),
        (
            "q2: problem = validated , data_maturity=Repeatable",
            {
                "quarter": 2,
                "problem_validation": ProblemValidation.VALIDATED,
                "data_maturity": DataMaturity.REPEATABLE,
            },
        ),
        ("Q8:products=3,regions=2", {"quarter": 8, "products": 3, "regions": 2}),
        ("Q1:live_models=0", {"quarter": 1, "live_models": 0}),
    ],
)
def test_milestones_parse_every_field(text, expected):
    """Each field parses to its answer; the text written back parses to the same milestone."""
    milestone = parse_milestone(text)
    assert milestone.model_dump(exclude_none=True) == expected
    assert parse_milestone(milestone.text) == milestone


@pytest.mark.parametrize(
    ("text", "horizon", "message"),
    [
        ("Q0:products=2", 8, "the quarter must be from 1 to 8 (the horizon), got 0"),
        ("Q9:products=2", 8, "the quarter must be from 1 to 8 (the horizon), got 9"),
        ("Q5:products=2", 4, "the quarter must be from 1 to 4 (the horizon), got 5"),
        ("Q" + "9" * 5000 + ":products=2", 8, "the quarter must be from 1 to 8"),
        ("Q3:team=4", 8, "unknown field 'team'; use one of data_maturity, problem, live_models"),
        ("Q3:problem_validation=proven", 8, "unknown field 'problem_validation'"),
        ("Q3:problem=maybe", 8, "problem must be one of exploring, validated, proven, got 'maybe'"),
        ("Q3:data_maturity=big", 8, "data_maturity must be one of ad_hoc, repeatable, platform"),
        ("Q3:products=0", 8, "products must be a whole number from 1 to 500, got '0'"),
        ("Q3:regions=201", 8, "regions must be a whole number from 1 to 200, got '201'"),
        ("Q3:live_models=-1", 8, "live_models must be a whole number from 0 to 1,000, got '-1'"),
        ("Q3:live_models=1.5", 8, "live_models must be a whole number from 0 to 1,000"),
        ("Q3:live_models=٣", 8, "live_models must be a whole number"),
        ("Q3:products=2,products=3", 8, "products is given twice"),
        ("Q3:products", 8, "'products' is not <field>=<value>"),
        ("Q3:products=2,", 8, "'' is not <field>=<value>"),
        ("Q3:", 8, "is not <field>=<value>"),
        ("3:products=2", 8, "expected Q<k>:<field>=<value>"),
        ("Q3 products=2", 8, "expected Q<k>:<field>=<value>"),
        ("", 8, "expected Q<k>:<field>=<value>"),
    ],
)
def test_malformed_milestones_raise_one_clear_line(text, horizon, message):
    """Quarter 0 or past the horizon, an unknown field, a value the question does not allow and
    bad syntax each raise ValueError naming the milestone and the bad part, on one short line."""
    with pytest.raises(ValueError) as caught:
        parse_milestone(text, horizon)
    said = str(caught.value)
    assert message in said
    assert said.startswith("milestone '") and "\n" not in said and len(said) < 300


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60) | st.from_regex(r"[Qq][0-9]{1,3}:[a-z_]{1,14}=[a-z0-9_.-]{0,6}"))
def test_any_milestone_text_parses_or_says_why(text):
    """Whatever is typed: a Milestone within the horizon, or one line of ValueError."""
    try:
        milestone = parse_milestone(text, 8)
    except ValueError as exc:
        assert str(exc).startswith("milestone ") and "\n" not in str(exc)
        return
    assert 1 <= milestone.quarter <= 8 and milestone.changes()


def test_the_request_checks_milestones_against_its_horizon_and_each_other():
    """A milestone past the horizon, or two setting one answer in one quarter, are refused."""
    with pytest.raises(ValidationError, match="the quarter must be from 1 to 4"):
        RoadmapInput(milestones=(parse_milestone("Q6:products=2"),), quarters=4)
    twice = (parse_milestone("Q3:products=2"), parse_milestone("Q3:products=3,regions=2"))
    with pytest.raises(ValidationError, match="two milestones set products in Q3"):
        RoadmapInput(milestones=twice)
    with pytest.raises(ValidationError):
        RoadmapInput(attrition=0.6)
    with pytest.raises(ValidationError):
        Milestone(quarter=2)  # changes nothing


def test_hire_in_names_the_bad_part():
    """--hire-in ARCHETYPE=LOCATION parses, and says which half is wrong."""
    assert parse_hire_in("Operator=London") == (OP, Location.LONDON)
    with pytest.raises(ValueError, match="archetype of researcher, developer, operator"):
        parse_hire_in("mlops=london")
    with pytest.raises(ValueError, match="the location must be one of us_national"):
        parse_hire_in("operator=paris")


# ---- The plan's rules, data and cash ------------------------------------------------------------

FIRST_QUARTER_CASES = {
    "seed": Answers(),
    "one live model": Answers(
        data_maturity="repeatable", problem_validation="proven", live_models=1, have_developers=1
    ),
    "scale": Answers(
        data_maturity="platform", problem_validation="proven", live_models=9, products=4, regions=3
    ),
    "team of researchers": Answers(problem_validation="validated", have_researchers=7),
    "london, staff": Answers(
        location="london",
        level="staff",
        live_models=2,
        problem_validation="proven",
        data_maturity="repeatable",
    ),
}


@pytest.mark.parametrize("answers", FIRST_QUARTER_CASES.values(), ids=FIRST_QUARTER_CASES)
def test_without_milestones_the_first_quarter_opens_the_plans_hires(
    bands, assumptions, fx, answers
):
    """Q1's reqs are make_plan's hires: the same archetypes and levels, in the same order."""
    plan = make_plan(answers, bands, assumptions, fx, start=START, trials=100)
    rm = roadmap(bands, assumptions, fx, answers, attrition=0.3)
    first = [(r.archetype, r.level) for r in rm.reqs if r.need_quarter == 1]
    assert first == [(h.archetype, h.level) for h in plan.hires]
    assert rm.quarters[0].next_failure is plan.diagnosis.next_failure
    assert rm.quarters[0].needed == {line.archetype: line.target for line in plan.mix}


TWO_HIRE_PLANS = {
    "seed, agency": Answers(),
    "seed, in house": Answers(channel="in_house"),
    "london, pounds": Answers(location="london"),
    "berlin in dollars, P75": Answers(location="berlin", currency="USD", pay_percentile=75),
    "one live model": Answers(
        data_maturity="repeatable", problem_validation="proven", live_models=1
    ),
}


@pytest.mark.parametrize("answers", TWO_HIRE_PLANS.values(), ids=TWO_HIRE_PLANS)
def test_cash_per_quarter_is_the_plans(bands, assumptions, fx, answers):
    """Two hires, no milestones: the roadmap's quarters pay what the plan's quarters pay, and its
    first four add up to the plan's 12-month headline (the same cash definition), whatever the
    market, currency, channel or percentile."""
    answers = answers.model_copy(update={"horizon_quarters": 4})
    plan = make_plan(answers, bands, assumptions, fx, start=START, trials=100)
    rm = roadmap(bands, assumptions, fx, answers, quarters=4, attrition=0)
    assert plan.quarters is not None and len(plan.hires) == 2
    assert rm.currency.value == plan.cost.currency
    assert [q.spend for q in rm.quarters] == pytest.approx(
        [q.spend for q in plan.quarters.quarters]
    )
    assert [q.label for q in rm.quarters] == [q.label for q in plan.quarters.quarters]
    assert rm.quarters[3].cumulative_spend == pytest.approx(plan.cost.first_year_total)
    assert [r.recruiting for r in rm.reqs] == pytest.approx(
        [ln.recruiting for ln in plan.cost.lines]
    )


def test_without_spread_every_simulated_future_is_the_planned_cash(bands, assumptions, fx):
    """With no spread, no mis-hire and a fixed premium, P50 and P90 of each quarter's cash are
    the cash of the plan's definition, for hires in three markets and a backfill."""
    flat = assumptions.with_values(
        mishire_rate=0,
        time_to_fill_spread=0,
        offer_spread=0,
        premium_low=assumptions.ai_premium.value,
        premium_high=assumptions.ai_premium.value,
    )
    answers = Answers(
        data_maturity="repeatable",
        problem_validation="proven",
        live_models=2,
        have_researchers=1,
        have_developers=1,
        location="london",
        currency="USD",
    )
    request = RoadmapInput(
        answers=answers,
        milestones=(
            parse_milestone("Q3:products=2,live_models=4"),
            parse_milestone("Q5:products=4,live_models=8"),
        ),
        attrition=0.3,
        hire_in={D: Location.BERLIN},
    )
    rm = make_roadmap(request, bands, flat, fx, start=START, trials=50)
    assert any(r.backfill for r in rm.reqs) and {r.location for r in rm.reqs} == {
        Location.LONDON,
        Location.BERLIN,
    }
    for q in rm.quarters:
        assert q.spend_p50 == pytest.approx(q.spend) and q.spend_p90 == pytest.approx(q.spend)


def test_a_mishire_is_paid_through_the_ramp_and_searched_for_again(assumptions):
    """One req, no spread, 90% mis-hires: every future pays one of two cash paths, worked by hand:
    fee at day 50, first day 64; a mis-hire leaves after 91.3125 days, the second offer comes
    50 days later (fee again) and the second hire starts 14 days after it."""
    model = CostModel(
        bonus_share=0,
        agency_fee=0.2,
        in_house_cost=0,
        ramp_days=91.3125,
        fill_spread=0,
        offer_spread=0,
        slots=2,
    )
    one = np.ones((1, 1))
    sim = SimInputs(
        points=np.full((1, 5), 100_000.0),
        planned=one * 50,
        fill_median=one * 50,
        notice=one * 14,
        open_day=one * 0,
        pay_load=one * 1.0,
        premium_drawn=one.astype(bool),
        mishire_rate=0.9,
    )
    cash = simulate_cash(sim, model, 4, 2000, np.random.default_rng(1)).T
    day_pay, fee, q = 100_000 / 365.25, 20_000, DAYS_PER_QUARTER
    kept = [fee + day_pay * (q - 64), day_pay * q, day_pay * q, day_pay * q]
    # Mis-hire: paid days 64..155.3125; second offer at 205.3125 (Q3), first day 219.3125.
    redone = [
        fee + day_pay * (q - 64),
        day_pay * (155.3125 - q),
        fee + day_pay * (3 * q - 219.3125),
        day_pay * q,
    ]
    rows = {tuple(np.round(row, 4)) for row in cash}
    assert rows == {tuple(np.round(kept, 4)), tuple(np.round(redone, 4))}
    assert np.mean([np.allclose(row, redone) for row in cash]) == pytest.approx(0.9, abs=0.03)


def test_several_markets_price_each_archetype_in_its_own(bands, assumptions, fx):
    """Operators hired in London: the London band, UK on-costs and UK notice, in dollars; the
    operator opens earlier than a US one for the same launch because of the UK notice."""
    answers = Answers(
        data_maturity="platform",
        problem_validation="proven",
        live_models=3,
        products=2,
        have_researchers=1,
        have_developers=2,
        have_operators=1,
    )
    ms = ("Q4:regions=2,live_models=5",)
    london = roadmap(bands, assumptions, fx, answers, ms, hire_in={OP: Location.LONDON})
    home = roadmap(bands, assumptions, fx, answers, ms)
    (uk,), (us,) = london.reqs, home.reqs
    assert (uk.archetype, uk.level, uk.location) == (OP, Level.MID, Location.LONDON)
    assert uk.open_day < us.open_day and uk.in_place_quarter_p50 == us.in_place_quarter_p50 == 4
    market = answers.model_copy(update={"location": Location.LONDON, "currency": Currency.USD})
    band = market_band(bands, OP, Level.MID, market, assumptions, fx)
    base = salary_at(band, 50)
    assert band.currency.value == "USD" and "GBP→USD" in band.fx_note
    assert uk.run_rate == pytest.approx(
        base + OnCostRule(assumptions, Location.LONDON, band.currency, fx)(base)
    )
    assert uk.run_rate != pytest.approx(us.run_rate)


# ---- Properties ----------------------------------------------------------------------------------

answers_st = st.builds(
    Answers,
    data_maturity=st.sampled_from(DataMaturity),
    problem_validation=st.sampled_from(ProblemValidation),
    live_models=st.integers(0, 12),
    products=st.integers(1, 5),
    regions=st.integers(1, 4),
    have_researchers=st.integers(0, 3),
    have_developers=st.integers(0, 3),
    have_operators=st.integers(0, 2),
    location=st.sampled_from(Location),
)
change_st = st.fixed_dictionaries(
    {},
    optional={
        "data_maturity": st.sampled_from(DataMaturity),
        "problem_validation": st.sampled_from(ProblemValidation),
        "live_models": st.integers(0, 30),
        "products": st.integers(1, 6),
        "regions": st.integers(1, 4),
    },
).filter(bool)
milestones_st = st.lists(st.tuples(st.integers(1, 8), change_st), max_size=3).map(
    lambda ms: tuple(Milestone(quarter=q, **c) for q, c in ms)
)


def _request(answers, milestones, **kw):
    """The request, or None when two milestones set one answer in one quarter."""
    try:
        return RoadmapInput(answers=answers, milestones=milestones, **kw)
    except ValidationError:
        return None


def _make(request, bands, assumptions, fx):
    return make_roadmap(request, bands, assumptions, fx, start=START, trials=TRIALS)


LADDER = list(ProblemValidation)


@st.composite
def growing(draw):
    """Today's answers and milestones that grow the business: more live models, products or
    regions, or the next rung of validation, each from the answers before it."""
    answers = draw(answers_st)
    steps = draw(
        st.lists(
            st.tuples(
                st.integers(1, 8),
                st.sampled_from(["live_models", "products", "regions", "problem"]),
                st.integers(1, 6),
            ),
            min_size=1,
            max_size=3,
        )
    )
    now = {
        "live_models": answers.live_models,
        "products": answers.products,
        "regions": answers.regions,
        "problem": LADDER.index(answers.problem_validation),
    }
    out = []
    for quarter, field, more in sorted(steps, key=lambda s: s[0]):
        if field == "problem":
            now[field] = min(2, now[field] + 1)
            out.append(Milestone(quarter=quarter, problem_validation=LADDER[now[field]]))
        else:
            now[field] += more
            out.append(Milestone(quarter=quarter, **{field: now[field]}))
    return answers, tuple(out)


@settings(**PROPERTY)
@given(growing(), st.integers(0, 2), st.integers(1, 3), st.sampled_from([0.0, 0.15, 0.5]))
def test_moving_a_milestone_later_never_opens_a_req_earlier(
    bands, assumptions, fx, case, which, later, attrition
):
    """A milestone that grows the business, moved later (not past another that sets the same
    answer): per archetype whose need only grows, the k-th req opens no earlier. (A milestone
    that lowers a need keeps the higher need longer when moved: better data needing fewer
    operators per model, or a first live model moving the stage past research, which needs
    fewer researchers; hypothesis found the second.)"""
    answers, milestones = case
    moving = milestones[which % len(milestones)]
    to = moving.quarter + later
    passes = any(
        m is not moving
        and moving.quarter <= m.quarter <= to
        and set(m.changes()) & set(moving.changes())
        for m in milestones
    )
    if to > 8 or passes:
        return
    moved = tuple(
        moving.model_copy(update={"quarter": to}) if m is moving else m for m in milestones
    )
    before, after = (_request(answers, ms, attrition=attrition) for ms in (milestones, moved))
    if before is None or after is None:
        return
    maps = (_make(before, bands, assumptions, fx), _make(after, bands, assumptions, fx))
    opens = [
        {a: sorted(r.open_day for r in rm.reqs if r.archetype is a) for a in Archetype}
        for rm in maps
    ]

    def grows(a: Archetype) -> bool:
        return all(
            all(x <= y for x, y in itertools.pairwise(seq))
            for seq in ([q.needed[a] for q in rm.quarters] for rm in maps)
        )

    for a in filter(grows, Archetype):
        assert all(y >= x - 1e-9 for x, y in zip(opens[0][a], opens[1][a], strict=False)), a


@settings(**PROPERTY)
@given(answers_st, milestones_st, st.floats(0.01, 0.5))
def test_every_req_is_in_place_when_its_failure_arrives_and_not_before(
    bands, assumptions, fx, answers, milestones, rate
):
    """With no budget limit, a req with time to open is in place (P50) in the very quarter its
    failure arrives: not later, and not a quarter early. One already due opens at once. A
    backfill opens no earlier than the quarter its leaver goes. No operator arrives before a
    model is live."""
    request = _request(answers, milestones, attrition=rate)
    if request is None:
        return
    rm = _make(request, bands, assumptions, fx)
    stage = answers_by_quarter(answers, milestones, 8)
    for r in rm.reqs:
        if r.backfill:  # no earlier than its leaver goes, and no earlier than needed
            assert r.leaver_quarter is not None and r.leaver_quarter < r.need_quarter
            assert r.open_day >= (r.leaver_quarter - 1) * DAYS_PER_QUARTER - 1e-6
            if r.open_day > (r.leaver_quarter - 1) * DAYS_PER_QUARTER + 1e-6:
                assert r.in_place_quarter_p50 == r.need_quarter
        elif r.open_day > 0:
            assert r.in_place_quarter_p50 == r.need_quarter
        else:
            assert r.in_place_quarter_p50 >= r.need_quarter
        assert r.in_place_quarter_p90 >= r.in_place_quarter_p50 >= r.open_quarter
        if r.archetype is OP:
            assert stage[r.need_quarter - 1].live_models >= 1
        assert r.guards in Failure and r.reason
        assert r.reason.startswith("Backfill") is r.backfill  # the reason says what the req is


@settings(**PROPERTY)
@given(answers_st, milestones_st)
def test_attrition_zero_gives_no_backfills(bands, assumptions, fx, answers, milestones):
    """Nobody leaves, so nobody is backfilled and the team never shrinks."""
    request = _request(answers, milestones, attrition=0)
    if request is None:
        return
    rm = _make(request, bands, assumptions, fx)
    assert not any(r.backfill for r in rm.reqs)
    assert all(n == 0 for q in rm.quarters for n in q.leavers.values())
    for earlier, later in zip(rm.quarters, rm.quarters[1:], strict=False):
        assert all(later.team[a] >= earlier.team[a] for a in Archetype)


@settings(**PROPERTY)
@given(answers_st, milestones_st, st.integers(0, 3_000_000), st.integers(0, 3_000_000))
def test_more_budget_never_slips_more(bands, assumptions, fx, answers, milestones, low, extra):
    """With more budget per year, no req moves later or drops that did not with less, and no
    failure is short of its guard for longer; years that fit still fit."""

    def slipped(budget):
        request = _request(
            answers.model_copy(update={"budget": float(budget)}), milestones, attrition=0.2
        )
        return None if request is None else _make(request, bands, assumptions, fx).budget

    less, more = slipped(low), slipped(low + extra)
    if less is None or more is None:
        return
    assert len(more.slips) <= len(less.slips)
    assert sum(s.unguarded_quarters for s in more.slips) <= sum(
        s.unguarded_quarters for s in less.slips
    )
    dropped = [sum(s.to_open_quarter is None for s in b.slips) for b in (less, more)]
    assert dropped[1] <= dropped[0]
    assert all(m.within for lo, m in zip(less.years, more.years, strict=True) if lo.within)
    assert all(y.within for y in more.years) and (less.fits <= more.fits)


# ---- Three worked roadmaps -----------------------------------------------------------------------


def test_seed_to_first_model_live(bands, assumptions, fx):
    """Seed: exploring on ad hoc data, nobody yet. Repeatable data and signal in Q3, a first model
    live in Q4. A researcher and a developer open at once (already due, in place in Q2); the
    operator waits for the live model: it opens in Q2 to be in place on Q4's first day."""
    rm = roadmap(
        bands,
        assumptions,
        fx,
        Answers(),
        quarters=6,
        milestones=(
            "Q3:data_maturity=repeatable,problem=validated",
            "Q4:live_models=1,problem=proven",
        ),
    )
    stages = [q.next_failure.value for q in rm.quarters]
    assert stages == ["weak_problem_validation"] * 2 + ["brittle_deployment"] * 4
    assert [q.failure_changed for q in rm.quarters] == [False, False, True, False, False, False]
    reqs = [
        (
            r.level.value,
            r.archetype.value,
            r.need_quarter,
            r.open_quarter,
            r.in_place_quarter_p50,
            r.backfill,
        )
        for r in rm.reqs
    ]
    assert reqs == [
        ("senior", "researcher", 1, 1, 2, False),
        ("senior", "developer", 1, 1, 2, False),
        ("senior", "operator", 4, 2, 4, False),
    ]
    operator = rm.reqs[2]
    assert operator.open_day == pytest.approx(3 * DAYS_PER_QUARTER - US_LEAD_P50, abs=4)
    assert "Q4:problem=proven,live_models=1" in operator.reason
    assert "Already due" in rm.reqs[0].reason
    assert [tuple(q.team.values()) for q in rm.quarters] == [
        (0, 0, 0),
        (1, 1, 0),
        (1, 1, 0),
        (1, 1, 1),
        (1, 1, 1),
        (1, 1, 1),
    ]
    assert rm.quarters[2].needed == {R: 0, D: 1, OP: 0} and rm.quarters[2].surplus == {}
    # Q1 by hand (tests/planner/test_costs.py's figures): both agency fees, 40,886.325 +
    # 38,025, and pay from day 63.3 to 91.3125 at (236,403.7383 + 221,231.5625) a year.
    assert rm.quarters[0].spend == pytest.approx(
        78_911.325 + (DAYS_PER_QUARTER - 63.3) / 365.25 * 457_635.3008, abs=0.01
    )
    # Q4 on: three salaries and their on-costs, a quarter each.
    assert rm.quarters[3].spend == pytest.approx((236_403.7383 + 2 * 221_231.5625) / 4, abs=0.01)
    assert (
        rm.budget.fits and not rm.budget.slips and rm.attrition == assumptions.attrition_rate.value
    )


def test_series_b_adding_products_under_a_budget(bands, assumptions, fx):
    """Series B: one product, two live models, two researchers and three developers, 15% a year
    leave. Q3 adds a product, Q6 two more. The senior operator is due now; the second operator
    is needed in Q6; a researcher expected to leave in Q7 is backfilled. A budget of 380,000 a
    year does not cover year 2: the last req first (the backfill) drops, then the second
    operator moves two quarters, leaving operational complexity short of it in Q6 and Q7."""
    answers = Answers(
        data_maturity="repeatable",
        problem_validation="proven",
        live_models=2,
        have_researchers=2,
        have_developers=3,
    )
    ms = ("Q3:products=2,live_models=4", "Q6:products=4,live_models=8")
    free = roadmap(bands, assumptions, fx, answers, ms, attrition=0.15)
    reqs = [
        (
            r.level.value,
            r.archetype.value,
            r.need_quarter,
            r.open_quarter,
            r.in_place_quarter_p50,
            r.backfill,
        )
        for r in free.reqs
    ]
    assert reqs == [
        ("senior", "operator", 1, 1, 2, False),
        ("mid", "operator", 6, 4, 6, False),
        ("mid", "researcher", 8, 7, 8, True),
    ]
    assert free.quarters[0].surplus == {R: 1, D: 2}  # the team the stage does not need, said
    assert free.quarters[5].leavers == {R: 0, D: 1, OP: 0}  # the surplus developer not backfilled
    assert free.quarters[5].team == {R: 2, D: 2, OP: 2}
    # A backfill pays only its fee (its pay continues the leaver's): Q8 rises by no salary.
    assert free.quarters[7].spend < free.quarters[6].spend
    cut = roadmap(
        bands, assumptions, fx, answers.model_copy(update={"budget": 380_000}), ms, attrition=0.15
    )
    assert not cut.budget.fits
    assert [y.within for y in cut.budget.years] == [True, True]
    assert [(y.first_quarter, y.last_quarter) for y in cut.budget.years] == [(1, 4), (5, 8)]
    assert cut.budget.years[1].needed_spend > 380_000 >= cut.budget.years[1].spend
    slips = [
        (s.archetype, s.backfill, s.from_open_quarter, s.to_open_quarter, s.unguarded_quarters)
        for s in cut.budget.slips
    ]
    assert slips == [(OP, False, 4, 6, 2), (R, True, 7, None, 1)]
    assert "operational complexity is a model operator short from Q6 to Q7" in (
        cut.budget.slips[0].text
    )
    assert [r.delayed_quarters for r in cut.reqs] == [0, 2]
    assert cut.quarters[6].team[OP] == 1 and cut.quarters[7].team[OP] == 2


def test_a_second_region_with_operators_hired_in_london(bands, assumptions, fx):
    """A platform company with three live models in two products enters a second region in Q4
    with five models. Its team already covers the stage (one developer to spare); the second
    operator, hired in London at mid level (one month's notice), opens in Q2."""
    answers = Answers(
        data_maturity="platform",
        problem_validation="proven",
        live_models=3,
        products=2,
        have_researchers=1,
        have_developers=2,
        have_operators=1,
    )
    rm = roadmap(
        bands,
        assumptions,
        fx,
        answers,
        ("Q4:regions=2,live_models=5",),
        hire_in={OP: Location.LONDON},
    )
    assert {q.next_failure for q in rm.quarters} == {Failure.OPERATIONAL_COMPLEXITY}
    assert [q.needed[OP] for q in rm.quarters] == [1, 1, 1, 2, 2, 2, 2, 2]
    (req,) = rm.reqs
    assert (req.level, req.location, req.need_quarter, req.open_quarter) == (
        Level.MID,
        Location.LONDON,
        4,
        2,
    )
    assert req.open_day == pytest.approx(3 * DAYS_PER_QUARTER - LONDON_MID_LEAD_P50, abs=4)
    assert rm.quarters[0].surplus == {D: 1} and rm.quarters[0].spend == 0
    assert rm.quarters[3].team[OP] == 2


# ---- The JSON contract ----------------------------------------------------------------------------


def test_json_holds_the_cli_contract(bands, assumptions, fx):
    """quarters[] {quarter, label, next_failure, team, spend}, reqs[] {archetype, level,
    location, open_quarter, in_place_quarter_p50/p90, backfill, reason}, budget {amount, fits,
    slips}: the keys, their types and values a script can rely on."""
    answers = Answers(
        budget=150_000,
        data_maturity="repeatable",
        problem_validation="proven",
        live_models=2,
        have_researchers=2,
        have_developers=3,
    )
    rm = roadmap(bands, assumptions, fx, answers, ("Q3:products=2,live_models=4",), quarters=6)
    data = json.loads(json.dumps(roadmap_to_dict(rm)))
    assert len(data["quarters"]) == 6
    for i, q in enumerate(data["quarters"], 1):
        assert q["quarter"] == i and q["label"] == quarter_label(START, i)
        assert q["next_failure"] in {f.value for f in Failure}
        assert set(q["team"]) == {a.value for a in Archetype}
        assert all(isinstance(n, int) for n in q["team"].values())
        assert isinstance(q["spend"], float)
    for r in data["reqs"]:
        assert {
            "archetype",
            "level",
            "location",
            "open_quarter",
            "in_place_quarter_p50",
            "in_place_quarter_p90",
            "backfill",
            "reason",
        } <= set(r)
        assert isinstance(r["backfill"], bool) and isinstance(r["open_quarter"], int)
    assert {"amount", "fits", "slips"} <= set(data["budget"])
    assert data["budget"]["amount"] == 150_000 and data["budget"]["fits"] is False
    assert data["budget"]["slips"] and {"archetype", "to_open_quarter", "text"} <= set(
        data["budget"]["slips"][0]
    )
    assert data["attrition"]["status"] == "assumption"


ATTRITION_TEAM = Answers(
    data_maturity="repeatable",
    problem_validation="proven",
    live_models=2,
    have_researchers=2,
    have_developers=3,
    have_operators=1,
)


def test_attrition_defaults_to_the_assumptions_value(bands, assumptions, fx):
    """Without --attrition the roadmap takes data/assumptions.toml's attrition_rate, labelled
    an assumption; an edited Assumptions value moves the backfills as the same rate given."""
    shipped = roadmap(bands, assumptions, fx, ATTRITION_TEAM)
    assert shipped.attrition == assumptions.attrition_rate.value == pytest.approx(0.10)
    assert shipped.attrition_source.status is SourceStatus.ASSUMPTION
    assert shipped.attrition_source.label == assumptions.attrition_rate.label
    assert shipped.request.attrition is None  # the request keeps what was asked
    edited = assumptions.with_values(attrition_rate=0.3)
    by_assumption = roadmap(bands, edited, fx, ATTRITION_TEAM)
    by_flag = roadmap(bands, assumptions, fx, ATTRITION_TEAM, attrition=0.3)
    backfills = [(r.archetype, r.open_quarter) for r in by_assumption.reqs if r.backfill]
    assert backfills and backfills == [
        (r.archetype, r.open_quarter) for r in by_flag.reqs if r.backfill
    ]
    assert by_flag.attrition_source.source.startswith("your value (default 0.1:")
    assert not any(r.backfill for r in roadmap(bands, edited.with_values(attrition_rate=0), fx,
                                               ATTRITION_TEAM).reqs)  # fmt: skip


@pytest.mark.parametrize(
    ("fiscal", "first"), [(1, "Q1 2027 · Jan–Mar"), (4, "Q4 FY2027 · Jan–Mar 2027")]
)
def test_roadmap_quarters_use_the_plans_fiscal_calendar(bands, assumptions, fx, fiscal, first):
    """The roadmap names its quarters with the plan's one label function and fiscal year; made
    mid-quarter, it starts on the next quarter's first day like the plan."""
    a = assumptions.with_values(fiscal_year_start_month=fiscal)
    request = RoadmapInput(answers=Answers(), quarters=5)
    rm = make_roadmap(request, bands, a, fx, start=date(2026, 12, 3), trials=50)
    plan = make_plan(Answers(horizon_quarters=5), bands, a, fx, start=date(2026, 12, 3), trials=50)
    assert rm.start == plan.quarters.start == date(2027, 1, 1)
    assert rm.quarters[0].label == first
    assert [q.label for q in rm.quarters] == [q.label for q in plan.quarters.quarters]


def test_a_spare_leaver_is_backfilled_when_they_resign_not_before(bands, assumptions, fx):
    """Two developers, one to spare until a third product arrives in Q4, 50% attrition: the
    spare one's expected departure (Q2) is not known in Q1, so the req that brings the team
    back to two opens when they resign, as it does when the third product is there from Q1
    (hypothesis found the req opening a quarter early in the Q4 case)."""
    answers = Answers(live_models=2, have_developers=2, location=Location.BERLIN)
    opens = []
    for q in (1, 4):
        request = RoadmapInput(
            answers=answers, milestones=(Milestone(quarter=q, products=3),), attrition=0.5
        )
        reqs = _make(request, bands, assumptions, fx).reqs
        devs = [r for r in reqs if r.archetype is Archetype.DEVELOPER]
        assert devs[0].backfill and devs[0].leaver_quarter == 2
        opens.append(devs[0].open_day)
    assert opens[1] >= opens[0] - 1e-9
    assert opens[0] == pytest.approx(DAYS_PER_QUARTER)  # Q2's first day
