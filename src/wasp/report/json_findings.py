"""Findings as JSON text, one at a time, for the `wasp scan` JSON of large corpora.

:class:`FindingEncoder` writes exactly the text ``json.dumps(finding_dict(f), default=str)`` gives, but encodes
the parts many findings share only once: a rule's id and best practices, a resource (every rule on a resource
shares one :class:`~wasp.model.ResourceRef`), the status and severity, the time and source. Only the id, the
message and the evidence are encoded for each finding. tests/test_json_findings.py holds it to
:func:`wasp.report.document.finding_dict`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring_ascii

from wasp.model import Finding, FindingStatus, ResourceRef, Severity


def compact_encoder() -> Callable[[object], str]:
    """``json.JSONEncoder(default=str).encode``, without building the C encoder again for every call.

    ``JSONEncoder.encode`` makes a new ``c_make_encoder`` each time it is called; with many small values
    that is most of the cost. Without the C accelerator, the encoder itself.
    """
    encoder = json.JSONEncoder(default=str)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encoder.encode
    markers: dict[int, object] = {}
    """The containers being written (to detect circular references): empty between calls."""
    encode = make(
        markers,
        encoder.default,
        encode_basestring_ascii,
        None,
        encoder.key_separator,
        encoder.item_separator,
        encoder.sort_keys,
        encoder.skipkeys,
        encoder.allow_nan,
    )

    def dumps(value: object) -> str:
        try:
            return "".join(encode(value, 0))
        except BaseException:
            markers.clear()  # a failed call may leave its containers marked
            raise

    return dumps


class FindingEncoder:
    """Compact JSON of findings (no indentation), the parts shared between findings encoded once."""

    def __init__(self) -> None:
        self._encode = compact_encoder()
        self._rules: dict[tuple[str, tuple[str, ...]], str] = {}
        self._verdicts: dict[tuple[FindingStatus, Severity], str] = {}
        self._tails: dict[tuple[str, bool, str], str] = {}
        self._resources: dict[int, tuple[ResourceRef, str]] = {}
        """By ``id()`` of the reference, which is kept beside its text so the id cannot be reused meanwhile."""

    def encode(self, f: Finding) -> str:
        """The finding's JSON object, as ``finding_dict`` and ``json.dumps(..., default=str)`` would write it."""
        enc = self._encode
        rule = self._rules.get((f.rule, f.best_practices))
        if rule is None:
            rule = f'"rule": {enc(f.rule)}, "best_practices": {enc(list(f.best_practices))}'
            self._rules[(f.rule, f.best_practices)] = rule
        verdict = self._verdicts.get((f.status, f.severity))
        if verdict is None:
            verdict = f'"status": {enc(f.status.value)}, "severity": {enc(f.severity.value)}'
            self._verdicts[(f.status, f.severity)] = verdict
        ref = f.resource
        known = self._resources.get(id(ref))
        if known is not None and known[0] is ref:
            resource = known[1]
        else:
            resource = enc(
                {
                    "type": ref.type,
                    "id": ref.id,
                    "arn": ref.arn,
                    "account": ref.account,
                    "region": ref.region,
                    "file": ref.file,
                    "line": ref.line,
                    "address": ref.address,
                }
            )
            self._resources[id(ref)] = (ref, resource)
        if f.waiver is None:
            key = (f.observed_at, f.public_exposure, f.source)
            tail = self._tails.get(key)
            if tail is None:
                tail = self._tails[key] = self._tail(f)
        else:
            tail = self._tail(f)
        evidence = f.evidence if type(f.evidence) is dict else dict(f.evidence)
        text = encode_basestring_ascii
        ident = text(f.id) if type(f.id) is str else enc(f.id)
        message = text(f.message) if type(f.message) is str else enc(f.message)
        return (
            f'{{"id": {ident}, {rule}, {verdict}, "resource": {resource}, "message": {message}, '
            f'"evidence": {enc(evidence)}, {tail}}}'
        )

    def _tail(self, f: Finding) -> str:
        enc = self._encode
        return (
            f'"observed_at": {enc(f.observed_at)}, "public_exposure": {enc(f.public_exposure)}, '
            f'"waiver": {enc(f.waiver)}, "source": {enc(f.source)}'
        )

    def forget_resources(self) -> None:
        """Drop the resources' text (after each source, so memory stays flat over a large corpus)."""
        self._resources.clear()
