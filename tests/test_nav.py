"""The page a click on the row of links asks for (ui/nav.py): a trigger from the browser is
input like any other."""

from __future__ import annotations

import pytest

from ui.nav import chosen


@pytest.mark.parametrize("clicked", [0, 3, 5])
def test_a_click_on_another_page_switches_to_it(clicked):
    assert chosen(clicked, 6, current=1) == clicked


@pytest.mark.parametrize(
    "clicked", [None, 1, 6, -1, True, 2.0, "2", "./assumptions", [2], {"page": 2}, 10**30]
)
def test_anything_else_is_ignored(clicked):
    """No click, the open page, out of range, or not a whole number: nothing happens."""
    assert chosen(clicked, 6, current=1) is None
