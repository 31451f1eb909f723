"""Hostile input, at volume: answers, raw query strings, uploads and random bytes never raise."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from planner import Answers, make_plan, validate_benchmarks
from planner.bounds import BENCHMARKS_UPLOAD, JD_UPLOAD, SERVER_MAX_UPLOAD_MB
from planner.kit._lint import decode_upload
from planner.scenarios._share import parse_link
from tests.conftest import FIXTURES, ROOT

FAST = {"max_examples": 1000, "deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

any_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["ad_hoc", "proven", "london", "EUR", "senior", "agency"]),
)
fields = st.sampled_from(list(Answers.model_fields))


@settings(**FAST)
@given(st.dictionaries(fields, any_value, max_size=8))
def test_any_answers_give_a_plan_or_a_validation_message(bands, assumptions, fx, raw):
    """Whatever arrives as answers: a ValidationError naming fields, or a complete plan."""
    try:
        answers = Answers.model_validate(raw)
    except ValidationError as exc:
        assert exc.errors() and all(err["loc"] for err in exc.errors())
        return
    plan = make_plan(answers, bands, assumptions, fx, trials=200)
    assert plan.diagnosis.next_failure and plan.cost.first_year_total >= 0


query_keys = st.one_of(
    st.sampled_from(
        [
            "data_maturity",
            "problem",
            "live_models",
            "products",
            "regions",
            "budget",
            "percentile",
            "location",
            "currency",
            "level",
            "seed",
            "horizon",
            "agency_fee",
            "bonus_share",
            "oc.us.medicare",  # an employer on-cost edit (a rate)
            "oc.us.health_insurance",  # ... and a fixed amount
            "usd_per_gbp",
            "view",
        ]
    ),
    st.text(max_size=20),
)


@settings(**FAST)
@given(st.dictionaries(query_keys, st.text(max_size=60), max_size=10))
def test_any_query_string_gives_a_plan_and_notes(bands, assumptions, fx, params):
    """Raw query-parameter strings always restore a valid state and then a plan."""
    state = parse_link(params, Answers(), assumptions, fx)
    assert len(state.ignored) <= len(params)
    rates = fx
    for currency, rate in state.fx.items():
        rates = rates.with_rate(currency, rate)
    edited = assumptions.with_values(**state.assumptions).with_oncosts(state.oncosts)
    plan = make_plan(state.answers, bands, edited, rates, trials=200)
    assert plan.hires is not None


def test_every_corpus_upload_is_refused_or_used_never_raises():
    """The benchmarks corpus, byte-flipped and truncated, always gives a report."""
    for path in sorted((FIXTURES / "uploads").glob("*.csv")):
        data = path.read_bytes()
        for variant in (data, data[: len(data) // 2], data[::-1], bytes(b ^ 0x20 for b in data)):
            report = validate_benchmarks(variant, name=path.name)
            assert report.ok or report.problems


@settings(**FAST)
@given(st.binary(max_size=4000))
def test_random_bytes_as_upload(data):
    """Random bytes: a report, never an exception."""
    report = validate_benchmarks(data)
    assert report.ok or report.problems


def test_production_settings_hide_errors_and_limit_uploads():
    """Visitors never see tracebacks; uploads are capped at the planner's own largest limit;
    XSRF protection is on; no other site's frame may send the app commands; only this computer
    can reach the server unless whoever runs it says otherwise."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] in ("none", "type")
    assert config["client"]["allowedOrigins"] == []
    assert config["server"]["maxUploadSize"] == SERVER_MAX_UPLOAD_MB == 20
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["address"] == "localhost"


def test_upload_limits_are_one_number_each():
    """Salary bands: 20 MB = 20,000,000 bytes, as Streamlit's uploader counts a megabyte;
    job descriptions: 200 kB. One byte more is refused, naming the limit as the pages do."""
    assert (BENCHMARKS_UPLOAD.max_bytes, BENCHMARKS_UPLOAD.text) == (20_000_000, "20 MB")
    assert (JD_UPLOAD.max_bytes, JD_UPLOAD.text, JD_UPLOAD.widget_mb) == (200_000, "200 kB", 1)
    at_limit = validate_benchmarks(b"x" * BENCHMARKS_UPLOAD.max_bytes)
    assert "limit" not in at_limit.problems[0].message
    over = validate_benchmarks(b"x" * (BENCHMARKS_UPLOAD.max_bytes + 1))
    assert over.problems[0].message.endswith("; the limit is 20.0 MB")
    assert validate_benchmarks(b"x" * 25_000_000).problems[0].message == (
        "the file is 25.0 MB; the limit is 20.0 MB"
    )
    assert decode_upload(b"x" * JD_UPLOAD.max_bytes)
    with pytest.raises(ValueError, match="job descriptions up to 200 kB are accepted"):
        decode_upload(b"x" * (JD_UPLOAD.max_bytes + 1))
    with pytest.raises(ValueError, match=r"^the file is 250 kB; job descriptions up to 200 kB"):
        decode_upload(b"x" * 250_000)
