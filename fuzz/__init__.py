"""``make fuzz``: coverage-guided fuzzing (atheris) of the input readers and the per-article analysis, and a
longer schemathesis run of the API. Targets in :mod:`fuzz.targets`, the driver in :mod:`fuzz.run`."""
