"""A fault-injecting HTTP reverse proxy on 127.0.0.1, in front of a moto server (test and bench tooling).

Every request is identified as (service, region, operation) from what any AWS endpoint sees: the SigV4
credential scope (service and region), then ``X-Amz-Target`` (JSON protocols), ``Action=`` (query
protocols) or the method and path matched against botocore's own request-URI templates (REST protocols).
A fault can be set for the requests a predicate selects; everything else is forwarded unchanged.

Fault kinds: ``403`` (access denied, with a message of only spaces), ``500`` (blank-line message),
``throttle`` (the protocol's throttling code), ``reset`` (the connection is reset, no response),
``malformed`` (the real answer, truncated, with non-UTF-8 bytes, on a 200) and ``hold`` (the
connection is accepted and never answered until :meth:`FaultProxy.release`).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import botocore.session

FAULTS = ("403", "500", "throttle", "reset", "malformed")
"""The fault kinds every operation is tried with (``hold`` is separate: it costs a deadline)."""


@dataclass(frozen=True)
class Call:
    """What one request is: the boto3 service name, region and operation (botocore's name)."""

    service: str
    region: str
    operation: str


Match = Callable[[Call], bool]

_SCOPE = re.compile(r"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request")
_HOP = frozenset({"connection", "keep-alive", "transfer-encoding", "content-length", "host", "te", "upgrade"})


@dataclass(frozen=True)
class _Route:
    service: str
    operation: str
    method: str
    path: re.Pattern[str]
    query: tuple[tuple[str, str | None], ...]
    weight: int


class OperationIndex:
    """Identify requests to the given boto3 services; built from botocore's service models."""

    def __init__(self, services: Iterable[str]) -> None:
        session = botocore.session.get_session()
        self.protocol: dict[str, str] = {}
        self.by_signing: dict[str, list[str]] = {}
        self.targets: dict[tuple[str, str], str] = {}
        self.routes: dict[str, list[_Route]] = {}
        for service in services:
            model = session.get_service_model(service)
            self.protocol[service] = model.resolved_protocol
            self.by_signing.setdefault(model.signing_name, []).append(service)
            prefix = model.metadata.get("targetPrefix", "")
            for name in model.operation_names:
                op = model.operation_model(name)
                if prefix:
                    self.targets[(service, f"{prefix}.{name}")] = name
                self.routes.setdefault(service, []).append(_route(service, name, op.http))

    def identify(self, method: str, path: str, headers: Any, body: bytes) -> Call | None:
        """The call a request makes, or None when it is not one of the indexed services."""
        scope = _SCOPE.search(headers.get("Authorization", ""))
        if not scope:
            return None
        region, signing = scope.group(1), scope.group(2)
        services = self.by_signing.get(signing, [])
        target = headers.get("X-Amz-Target")
        for service in services:
            if target and (service, target) in self.targets:
                return Call(service, region, self.targets[(service, target)])
        for service in services:
            if self.protocol[service] in ("query", "ec2"):
                action = parse_qs(body.decode("utf-8", "replace")).get("Action")
                if action:
                    return Call(service, region, action[0])
        parts = urlsplit(path)
        query = parse_qs(parts.query, keep_blank_values=True)
        best: _Route | None = None
        for service in services:
            for route in self.routes.get(service, []):
                if route.method != method or not route.path.fullmatch(parts.path.rstrip("/") or "/"):
                    continue
                if any(k not in query or (v is not None and v not in query[k]) for k, v in route.query):
                    continue
                if best is None or route.weight > best.weight:
                    best = route
        return Call(best.service, region, best.operation) if best else None


def _route(service: str, operation: str, http: dict[str, str]) -> _Route:
    uri = http.get("requestUri", "/")
    path_t, _, query_t = uri.partition("?")
    pattern = ""
    literal = 0
    for piece in re.split(r"(\{[^}]+\})", path_t.rstrip("/") or "/"):
        if piece.startswith("{"):
            pattern += ".+" if piece.endswith("+}") else "[^/]+"
        else:
            pattern += re.escape(piece)
            literal += len(piece)
    query: list[tuple[str, str | None]] = []
    for item in filter(None, query_t.split("&")):
        key, eq, value = item.partition("=")
        query.append((key, value if eq else None))
    return _Route(
        service,
        operation,
        http.get("method", "POST"),
        re.compile(pattern),
        tuple(query),
        literal + 100 * len(query),
    )


def _error(protocol: str, status: int, code: str, message: str) -> tuple[int, dict[str, str], bytes]:
    """An error response shaped as the protocol's real errors are."""
    if protocol in ("json", "rest-json"):
        body = json.dumps({"__type": code, "message": message}).encode()
        return status, {"Content-Type": "application/x-amz-json-1.1", "x-amzn-ErrorType": code}, body
    if protocol == "ec2":
        xml = f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors></Response>"
    elif protocol == "query":
        xml = f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error></ErrorResponse>"
    else:
        xml = f"<Error><Code>{code}</Code><Message>{message}</Message></Error>"
    return status, {"Content-Type": "text/xml"}, xml.encode()


THROTTLE_CODES = {
    "json": "ThrottlingException",
    "rest-json": "TooManyRequestsException",
    "query": "Throttling",
    "ec2": "RequestLimitExceeded",
    "rest-xml": "SlowDown",
}


class FaultProxy:
    """The proxy: ``url`` to point AWS_ENDPOINT_URL at; ``set_fault`` for what to break."""

    def __init__(self, upstream: str, services: Iterable[str]) -> None:
        self.index = OperationIndex(services)
        up = urlsplit(upstream)
        self._upstream = (up.hostname or "127.0.0.1", up.port or 80)
        self._lock = threading.Lock()
        self._fault: tuple[str, Match] | None = None
        self._released = threading.Event()
        self.seen: Counter[Call] = Counter()
        """Every identified call forwarded or faulted (reset with :meth:`clear`)."""
        self.faulted: Counter[Call] = Counter()
        self.unidentified: Counter[str] = Counter()
        """Requests no indexed operation matched (method and path), to keep the index honest."""
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _handle(self) -> None:
                proxy._serve(self)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def set_fault(self, kind: str | None, match: Match | None = None) -> None:
        """Break the calls ``match`` selects with fault ``kind`` (None: forward everything)."""
        with self._lock:
            self._fault = None if kind is None else (kind, match or (lambda _c: True))
            self._released.clear()

    def clear(self) -> None:
        """Forget what was seen and faulted."""
        with self._lock:
            self.seen.clear()
            self.faulted.clear()
            self.unidentified.clear()

    def release(self) -> None:
        """Let held requests go (they are answered with a reset)."""
        self._released.set()

    def stop(self) -> None:
        """Release held requests and shut the proxy down."""
        self.release()
        self._server.shutdown()
        self._server.server_close()

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        call = self.index.identify(h.command, h.path, h.headers, body)
        with self._lock:
            fault = self._fault
            kind = fault[0] if fault and call and fault[1](call) else None
            if call:
                self.seen[call] += 1
                if kind:
                    self.faulted[call] += 1
            else:
                self.unidentified[f"{h.command} {h.path.split('?')[0]}"] += 1
        protocol = self.index.protocol.get(call.service, "json") if call else "json"
        if kind == "hold":
            self._released.wait()
            kind = "reset"
        if kind == "reset":
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.close_connection = True
            h.connection.close()
            return
        if kind == "403":
            code = (
                "UnauthorizedOperation"
                if protocol == "ec2"
                else "AccessDenied"
                if protocol in ("query", "rest-xml")
                else "AccessDeniedException"
            )
            self._reply(h, *_error(protocol, 403, code, "   "))
        elif kind == "500":
            self._reply(h, *_error(protocol, 500, "InternalFailure", " \n \n"))
        elif kind == "throttle":
            status = 503 if protocol == "rest-xml" else 429 if protocol == "rest-json" else 400
            self._reply(
                h, *_error(protocol, status, THROTTLE_CODES.get(protocol, "Throttling"), "Rate exceeded")
            )
        else:
            status, headers, payload = self._forward(h, body)
            if kind == "malformed":
                status, payload = 200, payload[: len(payload) // 2] + b"\xff\xfe\x00<"
            self._reply(h, status, headers, payload)

    def _forward(self, h: BaseHTTPRequestHandler, body: bytes) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection(*self._upstream, timeout=60)
        try:
            headers = {k: v for k, v in h.headers.items() if k.lower() not in _HOP}
            conn.request(h.command, h.path, body=body or None, headers=headers)
            resp = conn.getresponse()
            payload = resp.read()
            return resp.status, {k: v for k, v in resp.getheaders() if k.lower() not in _HOP}, payload
        finally:
            conn.close()

    @staticmethod
    def _reply(h: BaseHTTPRequestHandler, status: int, headers: dict[str, str], payload: bytes) -> None:
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(payload)))
        h.end_headers()
        if h.command != "HEAD":
            h.wfile.write(payload)


@cache
def collector_services() -> tuple[str, ...]:
    """Every boto3 service a wasp collector (or the session preflight) calls."""
    from wasp.collect.registry import COLLECTORS

    return tuple(
        sorted(
            {c.service for c in COLLECTORS}
            | {"sts", "cloudwatch", "codebuild", "iam", "logs", "s3control", "wafv2", "s3"}
        )
    )


def seed_fault_estate(session: Any, region: str) -> dict[str, str]:
    """A small estate touching every collector the fault cases name: a logging trail and its protected
    bucket, an organization with an attached SCP, a customer KMS key, an ACM certificate, a REST API stage,
    a DynamoDB table, an ECS task definition and a launch template (both with a secret), a firewall.
    Returns the ids of what was created."""
    import base64

    made: dict[str, str] = {}
    s3 = session.client("s3", region_name=region)
    bucket = "fault-trail-logs"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
    s3.put_public_access_block(
        Bucket=bucket,
        PublicAccessBlockConfiguration=dict.fromkeys(
            ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"), True
        ),
    )
    trail = session.client("cloudtrail", region_name=region)
    trail.create_trail(
        Name="fault-trail", S3BucketName=bucket, IsMultiRegionTrail=True, EnableLogFileValidation=True
    )
    trail.start_logging(Name="fault-trail")
    trail.put_event_selectors(
        TrailName="fault-trail",
        EventSelectors=[
            {
                "ReadWriteType": "All",
                "IncludeManagementEvents": True,
                "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}],
            }
        ],
    )
    made["trail"] = "fault-trail"
    org = session.client("organizations", region_name=region)
    with contextlib.suppress(org.exceptions.AlreadyInOrganizationException):  # the demo estate has one
        org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    deny = {
        "Effect": "Deny",
        "Resource": "*",
        "Action": ["cloudtrail:StopLogging", "guardduty:DeleteDetector", "organizations:LeaveOrganization"],
    }
    pid = org.create_policy(
        Name="protect",
        Type="SERVICE_CONTROL_POLICY",
        Description="",
        Content=json.dumps({"Version": "2012-10-17", "Statement": [deny]}),
    )["Policy"]["PolicySummary"]["Id"]
    org.attach_policy(PolicyId=pid, TargetId=root)
    kms = session.client("kms", region_name=region)
    key = kms.create_key(Description="payments")["KeyMetadata"]["KeyId"]
    kms.enable_key_rotation(KeyId=key)
    made["key"] = key
    made["certificate"] = session.client("acm", region_name=region).request_certificate(
        DomainName="pay.example.com"
    )["CertificateArn"]
    apigw = session.client("apigateway", region_name=region)
    api = apigw.create_rest_api(name="payments")["id"]
    root_resource = apigw.get_resources(restApiId=api)["items"][0]["id"]
    apigw.put_method(restApiId=api, resourceId=root_resource, httpMethod="GET", authorizationType="NONE")
    apigw.put_integration(restApiId=api, resourceId=root_resource, httpMethod="GET", type="MOCK")
    apigw.create_deployment(restApiId=api, stageName="prod")
    made["api"] = api
    session.client("dynamodb", region_name=region).create_table(
        TableName="payments",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        SSESpecification={"Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": key},
    )
    session.client("ecs", region_name=region).register_task_definition(
        family="payments",
        containerDefinitions=[
            {
                "name": "app",
                "image": "app:1",
                "memory": 128,
                "environment": [{"name": "DB_PASSWORD", "value": "hunter2-not-a-secret"}],
            }
        ],
    )
    ec2 = session.client("ec2", region_name=region)
    user_data = base64.b64encode(b"#!/bin/sh\nexport DB_PASSWORD=hunter2-not-a-secret\n").decode()
    made["launch_template"] = ec2.create_launch_template(
        LaunchTemplateName="payments",
        LaunchTemplateData={"UserData": user_data, "MetadataOptions": {"HttpTokens": "required"}},
    )["LaunchTemplate"]["LaunchTemplateId"]
    vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.9.1.0/24")["Subnet"]["SubnetId"]
    nfw = session.client("network-firewall", region_name=region)
    # moto has no CreateFirewallPolicy; it takes a policy ARN as given
    policy = f"arn:aws:network-firewall:{region}:123456789012:firewall-policy/payments"
    nfw.create_firewall(
        FirewallName="payments",
        FirewallPolicyArn=policy,
        VpcId=vpc,
        SubnetMappings=[{"SubnetId": subnet}],
        DeleteProtection=True,
    )
    return made


def reset_moto(url: str) -> None:
    """Forget every resource on a moto server (its state is process-wide, shared with other tests)."""
    import urllib.request

    urllib.request.urlopen(urllib.request.Request(f"{url}/moto-api/reset", method="POST")).read()


Review = Callable[[str, Any], "tuple[int, dict[str, Any] | None]"]
"""Run a review with these collectors (comma-separated) writing to a directory: (exit code, review.json)."""


def practice_statuses(doc: dict[str, Any]) -> dict[str, str]:
    """Best practice id -> status."""
    return {bp["id"]: bp["status"] for q in doc["questions"] for bp in q["best_practices"]}


@dataclass
class Baseline:
    """One collector's no-fault review: practice statuses and the calls it made."""

    statuses: dict[str, str]
    calls: frozenset[Call]


@dataclass
class CaseResult:
    """One faulted review."""

    call: Call
    collector: str
    kind: str
    hits: int
    exit_code: int
    completed: bool
    wrongly: list[str]
    """Practices met or not applicable under the fault that were not so without it."""
    errors: list[str]
    """collector_error / rule_error gaps (contained, but each is a defect to fix)."""
    seconds: float


PREFLIGHT = frozenset({("sts", "GetCallerIdentity")})
"""Calls made before collection: their failure stops the review with one line and exit 2, by design."""


def discover(proxy: FaultProxy, review: Review, collectors: Iterable[str], out: Any) -> dict[str, Baseline]:
    """Each collector's no-fault baseline and the calls it makes."""
    found: dict[str, Baseline] = {}
    for name in collectors:
        proxy.set_fault(None)
        proxy.clear()
        code, doc = review(name, out / f"base-{name}")
        if code != 0 or doc is None:
            raise RuntimeError(f"the no-fault review of {name} failed (exit {code})")
        found[name] = Baseline(practice_statuses(doc), frozenset(proxy.seen))
    return found


def run_case(
    proxy: FaultProxy, review: Review, call: Call, collector: str, kind: str, base: Baseline, out: Any
) -> CaseResult:
    """Fault one operation (in every region) during a review of one collector; judge the outcome."""
    proxy.clear()
    proxy.set_fault(kind, lambda c: c.service == call.service and c.operation == call.operation)
    started = time.monotonic()
    try:
        code, doc = review(collector, out)
    finally:
        proxy.set_fault(None)
    seconds = time.monotonic() - started
    hits = sum(n for c, n in proxy.faulted.items() if c.operation == call.operation)
    if doc is None:
        return CaseResult(call, collector, kind, hits, code, False, [], [], seconds)
    wrongly = [
        f"{bp} {status} (was {base.statuses.get(bp)})"
        for bp, status in practice_statuses(doc).items()
        if status in ("met", "not_applicable") and base.statuses.get(bp) != status
    ]
    errors = [g["message"] for g in doc["gaps"] if g["error"] in ("collector_error", "rule_error")]
    return CaseResult(call, collector, kind, hits, code, code == 0, wrongly, errors, seconds)


def matrix(baselines: dict[str, Baseline]) -> list[tuple[Call, str]]:
    """Every (call, collector) to fault: each operation once per collector that makes it."""
    cases = {
        (Call(c.service, "*", c.operation), name)
        for name, base in baselines.items()
        for c in base.calls
        if (c.service, c.operation) not in PREFLIGHT
    }
    return sorted(cases, key=lambda x: (x[0].service, x[0].operation, x[1]))
