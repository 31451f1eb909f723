"""The decks as LibreOffice draws them: every word inside its slide (pdftotext -bbox)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from planner import Answers, make_plan
from planner.render import comparison_pptx, plan_pptx

pytestmark = pytest.mark.e2e

SCALE = Answers(data_maturity="platform", problem_validation="proven", live_models=3, products=3,
                regions=2, budget=1_000_000)  # fmt: skip
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def _tools() -> tuple[str, str]:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("needs LibreOffice (apt-get install libreoffice-impress) and poppler-utils")
    return soffice, pdftotext


def words_outside(deck: bytes, folder: Path) -> tuple[int, list[str]]:
    """Render `deck` to PDF with LibreOffice; its page count, and each word drawn (partly)
    outside its page."""
    soffice, pdftotext = _tools()
    source = folder / "deck.pptx"
    source.write_bytes(deck)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    str(source)], check=True, capture_output=True, timeout=180)  # fmt: skip
    html = subprocess.run([pdftotext, "-bbox", str(folder / "deck.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    outside = []
    pages = html.split("<page ")[1:]
    for n, page in enumerate(pages, 1):
        width, height = (float(v) for v in re.findall(r'(?:width|height)="([\d.]+)"', page)[:2])
        for x0, y0, x1, y1, word in _WORD.findall(page):
            if float(x0) < 0 or float(y0) < 0 or float(x1) > width or float(y1) > height:
                outside.append(f"slide {n}: {word}")
    return len(pages), outside


@pytest.fixture(scope="module")
def plans(bands, assumptions, fx):
    return {
        "Scale, agency": make_plan(SCALE, bands, assumptions, fx, trials=300),
        "Seed, agency": make_plan(Answers(budget=500_000), bands, assumptions, fx, trials=300),
        "In-house recruiting, P75 pay, a long name that has to be cut": make_plan(
            Answers(channel="in_house", pay_percentile=75), bands, assumptions, fx, trials=300
        ),
    }


def test_plan_deck_text_stays_inside_the_slides(plans, tmp_path):
    """Four pages, one per slide, and no word of any of them beyond its page."""
    deck = plan_pptx(plans["Scale, agency"])
    pages, outside = words_outside(deck, tmp_path)
    assert pages == len(Presentation(io.BytesIO(deck)).slides) == 4
    assert outside == []


def test_comparison_deck_text_stays_inside_the_slides(plans, tmp_path):
    """The comparison slide and its Sources slide: every word inside."""
    deck = comparison_pptx(plans, budget=600_000)
    pages, outside = words_outside(deck, tmp_path)
    assert pages == 2 and outside == []


def test_the_check_sees_a_footer_that_runs_off_the_slide(plans, tmp_path):
    """The check can fail: a 1,300-character footer in a 0.5-inch box, as the deck once had,
    is found outside the slide."""
    prs = Presentation(io.BytesIO(plan_pptx(plans["Seed, agency"])))
    slide = prs.slides[0]
    footer = next(
        s for s in slide.shapes if s.has_text_frame and s.text_frame.text.startswith("Why")
    )
    footer.text_frame.text = "Sources: " + "A publisher, 2024; " * 70
    buffer = io.BytesIO()
    prs.save(buffer)
    _, outside = words_outside(buffer.getvalue(), tmp_path)
    assert outside and all(w.startswith("slide 1:") for w in outside)
