"""What an input can hold and show: number inputs and uploads.

The questions' and editable assumptions' bounds are in planner/questions.py; the on-cost, FX
and upload limits are here. The pages draw their number inputs from these, share links accept a
value only if its input can show it exactly, and the CLI flags check the same ranges.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Bound:
    """A number input: its range and step as the input shows them, and how it shows them."""

    low: float
    high: float
    step: float
    decimals: int = 2  # digits the input shows after the point (Streamlit's default is 2)
    percent: bool = False  # the model holds a share (0.25); the input shows percent (25)
    whole: bool = False  # a whole-number input

    @property
    def format(self) -> str:
        """The input's printf format."""
        return "%d" if self.whole else f"%.{self.decimals}f"

    def shown(self, value: float) -> float:
        """A model value as the input shows it."""
        return round(value * 100, 4) if self.percent else value

    def model(self, shown: float) -> float:
        """An input's value in model units."""
        return shown / 100 if self.percent else shown

    def refusal(self, value: float) -> str | None:
        """Why the input could not show `value` (model units) exactly, or None if it can."""
        shown = self.shown(value)
        if self.whole and not float(value).is_integer():
            return self.expected
        if not self.low <= shown <= self.high:
            return self.expected
        if abs(shown - round(shown, self.decimals)) > 1e-9 * max(1.0, abs(shown)):
            if self.decimals == 0:
                return "the input shows whole numbers only"
            unit = " of a percent" if self.percent else ""
            digits = "decimal" if self.decimals == 1 else "decimals"
            return f"the input shows {self.decimals} {digits}{unit}"
        return None

    @property
    def expected(self) -> str:
        """What a valid value looks like, in model units: "a whole number from 1 to 12"."""
        low, high = _readable(self.model(self.low)), _readable(self.model(self.high))
        if self.whole:
            return f"a whole number from {low} to {high}"
        if self.percent:
            return f"a share from {low} to {high}, i.e. {self.low:g}–{self.high:g}%"
        return f"a number from {low} to {high}"


def _readable(value: float) -> str:
    return f"{value:,.12g}"


def number_text(value: float) -> str:
    """A number for a link: no exponent for any value an input takes, and 12 significant
    digits, more than any input shows, so a link gives back what the inputs held."""
    return f"{value:.12g}"


# Employer on-cost components, by kind: a rate (a share of pay) or a fixed yearly amount.
ONCOST_BOUNDS: Mapping[Literal["rate", "fixed"], Bound] = {
    "rate": Bound(0, 100, 0.1, decimals=3, percent=True),
    "fixed": Bound(0, 1_000_000, 100, decimals=0),
}

# US dollars per unit of another currency.
FX_BOUND = Bound(0.01, 100, 0.01, decimals=3)


# Streamlit's uploader counts a megabyte as 10**6 bytes (1024**2 in browsers on Windows), so the
# limits are in decimal units and the planner checks the same number of bytes.
KB, MB = 1000, 1_000_000


@dataclass(frozen=True)
class UploadLimit:
    """The largest file of one kind the planner takes."""

    max_bytes: int

    @property
    def widget_mb(self) -> int:
        """For st.file_uploader(max_upload_size=...), which takes whole megabytes."""
        return -(-self.max_bytes // MB)

    @property
    def text(self) -> str:
        """'20 MB', '200 kB': as the pages and messages say it."""
        if self.max_bytes % MB == 0:
            return f"{self.max_bytes // MB} MB"
        return f"{self.max_bytes / KB:g} kB"


BENCHMARKS_UPLOAD = UploadLimit(20 * MB)  # 100,000 rows of bands fit (bench/results.md)
JD_UPLOAD = UploadLimit(200 * KB)  # a job description is a page or two; this is fifty pages
# server.maxUploadSize in .streamlit/config.toml: the largest of the limits, in MB.
SERVER_MAX_UPLOAD_MB = max(limit.widget_mb for limit in (BENCHMARKS_UPLOAD, JD_UPLOAD))
