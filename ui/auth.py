"""Whose scenarios a visitor sees: Streamlit's own sign-in (st.login, st.user) or one local user.

- Sign-in configured (an [auth] section in .streamlit/secrets.toml, OpenID Connect): a
  signed-in visitor owns the scenarios they save, keyed by the provider's issuer and subject
  (stable, unlike an e-mail address). A visitor who has not signed in sees and stores none.
- No sign-in: one local user (scenarios._store.LOCAL_OWNER) owns every scenario, which is safe
  only while nobody else can reach the server: it listens on loopback only and the request did
  not come through a proxy, or whoever runs it set PLANNER_SINGLE_USER=1 to say that everyone
  who can reach it is one user. Otherwise nothing is stored and the page says why.

Only Streamlit's public API: st.secrets, st.user, st.login, st.logout, st.get_option, st.context.
docs/deployment.md describes the set-ups.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Mapping
from typing import NamedTuple

import streamlit as st

from planner.scenarios import LOCAL_OWNER, MAX_OWNER
from planner.text import md_line

SINGLE_USER_ENV = "PLANNER_SINGLE_USER"
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
# A request that carries one of these came through a proxy: others may be behind it.
PROXY_HEADERS = ("X-Forwarded-For", "X-Forwarded-Host", "Forwarded", "X-Real-Ip")
NOT_LOCAL = (
    "Saved scenarios are off: this planner can be reached from other computers and has no "
    "sign-in, so everyone would share one list. Whoever runs it should configure sign-in "
    "([auth] in .streamlit/secrets.toml) or serve it on localhost only; see docs/deployment.md."
)

log = logging.getLogger(__name__)


class Visitor(NamedTuple):
    owner: str | None  # whose scenarios this visitor sees and changes; None: nobody's
    shown_as: str  # who, in words (plain text: escape it before Markdown)
    reason: str | None  # when owner is None: why, and what to do (plain text)
    sign_in: bool  # sign-in is configured: offer Sign in or Sign out


def _auth_section() -> Mapping[str, object]:
    try:
        auth = st.secrets.get("auth")
    except FileNotFoundError:  # no secrets file at all, or one that cannot be read
        return {}
    return auth if isinstance(auth, Mapping) else {}


def providers() -> list[str | None]:
    """The sign-in providers configured: None for [auth] itself, else [auth.<name>] names."""
    auth = _auth_section()
    named = [
        str(key)
        for key, value in auth.items()
        if isinstance(value, Mapping) and "client_id" in value and key != "client_kwargs"
    ]
    return ([None] if "client_id" in auth else []) + sorted(named)


def only_this_computer(
    address: str | None, headers: Mapping[str, str], env: Mapping[str, str]
) -> bool:
    """Whether nobody but this computer's user can reach the server: it listens on loopback
    and the request did not come through a proxy, or PLANNER_SINGLE_USER says so."""
    if env.get(SINGLE_USER_ENV, "").strip().lower() in {"1", "true", "yes"}:
        return True
    if (address or "").strip("[]") not in LOOPBACK:
        return False
    return not {name.lower() for name in headers} & {name.lower() for name in PROXY_HEADERS}


def _owner_key(issuer: str, subject: str) -> str:
    key = f"oidc:{issuer} {subject}"
    if len(key) <= MAX_OWNER:
        return key
    return "oidc-sha256:" + hashlib.sha256(key.encode()).hexdigest()


def visitor() -> Visitor:
    """Who is here, and whose scenarios they may see and change (see the module's note)."""
    if providers():
        user = st.user.to_dict()
        if not user.get("is_logged_in"):
            return Visitor(None, "", "Sign in to save scenarios and see yours.", True)
        subject, issuer = user.get("sub"), user.get("iss")
        if not isinstance(subject, str) or not subject:
            log.warning("a sign-in without a subject claim: no scenarios for it")
            return Visitor(
                None,
                "",
                "Your sign-in did not say who you are, so scenarios are off. Sign out and in "
                "again; if that does not help, tell whoever runs the planner.",
                True,
            )
        shown = next(
            (v for k in ("email", "name") if isinstance(v := user.get(k), str) and v), subject
        )
        return Visitor(_owner_key(str(issuer or ""), subject), shown, None, True)
    address = st.get_option("server.address")
    if only_this_computer(address, dict(st.context.headers), os.environ):
        return Visitor(LOCAL_OWNER, "you, on this computer", None, False)
    return Visitor(None, "", NOT_LOCAL, False)


def account(who: Visitor) -> None:
    """Sign in or out, when sign-in is configured; who is signed in."""
    if not who.sign_in:
        return
    if who.owner is not None:
        text, button = st.columns([5, 1], vertical_alignment="center")
        text.caption(
            f"Signed in as {md_line(who.shown_as)}. Your scenarios are yours alone: "
            "nobody else can list, open, rename or delete them."
        )
        if button.button("Sign out", key="auth.sign_out"):
            st.logout()
        return
    for provider in providers():
        label = "Sign in" if provider is None else f"Sign in with {md_line(provider)}"
        if st.button(label, key=f"auth.sign_in.{provider or ''}", type="primary"):
            st.login(provider)
