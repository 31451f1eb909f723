"""The address the page writes for a share link (ui/address.py)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from ui.address import search


def test_the_default_plan_has_a_bare_address():
    assert search({}) == ""
    assert search({"problem": "proven", "view": "present"}) == "?problem=proven&view=present"


@given(st.dictionaries(st.text(min_size=1), st.text(), max_size=6))
def test_any_link_is_one_query_that_reads_back_as_itself(link):
    """Whatever the values hold (&, #, /, spaces, any script), they stay inside the query part:
    no path, fragment or second parameter can come out of a value."""
    text = search(link)
    parts = urlsplit("http://host/page" + text)
    assert parts.path == "/page" and parts.fragment == "" and parts.netloc == "host"
    assert dict(parse_qsl(parts.query, keep_blank_values=True)) == link
