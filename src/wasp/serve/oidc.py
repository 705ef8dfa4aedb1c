"""Optional OIDC login (the `oidc` extra): authorisation-code flow with PKCE, state and nonce, and the ID token
checked for signature (the issuer's JWKS), issuer, audience and expiry. The person is the local user bound to the
token's issuer and ``sub``; the first login binds the user an admin added with the token's email address, only
when the provider says it is verified. Never by a name the person may choose at the provider (``preferred_username``):
the role stays a local decision, and nobody is ever created by logging in. Logout ends the session at the provider
too when its discovery document names an ``end_session_endpoint`` (RP-initiated logout)."""

from __future__ import annotations

import base64
import ipaddress
import json
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from wasp.errors import InputError

SCOPE = "openid email profile"
FLOW_SECONDS = 600
"""How long a started login may take at the provider before the callback is refused."""
LEEWAY = 60
"""Clock skew allowed on the ID token's times (seconds)."""


class OidcError(Exception):
    """A login that must be refused; the message is shown to the person (it never holds a token or secret)."""


def _check_url(url: str, what: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url
    if parts.scheme == "http" and parts.hostname:
        try:
            if ipaddress.ip_address(parts.hostname).is_loopback:
                return url
        except ValueError:
            if parts.hostname == "localhost":
                return url
    raise InputError(f"{what} {url!r} must be an https:// URL (plain http only on this machine)")


@dataclass
class OidcConfig:
    """The relying party: the issuer, this client's id and secret."""

    issuer: str
    client_id: str
    client_secret: str = field(repr=False)
    timeout: float = 10.0
    _meta: dict[str, Any] | None = field(default=None, repr=False)
    _jwks: dict[str, Any] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self.issuer = _check_url(self.issuer.rstrip("/"), "the OIDC issuer")
        if not self.client_id.strip():
            raise InputError("the OIDC client id is empty: give --oidc-client-id")
        if not self.client_secret.strip():
            raise InputError("the OIDC client secret is empty: check --oidc-client-secret-file")

    def _get(self, url: str) -> dict[str, Any]:
        req = urllib.request.Request(
            _check_url(url, "the provider's URL"), headers={"Accept": "application/json"}
        )
        return self._open(req)

    def _open(self, req: urllib.request.Request) -> dict[str, Any]:
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body = json.loads(resp.read(1_000_000))
        except urllib.error.HTTPError as exc:
            raise OidcError(f"the identity provider refused the request ({exc.code})") from exc
        except (OSError, ValueError) as exc:
            raise OidcError(f"the identity provider could not be reached or answered badly: {exc}") from exc
        if not isinstance(body, dict):
            raise OidcError("the identity provider answered with something that is not a JSON object")
        return body

    def metadata(self) -> dict[str, Any]:
        """The issuer's discovery document (fetched once; its issuer must be the configured one)."""
        with self._lock:
            if self._meta is None:
                meta = self._get(f"{self.issuer}/.well-known/openid-configuration")
                if str(meta.get("issuer", "")).rstrip("/") != self.issuer:
                    raise OidcError("the identity provider's discovery document names another issuer")
                for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
                    if not isinstance(meta.get(key), str):
                        raise OidcError(f"the identity provider's discovery document has no {key}")
                self._meta = meta
            return self._meta

    def jwks(self, refresh: bool = False) -> dict[str, Any]:
        """The issuer's signing keys (fetched again when a token names a key not yet seen)."""
        meta = self.metadata()
        with self._lock:
            if self._jwks is None or refresh:
                self._jwks = self._get(str(meta["jwks_uri"]))
            return self._jwks

    def authorize_url(self, redirect_uri: str, state: str, nonce: str, challenge: str) -> str:
        """Where to send the browser to log in at the provider."""
        query = urllib.parse.urlencode(
            {
                "response_type": "code",
                "client_id": self.client_id,
                "redirect_uri": redirect_uri,
                "scope": SCOPE,
                "state": state,
                "nonce": nonce,
                "code_challenge": challenge,
                "code_challenge_method": "S256",
            }
        )
        endpoint = _check_url(str(self.metadata()["authorization_endpoint"]), "the authorisation endpoint")
        return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"

    def exchange(self, code: str, redirect_uri: str, verifier: str) -> str:
        """The ID token for an authorisation code (client_secret_basic, with the PKCE verifier)."""
        data = urllib.parse.urlencode(
            {
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect_uri,
                "code_verifier": verifier,
            }
        ).encode()
        basic = base64.b64encode(
            f"{urllib.parse.quote(self.client_id, safe='')}:{urllib.parse.quote(self.client_secret, safe='')}".encode()
        ).decode()
        req = urllib.request.Request(
            _check_url(str(self.metadata()["token_endpoint"]), "the token endpoint"),
            data=data,
            headers={
                "Authorization": f"Basic {basic}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
            method="POST",
        )
        token = self._open(req).get("id_token")
        if not isinstance(token, str):
            raise OidcError("the identity provider returned no ID token")
        return token

    def validate(self, id_token: str, nonce: str, now: float | None = None) -> dict[str, Any]:
        """The ID token's claims once its signature, issuer, audience, expiry and nonce are checked."""
        from joserfc import jwt
        from joserfc.errors import JoseError
        from joserfc.jwk import KeySet

        def decode(refresh: bool) -> Any:
            keys = KeySet.import_key_set(self.jwks(refresh))  # type: ignore[arg-type]
            return jwt.decode(id_token, keys, algorithms=["RS256", "ES256", "PS256", "EdDSA"])

        try:
            try:
                token = decode(False)
            except (JoseError, ValueError):
                token = decode(True)  # the provider may have rotated its keys
        except (JoseError, ValueError) as exc:
            raise OidcError("the ID token's signature does not match the identity provider's keys") from exc
        claims: dict[str, Any] = dict(token.claims)
        now = time.time() if now is None else now
        if str(claims.get("iss", "")).rstrip("/") != self.issuer:
            raise OidcError("the ID token was issued by another provider")
        aud = claims.get("aud")
        audiences = aud if isinstance(aud, list) else [aud]
        if self.client_id not in audiences or (len(audiences) > 1 and claims.get("azp") != self.client_id):
            raise OidcError("the ID token was issued for another application")
        exp = claims.get("exp")
        if not isinstance(exp, int | float) or isinstance(exp, bool) or exp + LEEWAY < now:
            raise OidcError("the ID token has expired: log in again")
        iat = claims.get("iat")
        if isinstance(iat, int | float) and not isinstance(iat, bool) and iat - LEEWAY > now:
            raise OidcError("the ID token was issued in the future: check the clocks")
        if not isinstance(claims.get("nonce"), str) or claims["nonce"] != nonce:
            raise OidcError("the ID token does not belong to this login (nonce mismatch): log in again")
        return claims

    def identity(self, claims: dict[str, Any]) -> tuple[str, str | None, bool]:
        """The person in validated claims: ``sub``, the ``email`` claim (if any) and whether the provider says
        that address is verified (only ``email_verified`` true counts; a string "true" too, as some send)."""
        sub = claims.get("sub")
        if not isinstance(sub, str) or not sub or len(sub) > 255:
            raise OidcError("the ID token has no usable subject (sub)")
        email = claims.get("email")
        verified = claims.get("email_verified")
        return (
            sub,
            email if isinstance(email, str) and email else None,
            verified is True or (isinstance(verified, str) and verified.lower() == "true"),
        )

    def end_session_url(self, id_token: str, post_logout_redirect_uri: str) -> str | None:
        """Where to send the browser to log out at the provider too (OpenID Connect RP-Initiated Logout), or None
        when its discovery document names no ``end_session_endpoint``."""
        endpoint = self.metadata().get("end_session_endpoint")
        if not isinstance(endpoint, str) or not endpoint:
            return None
        try:
            endpoint = _check_url(endpoint, "the end-session endpoint")
        except InputError as exc:
            raise OidcError(str(exc)) from exc
        query = urllib.parse.urlencode(
            {
                "id_token_hint": id_token,
                "post_logout_redirect_uri": post_logout_redirect_uri,
                "client_id": self.client_id,
            }
        )
        return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
