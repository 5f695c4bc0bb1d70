"""Development tools beside the product: the benchmark (bench.py) and the synthetic dossier
maker (synth/, `python -m bench.synth`). Not part of the `dossier` package."""
