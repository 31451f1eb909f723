"""About the data: every figure the planner uses, its source, year, status and derivation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner.market import Assumption, load_rules, load_series, location_factor, shared_series_notes
from planner.models import LOCATION_TITLE, Archetype, Location
from planner.questions import QUESTION_TITLE
from planner.stage import (
    BREADTH_WEIGHT,
    FAILURE_TITLE,
    MAX_HIRES_PER_ARCHETYPE,
    MODELS_PER_DEVELOPER,
    MODELS_PER_OPERATOR,
    PRODUCTS_PER_DEVELOPER,
    PRODUCTS_PER_RESEARCHER,
    SCORES,
)
from planner.text import clean, md, md_line
from ui.data import active_table, case_book, shipped_data, uploaded

shipped, assumptions, fx = shipped_data()
rules = load_rules()

st.title("About the data", anchor=False)
st.write(
    "Every number the planner shows comes from this page: a public figure with its source, year "
    "and whether we read the primary source, or our own assumption — labelled as such and "
    "editable on the Assumptions page. The shipped files live in `data/`."
)

st.subheader("1. Public salary series", anchor=False)
st.write(
    "No public salary series exists for the three ML archetypes, so each market maps every "
    "archetype to the closest published series. In the US, researchers come from BLS "
    "*Computer and Information Research Scientists* (SOC 15-1221; *Data Scientists* would "
    "include analysts) and developers and operators from BLS *Software Developers* (SOC "
    "15-1252): no public series separates MLOps work from software development, so operator "
    "pay equals developer pay and the plan says so next to the band. London, Germany and Canada "
    "publish one ML series, used for all three archetypes, and the plan says that too."
)
series = pd.DataFrame(load_series()).rename(columns=str.capitalize)
st.dataframe(series, hide_index=True, width="stretch", key="about.series")
st.caption(
    "Status: primary = we read the source itself; secondary = we read a report of it (the "
    "primary address is given where known). Blank percentiles are not published."
)

st.subheader("2. From series to bands", anchor=False)
levels = rules["levels"]
premium = assumptions.ai_premium
anchors = ", ".join(f"{lvl} P{levels[lvl]}" for lvl in ("junior", "mid", "senior", "staff"))
st.markdown(
    f"- **Yearly pay.** Hourly series × {rules['hours_per_year']} hours; "
    f"monthly × {rules['months_per_year']}.\n"
    "- **Unpublished percentiles** are filled from a log-normal fitted to the published ones "
    "(our assumption).\n"
    f"- **Levels** (our assumption): a level's median sits at a percentile of the all-levels "
    f"series — {anchors} — and pay within one level spreads {levels['spread']:g}× as widely "
    "(in log terms) as across all levels.\n"
    "- **Locations** scale a national series where no local one exists (table below).\n"
    f"- **AI/ML premium**: series that are not ML-specific are lifted by {premium.value:.1%} "
    f"({premium.source}, {premium.year}, {premium.status.value}; published range "
    f"{assumptions.premium_low.value:.0%}–{assumptions.premium_high.value:.0%}, which the "
    "simulation draws from); change it on the Assumptions page."
)
locations = pd.DataFrame(
    [
        {
            "Market": LOCATION_TITLE[Location(key)],
            "Archetype": archetype.value,
            "Series": loc[archetype.value],
            "Factor": factor["factor"],
            "Factor source": factor["source"],
            "Year": factor["year"],
            "Status": factor["status"],
        }
        for key, loc in rules["locations"].items()
        for archetype in Archetype
        for factor in (location_factor(rules, key, archetype.value),)
    ]
)
st.dataframe(locations, hide_index=True, width="stretch", key="about.locations")
st.caption(
    "US metros scale the national series by the ratio of BLS metro to national wages for the "
    "same occupation where BLS published one (Bay Area: San Francisco and San Jose MSAs, "
    "employment-weighted); where no per-occupation figure was found the factor is labelled "
    "an assumption."
)
for note in shared_series_notes(active_table(shipped)):
    st.caption(md(note))  # names a series id from a derivation cell, which may be an upload's

st.subheader("3. The bands the planner uses", anchor=False)
upload = uploaded()
if upload:
    st.info(
        f"Your data ({md_line(upload[0])}) replaces the shipped bands it covers in this session."
    )
table = active_table(shipped).frame
where = st.selectbox(
    "Market",
    [loc.value for loc in Location],
    format_func=lambda v: LOCATION_TITLE[Location(v)],
    key="about.location",
)
shown = table[table["location"] == where].drop(columns=["location"])
# Cells are drawn as text, never markup; an upload's lose only invisible and bidi characters.
shown = shown.assign(**{c: shown[c].map(clean) for c in ("source", "derivation", "origin")})
st.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    key="about.bands",
    column_config={
        c: st.column_config.NumberColumn(format="%.0f") for c in ("p10", "p25", "p50", "p75", "p90")
    },
)
st.caption(
    "Yearly base salary in the row's currency, before the AI/ML premium. The derivation column "
    "says how each band was built. Shipped file: data/benchmarks.csv (the upload format)."
)

st.subheader("4. Cost assumptions", anchor=False)
rows = [
    {
        "Assumption": a.label,
        "Value": a.value,
        "Source": a.source,
        "Year": a.year,
        "Status": a.status.value,
    }
    for a in (getattr(assumptions, key) for key in type(assumptions).model_fields)
    if isinstance(a, Assumption)
]
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="about.assumptions")
st.caption(
    "Bonus and equity are 0 unless you enter your own: no public source we could read gives ML "
    "bonus or equity norms by level, and the totals say what they leave out. File: "
    "data/assumptions.toml."
)

st.subheader("5. Employer on-costs by country", anchor=False)
st.write(
    "What an employer pays on top of salary, per country, each line with its source: payroll "
    "taxes up to their caps, pension and health where the law or custom sets them. Paid leave "
    "is not a line: a yearly salary already pays for it. Lines marked off apply only to some "
    "employers (the note says when); switch them on, or change any rate or amount, on the "
    "Assumptions page."
)
st.dataframe(
    pd.DataFrame(
        [
            {
                "Country": j.name,
                "Component": c.label,
                "How": c.basis,
                "On by default": "yes" if c.default_on else "no",
                "When it applies": c.applies_when,
                "Source": c.source,
                "Year": c.year,
                "Status": c.status.value,
            }
            for j in assumptions.employer_costs.jurisdictions.values()
            for c in j.components
        ]
    ),
    hide_index=True,
    width="stretch",
    key="about.oncosts",
)
st.caption("File: data/employer_costs.toml.")

st.subheader("6. Time to start by country", anchor=False)
st.write(
    "Days from opening a req to an accepted offer (time to fill), then the notice the hire "
    "serves before the first day, by country and level. The planner uses the rows marked "
    "'used'; the others are shown for comparison."
)
times = assumptions.time_to_start
st.dataframe(
    pd.DataFrame(
        [
            {
                "Country": c.name,
                "What": "notice",
                "Levels": ", ".join(lv.value for lv in r.levels),
                "Days": r.days,
                "Measures": r.basis.replace("_", " "),
                "Used": "used" if r.planning else "",
                "Source": r.source,
                "Year": r.year,
                "Status": r.status.value,
            }
            for c in times.countries.values()
            for r in c.notice
        ]
        + [
            {
                "Country": c.name,
                "What": "time to fill",
                "Levels": ", ".join(lv.value for lv in f.levels),
                "Days": f.days,
                "Measures": f"{f.statistic}, {f.scope.replace('_', ' ')}, "
                f"{f.measures.replace('_', ' ')}",
                "Used": "used" if f.planning else "",
                "Source": f.source,
                "Year": f.year,
                "Status": f.status.value,
            }
            for c in times.countries.values()
            for f in c.time_to_fill
        ]
    ),
    hide_index=True,
    width="stretch",
    key="about.times",
)
st.caption("File: data/time_to_start.toml.")

st.subheader("7. Exchange rates", anchor=False)
st.dataframe(
    pd.DataFrame(
        [
            {
                "Currency": r.currency.value,
                "USD per unit": r.usd_per_unit,
                "Date": r.date.isoformat(),
                "Source": r.source,
                "Status": r.status.value,
            }
            for r in fx.rates.values()
        ]
    ),
    hide_index=True,
    width="stretch",
    key="about.fx",
)

st.subheader("8. How the diagnosis is scored", anchor=False)
st.write(
    "Each answer adds points to the failures it makes more likely. The highest total is the "
    "next likely failure; on a tie the earlier rung of the ladder wins, because a model that "
    "does not work yet cannot cause operational trouble. Two gates come first: with no model "
    "live, operational complexity is ruled out; and products and regions count fully only from "
    "two live models (half with one), because breadth without live models is not yet "
    "operational work."
)
score_rows = [
    {
        "Question": QUESTION_TITLE[q],
        "Answer": answer.replace("_", " "),
        **{FAILURE_TITLE[f]: p for f, p in points.items()},
    }
    for q, answers in SCORES.items()
    for answer, points in answers.items()
]
st.dataframe(pd.DataFrame(score_rows), hide_index=True, width="stretch", key="about.scores")
st.dataframe(
    pd.DataFrame(
        [
            {"Live models at least": low, "Weight of products and regions": f"{w:.0%}", "Why": why}
            for low, w, why in BREADTH_WEIGHT
        ]
    ),
    hide_index=True,
    width="stretch",
    key="about.gates",
)

st.subheader("9. How many people each stage needs", anchor=False)
st.write(
    "Our assumptions, drawn from the article's ladder and the case book below; the team you "
    "already have is subtracted, and nobody is hired twice for one seat."
)
per_op = ", ".join(f"{m.value.replace('_', ' ')} data {n}" for m, n in MODELS_PER_OPERATOR.items())
st.markdown(
    "- **Weak problem validation:** one model researcher and one model developer; no operator.\n"
    "- **Brittle deployment:** one model developer (one per three researchers you already "
    "have), and operators for the live models; no operator while nothing is live.\n"
    f"- **Operational complexity:** researchers one per {PRODUCTS_PER_RESEARCHER} products; "
    f"developers one per {PRODUCTS_PER_DEVELOPER} products or {MODELS_PER_DEVELOPER} live models; "
    "operators at least one per region.\n"
    f"- **Live models one operator keeps healthy:** {per_op}.\n"
    f"- At most {MAX_HIRES_PER_ARCHETYPE} hires per archetype in one plan; the rest is a second "
    "round."
)

st.subheader("10. Situations like yours: the case book", anchor=False)
st.write(
    "Realistic companies, what an experienced head of ML would do, and why. The planner is "
    "tested against every row; the last column says where we changed a rule after arguing a "
    "row through."
)
st.dataframe(
    pd.DataFrame(
        [
            {
                "Company": c.company,
                "Next failure": FAILURE_TITLE[c.next_failure],
                "Live models": c.answers.live_models,
                "Team (R/D/O)": "/".join(str(c.answers.have(a)) for a in Archetype),
                "What a head of ML would do": c.head_of_ml,
                "Why": c.why,
            }
            for c in case_book()
        ]
    ),
    hide_index=True,
    width="stretch",
    key="about.cases",
)
