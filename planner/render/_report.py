"""Plain renderings of a plan: a dict for JSON, and a readable text summary."""

from __future__ import annotations

from typing import Any

from planner.costing import day_text
from planner.kit import LintReport
from planner.market import Report
from planner.models import LOCATION_TITLE, MixLine, Plan, count
from planner.stage import ARCHETYPE_TITLE, FAILURE_SUMMARY, FAILURE_TITLE
from planner.text import CASH_LABEL, cite, clean, excludes_note, money


def team_gap(line: MixLine) -> str:
    """One role of the mix: "model developers: 1 needed, 0 on the team"."""
    return (
        f"{ARCHETYPE_TITLE[line.archetype].lower()}s: {line.target} needed, {line.have} on the team"
    )


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The JSON contract of `python -m planner plan --format json`."""
    d = plan.diagnosis
    cost = plan.cost
    return {
        "location": plan.answers.location.value,
        "currency": cost.currency,
        "next_failure": d.next_failure.value,
        "runner_up": d.runner_up.value,
        "scores": {f.value: s for f, s in d.scores.items()},
        "mix": {line.archetype.value: line.hires for line in plan.mix},
        "team": {
            line.archetype.value: {"target": line.target, "have": line.have, "hires": line.hires}
            for line in plan.mix
        },
        "hires": [
            {"order": h.order, "archetype": h.archetype.value, "level": h.level.value}
            for h in plan.hires
        ],
        "bands": [
            {
                "archetype": b.archetype.value,
                "level": b.level.value,
                "location": b.location.value,
                "currency": b.currency.value,
                **{
                    f"p{p}": round(v, 2)
                    for p, v in zip((10, 25, 50, 75, 90), b.percentiles, strict=True)
                },
                "ml_premium": b.ml_premium,
                "source": b.source.source,
                "year": b.source.year,
                "status": b.source.status.value,
                "derivation": b.derivation,
                "origin": b.origin,
                "fx": b.fx_note,
            }
            for b in plan.bands
        ],
        "reasons": list(d.reasons),
        "warnings": list(plan.warnings),
        "notes": list(plan.notes),
        "advice": [a.model_dump() for a in plan.advice],
        "data_work": plan.data_work.model_dump() if plan.data_work else None,
        "cost": {
            "currency": cost.currency,
            "pay_percentile": cost.pay_percentile,
            "first_year_total": round(cost.first_year_total, 2),
            "first_year_total_means": CASH_LABEL.lower() + excludes_note(cost),
            "search_cost": round(cost.search_cost, 2),
            "run_rate": round(cost.run_rate, 2),
            "p50": round(plan.outlook.cost_p50, 2) if plan.outlook else None,
            "p90": round(plan.outlook.cost_p90, 2) if plan.outlook else None,
            "within_budget": cost.within_budget,
            "per_hire": [
                {
                    "order": line.order,
                    "archetype": line.archetype.value,
                    "level": line.level.value,
                    "base": round(line.base, 2),
                    "benefits": round(line.benefits, 2),
                    "bonus": round(line.bonus, 2),
                    "equity": round(line.equity, 2),
                    "recruiting": round(line.recruiting, 2),
                    "run_rate": round(line.run_rate, 2),
                    "cash_12m": round(line.cash_12m, 2),
                    "interviewing": round(line.interviewing, 2),
                    "ramp": round(line.ramp, 2),
                    "empty_seat": round(line.empty_seat, 2),
                    "search_cost": round(line.search_cost, 2),
                    "start_day": round(line.start_day, 1),
                }
                for line in cost.lines
            ],
            "sources": [cite(s) for s in cost.sources],
        },
        **_outlook_dict(plan),
    }


def _outlook_dict(plan: Plan) -> dict[str, Any]:
    o, q, c = plan.outlook, plan.quarters, plan.comparison
    return {
        "time_to_team_days": None
        if o is None
        else {
            "p50": round(o.days_p50, 1),
            "p90": round(o.days_p90, 1),
            "p50_date": o.date_p50.isoformat(),
            "p90_date": o.date_p90.isoformat(),
            "trials": o.trials,
            "seed": o.seed,
        },
        "quarters": []
        if q is None
        else [
            {
                "quarter": x.index,
                "label": x.label,
                "hires": list(x.starts),
                "spend": round(x.spend, 2),
                "cumulative_spend": round(x.cumulative, 2),
            }
            for x in q.quarters
        ],
        "budget": None
        if q is None
        else {"amount": q.budget, "funded_hires": q.funded, "after_horizon": list(q.after_horizon)},
        "all_in_one_vs_focused": None
        if c is None
        else {
            "sentence": c.sentence,
            **{
                key: {
                    "label": opt.label,
                    "cost_p50": round(opt.cost_p50, 2),
                    "yearly_pay": round(opt.yearly_pay, 2),
                    "work_starts_days_p50": round(opt.work_starts_p50, 1),
                    "work_starts_date": opt.work_starts_date.isoformat(),
                }
                for key, opt in (("focused", c.focused), ("all_in_one", c.generalist))
            },
        },
        "uncertainty_inputs": [
            {
                "name": x.name,
                "how": x.how,
                "sources": [cite(src) for src in x.sources],
            }
            for x in plan.spread
        ],
        "sensitivity": [
            {
                "assumption": r.assumption,
                "low": r.low_label,
                "high": r.high_label,
                "low_total": round(r.low_total, 2),
                "high_total": round(r.high_total, 2),
            }
            for r in plan.sensitivity
        ],
    }


def plan_to_text(plan: Plan) -> str:
    """A readable summary for the terminal."""
    d = plan.diagnosis
    cur = plan.cost.currency
    out = [
        f"Next likely failure: {FAILURE_TITLE[d.next_failure]}",
        f"  {FAILURE_SUMMARY[d.next_failure]}",
        "",
        "Why:",
        *(f"  - {r}" for r in d.reasons),
        "",
        "Hire, in this order:",
    ]
    if plan.hires:
        for line in plan.cost.lines:
            out.append(
                f"  {line.order}. {ARCHETYPE_TITLE[line.archetype]} ({line.level.value})"
                f"  cash in 12 months {money(line.cash_12m, cur)}, "
                f"{money(line.run_rate, cur)} a year once hired"
            )
    else:
        out.append("  No new hires: your team already covers this stage.")
    out.append("")
    out.append("Team: " + "; ".join(
        f"{team_gap(m)}, {m.hires} to hire"
        for m in plan.mix
    ))  # fmt: skip
    if plan.warnings:
        out += ["", "Warnings:", *(f"  ! {w}" for w in plan.warnings)]
    if plan.notes:
        out += ["", "Notes:", *(f"  - {n}" for n in plan.notes)]
    if plan.outlook and plan.hires:
        o = plan.outlook
        out += [
            "",
            f"Uncertainty ({o.trials:,} trials, seed {o.seed}): cash in 12 months P50 "
            f"{money(o.cost_p50, cur)}, P90 {money(o.cost_p90, cur)}; whole mix in place by "
            f"{o.date_p50.isoformat()} (P50), {o.date_p90.isoformat()} (P90).",
        ]
    if plan.comparison:
        out += ["", plan.comparison.sentence]
    begins = f" from {day_text(plan.quarters.start)}" if plan.quarters else ""
    if plan.quarters and plan.hires:
        out += ["", f"Quarter plan (cash) from {day_text(plan.quarters.start)}:"]
        for q in plan.quarters.quarters:
            starts = ", ".join(f"#{n}" for n in q.starts) or "—"
            out.append(
                f"  {q.label}: starts {starts}; spend {money(q.spend, cur)}, "
                f"cumulative {money(q.cumulative, cur)}"
            )
    out += [
        "",
        f"{CASH_LABEL}: {money(plan.cost.first_year_total, cur)}{excludes_note(plan.cost)} "
        f"(offers at the P{plan.cost.pay_percentile} of each market band, "
        f"{LOCATION_TITLE[plan.answers.location]}, {cur}; plan{begins})",
        "Sources:",
        *(f"  - {cite(s)}" for s in plan.cost.sources),
    ]
    return "\n".join(out)


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON of `check-benchmarks`: ok, a summary or the problems."""
    out: dict[str, Any] = {"file": report.name, "ok": report.ok}
    if report.table is not None:
        out["summary"] = report.table.summary()
    else:
        out["problem_count"] = report.problem_count
        out["problems"] = [p.model_dump() for p in report.problems]
    return out


def report_to_text(report: Report) -> str:
    """A one-paragraph summary of a usable file, or the numbered problem list."""
    if report.table is not None:
        s = report.table.summary()
        return (
            f"{report.name}: OK. {count(s['rows'], 'band')} covering archetypes "
            f"{', '.join(s['archetypes'])}; levels {', '.join(s['levels'])}; locations "
            f"{', '.join(s['locations'])}; currencies {', '.join(s['currencies'])}."
        )
    lines = [
        f"{report.name}: {count(report.problem_count, 'problem')}; nothing was loaded."
        + (
            f" The first {len(report.problems)} are listed."
            if report.problem_count > len(report.problems)
            else ""
        )
    ]
    lines += [f"{i}. {p}" for i, p in enumerate(report.problems, start=1)]
    return "\n".join(lines)


def lint_to_dict(report: LintReport) -> dict[str, Any]:
    """The JSON of `lint-jd`: findings, the share of each kind of work and its evidence."""
    return {
        "findings": [
            {
                "line": f.line,
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "suggestion": f.suggestion,
                "quote": f.quote,
                "source": f.source,
            }
            for f in report.findings
        ],
        "archetype_share": {k.value: round(s, 4) for k, s in report.archetype_share.items()},
        "jobs": report.jobs,
        "asked": [k.value for k in report.asked],
        "evidence": {
            k.value: {"lines": list(e.lines), "terms": list(e.terms), "score": e.score}
            for k, e in report.evidence.items()
        },
        "lines": [
            {
                "line": x.line,
                "archetype": x.kind.value if x.kind else None,  # the kind of work (old key)
                "kind": x.kind.value if x.kind else None,
                "terms": {k.value: list(t) for k, t in x.terms.items()},
            }
            for x in report.lines
        ],
    }


def lint_to_text(report: LintReport, name: str) -> str:
    """Findings, most severe first within each line, the split by kind of work and its lines."""
    split = ", ".join(f"{k.value} {s:.0%}" for k, s in report.archetype_share.items())
    findings, jobs = count(len(report.findings), "finding"), count(report.jobs, "job")
    out = [f"{name}: {findings}; asks for {jobs} ({split})."]
    for k, e in report.evidence.items():
        asked = " (asked as a job)" if k in report.asked else ""
        out.append(
            f"  {k.value}{asked}: {'line' if len(e.lines) == 1 else 'lines'} "
            f"{', '.join(map(str, e.lines))} [{', '.join(e.terms)}]"
        )
    for f in report.findings:
        where = "posting" if f.line == 0 else f"line {f.line}"
        out.append(f"- [{f.severity}] {where} ({f.rule}): {f.message}")
        if f.quote:  # the posting's own line: no terminal escapes or bidi controls from it
            out.append(f"    > {clean(f.quote)}")
        out.append(f"    try: {f.suggestion}")
        if f.source:
            out.append(f"    source: {f.source}")
    return "\n".join(out)
