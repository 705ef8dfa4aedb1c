"""The built-in emulated AWS account (moto) with a realistic workload, for `wasp demo` and tests."""
