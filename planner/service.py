"""One entry point: answers in, plan out. The app and the CLI both call `make_plan`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner.costing import (
    TRIALS,
    CostModel,
    OnCostRule,
    SearchSpec,
    compare_reqs,
    cost_plan,
    fill_medians,
    oncost_sources,
    outlook,
    plan_start,
    quarter_plan,
    salary_at,
    sensitivity,
    simulate,
    spread_inputs,
)
from planner.errors import DataFileError
from planner.kit import JobDescription, job_description
from planner.market import (
    Assumptions,
    BandTable,
    FxTable,
    apply_premium,
    convert_band,
    shared_series_notes,
)
from planner.models import (
    Advice,
    Answers,
    Archetype,
    Band,
    CostSummary,
    DataWork,
    Hire,
    Level,
    Plan,
    QuarterPlan,
    ReqComparison,
    SpreadInput,
    plural,
)
from planner.stage import (
    ARCHETYPE_TITLE,
    data_work,
    diagnose,
    recommend_mix,
    req_advice,
    team_advice,
)
from planner.text import money


def market_band(
    table: BandTable,
    archetype: Archetype,
    level: Level,
    answers: Answers,
    assumptions: Assumptions,
    fx: FxTable,
) -> Band:
    """The band a plan prices against: premium applied, in the display currency."""
    band = table.band(archetype, level, answers.location)
    if band is None:
        raise DataFileError(
            f"the salary data has no band for a {level.value} {archetype.value} in "
            f"{answers.location.value}; add that row to the benchmarks file"
        )
    return convert_band(apply_premium(band, assumptions.ai_premium), answers.display_currency, fx)


def plan_job_description(
    archetype: Archetype,
    answers: Answers,
    table: BandTable,
    assumptions: Assumptions,
    fx: FxTable,
) -> JobDescription:
    """The job description for `archetype` at the level the plan gives it (the answers' level,
    else the level the stage's mix hires it at, else senior), with its market pay range. The
    Hiring kit page and `python -m planner jd` both write it here."""
    _, hires = recommend_mix(diagnose(answers), answers)
    level = answers.level or next(
        (h.level for h in hires if h.archetype is archetype), Level.SENIOR
    )
    band = market_band(table, archetype, level, answers, assumptions, fx)
    return job_description(archetype, level, answers, band)


class _Pricer:
    """Prices a fixed list of hires under given answers and assumptions (reused by what-ifs)."""

    def __init__(self, hires: Sequence[Hire], table: BandTable, fx: FxTable) -> None:
        self.hires, self.table, self.fx = hires, table, fx

    def bands(self, answers: Answers, a: Assumptions) -> list[Band]:
        return [
            market_band(self.table, h.archetype, h.level, answers, a, self.fx) for h in self.hires
        ]

    def interviewer(self, answers: Answers, a: Assumptions) -> Band:
        return market_band(self.table, Archetype.DEVELOPER, Level.MID, answers, a, self.fx)

    def cost(self, answers: Answers, a: Assumptions) -> CostSummary:
        return cost_plan(
            self.hires,
            self.bands(answers, a),
            self.interviewer(answers, a),
            answers.display_currency,
            answers.pay_percentile,
            answers.channel,
            answers.budget,
            a,
            self.fx,
            answers.location,
        )

    def cost_model(self, answers: Answers, a: Assumptions) -> CostModel:
        currency = answers.display_currency
        in_house = a.in_house_cost(self.fx, currency)
        return CostModel.from_assumptions(a, answers.channel, in_house)


def make_plan(
    answers: Answers,
    table: BandTable,
    assumptions: Assumptions,
    fx: FxTable,
    start: date | None = None,
    trials: int = TRIALS,
) -> Plan:
    """Diagnose the stage, recommend the mix net of the existing team, price and simulate it.
    A plan made on `start` (default today) begins on the next fiscal quarter's first day."""
    fiscal = assumptions.fiscal_start_month
    start = plan_start(start or date.today(), fiscal)
    diagnosis = diagnose(answers)
    mix, hires = recommend_mix(diagnosis, answers)
    pricer = _Pricer(hires, table, fx)
    bands = pricer.bands(answers, assumptions)
    cost = pricer.cost(answers, assumptions)
    rule = OnCostRule(assumptions, answers.location, answers.display_currency, fx)
    cost = cost.model_copy(
        update={
            "lines": tuple(
                ln.model_copy(update={"oncost_items": rule.itemised(ln.base, ln.bonus)})
                for ln in cost.lines
            )
        }
    )
    model = pricer.cost_model(answers, assumptions)
    medians = fill_medians([h.archetype for h in hires], answers.channel, assumptions)
    specs = [
        SearchSpec(
            band=b,
            percentile=answers.pay_percentile,
            fill_median_days=float(m),
            mishire_rate=assumptions.mishire_rate.value,
            oncost_share=line.benefits / line.base if line.base > 0 else 0.0,
            notice_days=line.notice_days,
            premium_drawn=b.ml_premium > 0,
        )
        for b, m, line in zip(bands, medians, cost.lines, strict=True)
    ]
    quarters = quarter_plan(cost.lines, answers.horizon_quarters, answers.budget, start, fiscal)
    advice = [
        *req_advice(diagnosis, answers, mix),
        *_budget_advice(quarters, cost, answers),
        *team_advice(diagnosis, answers, mix),
    ]
    present = {h.archetype.value for h in hires}
    advice += [
        Advice(code="shared_band", severity="note", text=f"Same pay for different jobs — {note}")
        for note in shared_series_notes(table, answers.location, present)
    ]
    work = data_work(answers, hires, mix)
    if work is not None:
        work = _price_data_work(work, cost, pricer, answers, assumptions)
        advice.append(Advice(code="data_work", severity="note", text=work.text))
    comparison = (
        _compare(hires[0], specs[0], model, answers, assumptions, pricer, start, trials)
        if hires
        else None
    )
    return Plan(
        answers=answers,
        diagnosis=diagnosis,
        mix=tuple(mix),
        hires=tuple(hires),
        warnings=tuple(a.text for a in advice if a.severity != "note"),
        advice=tuple(advice),
        data_work=work,
        bands=tuple(dict.fromkeys(bands)),
        cost=cost,
        outlook=outlook(simulate(specs, model, trials, answers.seed), answers.seed, start),
        quarters=quarters,
        comparison=comparison,
        spread=_spread(assumptions, answers, hires, bands, fx),
        sensitivity=sensitivity(
            answers, assumptions, lambda ans, a: pricer.cost(ans, a).first_year_total
        )
        if hires
        else (),
    )


def _spread(
    a: Assumptions, answers: Answers, hires: Sequence[Hire], bands: Sequence[Band], fx: FxTable
) -> tuple[SpreadInput, ...]:
    loc = answers.location
    notices = [a.notice(loc, h.level)[1] for h in hires]
    oncosts = oncost_sources(a, loc)
    converted = [b for b in bands if b.fx_note]
    fx_used = fx.source_of(converted[0].currency) if converted else None
    return spread_inputs(a, answers.channel, notices, oncosts, [b.source for b in bands], fx_used)


def _compare(
    guard: Hire,
    focused: SearchSpec,
    model: CostModel,
    answers: Answers,
    a: Assumptions,
    pricer: _Pricer,
    start: date,
    trials: int,
) -> ReqComparison:
    """The first seat filled by a focused req, or by one all-in-one 'ML engineer' req."""
    generalist_band = market_band(
        pricer.table, Archetype.DEVELOPER, guard.level, answers, a, pricer.fx
    )
    generalist = SearchSpec(
        band=generalist_band,
        percentile=min(90, answers.pay_percentile + a.generalist_percentile_uplift.value),
        fill_median_days=focused.fill_median_days * a.generalist_time_factor.value,
        mishire_rate=a.generalist_mishire_rate.value,
        oncost_share=focused.oncost_share,
        notice_days=focused.notice_days,
        premium_drawn=generalist_band.ml_premium > 0,
    )
    return compare_reqs(
        focused, generalist, model, ARCHETYPE_TITLE[guard.archetype],
        answers.display_currency.value, answers.seed, start, trials,
    )  # fmt: skip


def _fit(funded: int) -> str:
    """How many hires, in order, the budget covers: "The first 2 hires fit"."""
    if funded == 0:
        return "No hire fits"
    return "The first hire fits" if funded == 1 else f"The first {funded} hires fit"


def _price_data_work(
    work: DataWork, cost: CostSummary, pricer: _Pricer, answers: Answers, a: Assumptions
) -> DataWork:
    """The data work's cost: the owner's pay for those months, or a data engineer's salary."""
    cur = cost.currency
    if work.owner == "data_engineer":
        # No public series separates data engineers; BLS counts them among software developers.
        band = market_band(pricer.table, Archetype.DEVELOPER, Level.MID, answers, a, pricer.fx)
        base = salary_at(band, answers.pay_percentile)
        return work.model_copy(
            update={
                "cost": base,
                "text": f"{work.text} Budget about {money(base, cur)} a year in base salary "
                "(a mid-level developer's band: no public series separates data engineers); "
                "this hire is not in the plan's totals.",
            }
        )
    owner = next(
        (
            line
            for line in cost.lines
            if work.owner == "first_hire" or line.archetype is Archetype.DEVELOPER
        ),
        None,
    )
    if owner is None:
        return work
    share = owner.base * work.months / 12
    return work.model_copy(
        update={
            "cost": share,
            "text": f"{work.text} That is about {money(share, cur)} of their salary, already in "
            "the plan.",
        }
    )


def _budget_advice(quarters: QuarterPlan, cost: CostSummary, answers: Answers) -> list[Advice]:
    out = []
    lines = cost.lines
    cur = cost.currency
    if answers.budget is not None and quarters.funded < len(lines):
        spend = cost.first_year_total
        left_out = len(lines) - quarters.funded
        outside = ", ".join(
            f"#{ln.order} {ARCHETYPE_TITLE[ln.archetype].lower()}"
            for ln in lines[quarters.funded :]
        )
        out.append(
            Advice(
                code="over_budget",
                severity="high",
                text="Over budget: in its first 12 months the plan pays "
                f"{money(spend, cur)} against a budget of {money(answers.budget, cur)}, "
                f"{money(spend - answers.budget, cur)} over. "
                f"{_fit(quarters.funded)}; {outside} "
                f"{'falls' if left_out == 1 else 'fall'} outside. "
                "Delay or drop the last hires first: they guard against a later failure.",
            )
        )
    if quarters.after_horizon:
        late = ", ".join(f"#{n}" for n in quarters.after_horizon)
        out.append(
            Advice(
                code="after_horizon",
                severity="high",
                text=f"{plural(len(quarters.after_horizon), 'Hire')} {late} would start after "
                f"the {answers.horizon_quarters}-quarter horizon at "
                "the current pace; run more searches at once, use an agency, or extend the "
                "horizon.",
            )
        )
    return out
