"""A deterministic synthetic dossier root of N claims, for benchmarks and scale tests:
`python -m bench.synth --claims N --out DIR [--seed S]`, run from the repository's root.

Modules: __main__ (the command line), build (the dossier maker), sources, claims, text (the prose),
words (its vocabulary), dump (YAML out), site (mkdocs.yml and pages), proof (the generator's quote
matcher: the only module that imports the generator).
"""

from .build import MAX_CLAIMS, synthesize, write

__all__ = ["MAX_CLAIMS", "synthesize", "write"]
