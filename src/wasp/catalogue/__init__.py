"""The Security Pillar catalogue as data, and the framework mappings built on it."""

from wasp.catalogue.loader import load_catalogue

__all__ = ["load_catalogue"]
