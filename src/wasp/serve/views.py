"""Small pieces the pages share: the trend chart as inline SVG points, pagination, form parsing."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from wasp.errors import InputError

RISKS = ("high", "medium", "none", "unanswered", "not_applicable")


def trend(reviews: list[dict[str, Any]], width: int = 320, height: int = 90) -> dict[str, Any]:
    """High- and medium-risk question counts per review as polyline points (the history chart, no image)."""
    last = reviews[-20:]
    top = max([1, *(r["high_risk_questions"] for r in last), *(r["medium_risk_questions"] for r in last)])
    step = width / max(len(last) - 1, 1)

    def points(key: str) -> str:
        return " ".join(
            f"{i * step:.1f},{height - 10 - (r[key] / top) * (height - 20):.1f}" for i, r in enumerate(last)
        )

    return {
        "width": width,
        "height": height,
        "high": points("high_risk_questions"),
        "medium": points("medium_risk_questions"),
        "count": len(last),
        "label": ", ".join(
            f"{r['generated_at'][:10]}: {r['high_risk_questions']} high, {r['medium_risk_questions']} medium"
            for r in last
        ),
    }


def pages(total: int, page: int, per_page: int, query: dict[str, str]) -> dict[str, Any]:
    """Previous/next links keeping the filters."""
    count = max((total + per_page - 1) // per_page, 1)

    def link(n: int) -> str:
        return "?" + urlencode({**{k: v for k, v in query.items() if v}, "page": n})

    return {
        "page": page,
        "count": count,
        "prev": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if page < count else None,
    }


def parse_date(value: str | None, what: str) -> date | None:
    """A YYYY-MM-DD form field (empty: None); anything else is one clear error."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from exc


def counts(doc: dict[str, Any]) -> dict[str, int]:
    """Practices met, not met, not applicable and not assessed."""
    out = {"met": 0, "not_met": 0, "not_applicable": 0, "not_assessed": 0}
    for q in doc["questions"]:
        for bp in q["best_practices"]:
            out[bp["status"]] = out.get(bp["status"], 0) + 1
    return out
