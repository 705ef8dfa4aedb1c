"""Dated lifecycle tables: Lambda runtime deprecation and EKS end of standard support.

Dates as AWS publishes them (Lambda "Runtime deprecation policy", EKS "Kubernetes version lifecycle"), last
checked 2026-11-28. A runtime or version is out of support from its date on; one missing from a table is newer
than the table (or unknown) and is not failed for that. Update the tables when AWS announces new dates.
"""

from __future__ import annotations

from datetime import date

LAMBDA_DEPRECATED: dict[str, date] = {
    "nodejs": date(2016, 10, 31),
    "nodejs4.3": date(2020, 3, 5),
    "nodejs4.3-edge": date(2019, 4, 30),
    "nodejs6.10": date(2019, 8, 12),
    "nodejs8.10": date(2020, 3, 6),
    "nodejs10.x": date(2021, 7, 30),
    "nodejs12.x": date(2023, 3, 31),
    "nodejs14.x": date(2023, 12, 4),
    "nodejs16.x": date(2024, 6, 12),
    "nodejs18.x": date(2025, 9, 1),
    "nodejs20.x": date(2026, 4, 30),
    "nodejs22.x": date(2027, 4, 30),
    "python2.7": date(2021, 7, 15),
    "python3.6": date(2022, 7, 18),
    "python3.7": date(2023, 12, 4),
    "python3.8": date(2024, 10, 14),
    "python3.9": date(2025, 12, 15),
    "python3.10": date(2026, 6, 30),
    "python3.11": date(2026, 6, 30),
    "ruby2.5": date(2021, 7, 30),
    "ruby2.7": date(2023, 12, 7),
    "ruby3.2": date(2026, 3, 31),
    "ruby3.3": date(2027, 3, 31),
    "java8": date(2024, 1, 8),
    "java8.al2": date(2026, 6, 30),
    "java11": date(2026, 6, 30),
    "java17": date(2026, 6, 30),
    "dotnetcore1.0": date(2019, 7, 30),
    "dotnetcore2.0": date(2019, 5, 30),
    "dotnetcore2.1": date(2022, 1, 5),
    "dotnetcore3.1": date(2023, 4, 3),
    "dotnet5.0": date(2022, 5, 10),
    "dotnet6": date(2024, 12, 20),
    "dotnet7": date(2024, 5, 14),
    "dotnet8": date(2026, 11, 10),
    "go1.x": date(2024, 1, 8),
    "provided": date(2024, 1, 8),
    "provided.al2": date(2026, 6, 30),
}
"""Lambda runtime -> the date AWS deprecates it (no more security patches)."""

EKS_END_OF_STANDARD_SUPPORT: dict[str, date] = {
    "1.21": date(2023, 2, 15),
    "1.22": date(2023, 6, 4),
    "1.23": date(2023, 10, 11),
    "1.24": date(2024, 1, 31),
    "1.25": date(2024, 5, 1),
    "1.26": date(2024, 6, 11),
    "1.27": date(2024, 7, 24),
    "1.28": date(2024, 11, 26),
    "1.29": date(2025, 3, 23),
    "1.30": date(2025, 7, 23),
    "1.31": date(2025, 11, 26),
    "1.32": date(2026, 3, 23),
    "1.33": date(2026, 7, 29),
    "1.34": date(2026, 12, 2),
    "1.35": date(2027, 3, 27),
}
"""EKS Kubernetes version -> the end of its standard support (extended support is paid catch-up time)."""


def _minor(version: str) -> tuple[int, int] | None:
    parts = version.strip().split(".")
    try:
        return int(parts[0]), int(parts[1])
    except (IndexError, ValueError):
        return None


def eks_out_of_support(version: str, today: date) -> date | None:
    """The date ``version`` left standard support, if it has by ``today``; None while supported or newer.

    A version older than every entry is long out of support (its date is the oldest known one).
    """
    minor = _minor(version)
    if minor is None:
        return None
    key = f"{minor[0]}.{minor[1]}"
    if key in EKS_END_OF_STANDARD_SUPPORT:
        ended = EKS_END_OF_STANDARD_SUPPORT[key]
        return ended if ended <= today else None
    oldest = min(EKS_END_OF_STANDARD_SUPPORT, key=lambda k: _minor(k) or (0, 0))
    if minor < (_minor(oldest) or (0, 0)):
        return EKS_END_OF_STANDARD_SUPPORT[oldest]
    return None
