"""Guidance links: each best practice's page in the AWS Well-Architected Security Pillar, built from the
catalogue's choice id (the page's name), never fetched."""

from __future__ import annotations

import re
from functools import cache

BASE = "https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/"
SLUG = re.compile(r"^sec_[a-z0-9_]+$")


@cache
def guidance_links() -> dict[str, str]:
    """Best practice id -> its guidance page URL (only for choice ids shaped like the documentation's names)."""
    from wasp.catalogue import load_catalogue

    return {
        bp.id: f"{BASE}{bp.choice_id}.html"
        for bp in load_catalogue().best_practices
        if SLUG.match(bp.choice_id)
    }
