"""One module per area (storage, network, compute, security): each maps its ``aws_*`` types in ``MAPPINGS``.

:mod:`wasp.iac.terraform.mapping` finds them by scanning this package; adding a module or an entry is all it takes.
"""
