"""ACM certificates in one region: expiry, renewal eligibility, use and certificate transparency logging."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

CERT = "AWS::CertificateManager::Certificate"


class AcmCollector(Collector):
    """Certificates (all statuses) with describe_certificate details."""

    name = "acm"
    service = "acm"
    resource_types = (CERT,)
    permissions = ("acm:ListCertificates", "acm:DescribeCertificate")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_certificates then one describe per certificate."""
        for summary in api.pages("list_certificates", "CertificateSummaryList", affects=(CERT,)):
            arn = summary["CertificateArn"]
            try:
                c = (
                    api.call("describe_certificate", CertificateArn=arn, resource_id=arn, affects=(CERT,))
                    or {}
                ).get("Certificate", {})
            except CallFailed as failed:
                yield Resource(
                    type=CERT,
                    id=arn.rsplit("/", 1)[-1],
                    arn=arn,
                    origin=live(api, api.region),
                    properties={
                        "DomainName": summary.get("DomainName"),
                        "CertificateTransparencyLoggingPreference": failed.unresolved,
                        SUPPLEMENTARY: failed.unresolved,
                    },
                )
                continue
            yield Resource(
                type=CERT,
                id=arn.rsplit("/", 1)[-1],
                arn=arn,
                origin=live(api, api.region),
                properties={
                    "DomainName": c.get("DomainName"),
                    "CertificateTransparencyLoggingPreference": (c.get("Options") or {}).get(
                        "CertificateTransparencyLoggingPreference"
                    ),
                    SUPPLEMENTARY: {
                        "NotAfter": str(c.get("NotAfter") or "") or None,
                        "Status": c.get("Status"),
                        "Type": c.get("Type"),
                        "RenewalEligibility": c.get("RenewalEligibility"),
                        "InUseBy": c.get("InUseBy", []),
                    },
                },
            )
