"""The workload file: scope, sources and people for one review."""

from wasp.workload.file import WorkloadFile, load_workload, workload_template

__all__ = ["WorkloadFile", "load_workload", "workload_template"]
