"""User text shown safely: never as Markdown, HTML or a Streamlit directive.

Every string a visitor typed, uploaded or put in a link goes through one of these before it is
shown: `md`/`md_line` in a Markdown context (st.markdown, st.info, st.caption, st.table cells,
widget labels and help, Markdown exports), `html_text` in plotly's HTML-like labels (titles,
legends, annotations, hover text), `one_line` or `clean` where text is drawn as it is (ECharts
canvas text, st.text, dataframe cells, slides).
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Sequence

from planner.models import CostSummary, Source, SourceStatus

# Punctuation with no meaning in CommonMark, GitHub's extensions or Streamlit's: left as it is,
# so that names and sources stay readable in a Markdown file.
INERT = frozenset(",;'\"?%")
# Every other ASCII punctuation character is backslash-escaped, which CommonMark allows for any
# of them: emphasis, links and images, code, headings, lists, tables, HTML, maths ($),
# directives (:red[...], :material/icon:), autolinks (https:, www., a@b.c).
_MARKDOWN_SPECIAL = re.compile(
    "([" + re.escape("".join(c for c in string.punctuation if c not in INERT)) + "])"
)
# Bidi overrides, isolates and marks can reorder what a reader sees; zero-width spaces and
# invisible operators can hide text. Dropped from anything shown. (ZWNJ and ZWJ stay: emoji
# and several scripts need them.)
_INVISIBLE = re.compile("[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Other control characters (not tab or newline), and what XML cannot hold (a slide would not
# save): lone surrogates and the non-characters U+FFFE, U+FFFF.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Spaces or tabs at the start of a line: four would make a code block.
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
# Streamlit's Markdown also rewrites text after it is parsed, where backslash escapes no longer
# count: GitHub's autolinks (https://…, www.…, a@b.c), its :streamlit: logo image and emoji
# shortcodes (:smile:), arrows and dashes (->, <=, --). A word joiner (U+2060: invisible, and
# dropped from user text by clean()) inside each such sequence keeps it from matching.
WORD_JOINER = "\u2060"
_REWRITTEN = re.compile(
    r"(?<=:)(?=//|[\w+-])|(?i:(?<=www)(?=\.))|(?<=@)"
    r"|(?<=-)(?=[->])|(?<=<)(?=[-=])|(?<=[>~])(?==)"
)

_HTML_ENTITIES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;", "$": "&#36;"}
)

MAX_SHOWN = 200  # characters of one user string shown in a message; the rest is cut


def clean(text: str) -> str:
    """NFC-normalised, without control, bidi or zero-width characters."""
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub("", _INVISIBLE.sub("", text))


def one_line(text: str, limit: int = MAX_SHOWN) -> str:
    """Clean, whitespace folded to single spaces, cut to `limit` characters with "…"."""
    flat = " ".join(clean(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def md(text: str) -> str:
    """User text for a Markdown context: every character Markdown or Streamlit reads as markup
    is backslash-escaped, every sequence Streamlit rewrites after parsing (links, logo, emoji,
    arrows) is broken by an invisible word joiner, and indentation is kept as no-break spaces,
    so it shows as typed."""
    unlinked = _REWRITTEN.sub(WORD_JOINER, clean(text))
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", unlinked)
    return _INDENT.sub(lambda m: m.group(0).replace("\t", "    ").replace(" ", "\u00a0"), escaped)


def md_line(text: str, limit: int = MAX_SHOWN) -> str:
    """md() of one_line(): for a name or value inside a sentence."""
    return md(one_line(text, limit))


def html_text(text: str, limit: int = MAX_SHOWN) -> str:
    """User text for plotly's HTML-like labels (titles, legends, annotations, hover text): one
    line, cut, with <, >, &, quotes and "$" (plotly reads $...$ as LaTeX) as entities. Quotes
    and "$" as numbers: plotly decodes numeric entities but names only a few (&amp; &lt; &gt;)."""
    return one_line(text, limit).translate(_HTML_ENTITIES)


# ---- Our own words and numbers: money, citations, Markdown tables --------------------------

CASH_LABEL = "Cash in the first 12 months"


SEARCH_LABEL = "Cost of the search (interviews, ramp-up, empty seat; not cash)"


MAX_CITE = 1000  # characters of one citation: an upload's source cell (500) and our words


# Characters of a short citation in a chart, a table cell or a footer: ours are at most ~75;
# an upload's may be 500, which would bury a chart under its footer.
MAX_SHORT_CITE = 100


def excludes_note(cost: CostSummary) -> str:
    """' (excluding bonus and equity)' when those inputs are zero, else ''."""
    return f" (excluding {' and '.join(cost.excludes)})" if cost.excludes else ""


def pay_words(cost: CostSummary) -> str:
    """What a hire's pay in the cash is made of, as the totals' note says it: 'salary,
    employer on-costs and bonus', or without the bonus while it is zero."""
    return (
        "salary and employer on-costs"
        if "bonus" in cost.excludes
        else ("salary, employer on-costs and bonus")
    )


def cite(source: Source) -> str:
    """'<label>: <source>, <year> (<status>)' — the one way a figure's origin is written."""
    return f"{source.label}: {source.source}, {source.year} ({source.status.value})"


def short_cite(source: Source) -> str:
    """'<publisher>, <year>' for chart footers; 'assumption' for our own numbers."""
    if source.status is SourceStatus.ASSUMPTION:
        return "our assumption"
    return f"{source.source.split(',')[0].split(' (')[0]}, {source.year}"


def currency_symbol(currency: str) -> str:
    return {"USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$"}.get(currency, f"{currency} ")


def escape_markdown(text: str) -> str:
    """Our own text in Markdown: backslashes, pipes and "$" escaped (Streamlit and GitHub read a
    pair of "$" as maths), our own markup (**bold**) kept. Never for user text: that goes
    through planner.text.md, which escapes everything."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("$", "\\$")


def cite_md(source: Source) -> str:
    """cite() for a Markdown context: the source may be a user's (an uploaded CSV cell), so the
    whole line is escaped. Upload cells are bounded (market._schema.MAX_TEXT); so is this."""
    return md_line(cite(source), MAX_CITE)


def markdown_table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    right: Iterable[int] = (),
    markdown: Iterable[int] = (),
) -> str:
    """A GitHub-flavoured Markdown table; columns in `right` are right-aligned.

    Cells are our own text, escaped with escape_markdown, except in the columns in `markdown`:
    those are Markdown already (user text through planner.text.md_line or cite_md). Newlines
    are folded either way, so the table keeps its shape whatever the text.
    """
    as_is = set(markdown)

    def cell(value: object, column: int) -> str:
        text = str(value) if column in as_is else escape_markdown(str(value))
        return " ".join(text.split())  # a newline would end the row

    aligned = set(right)
    lines = [
        "| " + " | ".join(cell(h, -1) for h in header) + " |",
        "|" + "|".join("---:" if i in aligned else "---" for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(cell(v, i) for i, v in enumerate(row)) + " |" for row in rows]
    return "\n".join(lines)


def money(value: float, currency: str) -> str:
    """Whole units with thousands separators: $157,966."""
    return f"{currency_symbol(currency)}{value:,.0f}"


# From here on a value would round to "$1000k": short forms switch to millions.
SHORT_MILLION = 999_500


def short_money(value: float, currency: str) -> str:
    """Compact form for chart labels and slide figures: $158k, $1.30M."""
    if abs(value) >= SHORT_MILLION:
        return f"{currency_symbol(currency)}{value / 1_000_000:.2f}M"
    return f"{currency_symbol(currency)}{value / 1000:.0f}k"
