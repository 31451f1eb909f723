"""Containers whose content is built and sent only while they are open.

Every element a rerun sends is re-rendered by the browser (bench/results.md), so content
nobody is looking at is not sent: a closed one costs one element per rerun.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import streamlit as st

# A container to draw into (`with box:` or `box.write(...)`). Streamlit's class for it lives
# in a private module; its public API gives no type, so the UI names it here once.
Container: TypeAlias = Any


def lazy_expander(label: str, key: str) -> Container | None:
    """An expander that reruns when opened or closed; its container while open, else None.

    The label may change between runs (a question group says its answers in it), which makes
    it a new element: it opens as it was, from its own state.
    """
    box = st.expander(
        label, key=key, on_change="rerun", expanded=bool(st.session_state.get(key, False))
    )
    return box if box.open else None


def lazy_popover(label: str, key: str, icon: str) -> Container | None:
    """A popover that reruns when opened or closed; its container while open, else None."""
    menu = st.popover(label, icon=icon, key=key, on_change="rerun")
    return menu if menu.open else None
