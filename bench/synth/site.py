"""The files that make a synthetic dossier root a site of its own: mkdocs.yml and the two
hand-written pages a dossier has (here written from templates, with the dossier's numbers).

Nothing is read from this repository and no absolute path is written, so the root can be moved,
copied to another machine or archived. `dossier build` adds the generator's MkDocs hooks itself.
"""

from __future__ import annotations

from . import proof

# As the repository's mkdocs.yml (theme, plugins, extensions, validation, navigation) less its
# `hooks:` (a path into the repository) and the !ENV site address and edit links.
MKDOCS = """\
# The MkDocs configuration of a synthetic dossier written by `python -m bench.synth`.
# `dossier build` generates the pages into docs_dir, then runs `mkdocs build --strict` with it.
site_name: "Synthetic dossier: {claims} claims (seed {seed})"
site_description: Made-up statements generated for benchmarks and scale tests; no real events or people.
docs_dir: .dossier/docs
site_dir: site
use_directory_urls: false

theme:
  name: material
  language: en
  font: false  # no request to Google Fonts: the site works offline
  features:
    - navigation.instant
    - navigation.indexes
    - navigation.prune
    - navigation.top
    - content.action.edit
  # One palette, as a mapping: a list (even of one) adds a palette switcher's form and script to every page.
  palette:
    scheme: default
    primary: indigo
    accent: indigo

# No Material search plugin: the header's search is Pagefind's, its index made by `dossier build`
# (the empty list matters: without a `plugins` key MkDocs turns the lunr search on by itself).
plugins: []

markdown_extensions:
  - toc:
      permalink: true
  - tables
  - admonition
  - attr_list

extra_css:
  - assets/dossier.css

extra_javascript:
  - assets/dossier.js

validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn

not_in_nav: |
  /actors/*.md
  /proposals/*.md
  /sources/*.md

nav:
  - Home: index.md
  - Introduction: introduction.md
  - Methodology: methodology.md
  - Actors: actors/index.md
  - Proposals: proposals/index.md
  - Sources: sources/index.md
  - Timeline: timeline.md
  - Grid: grid.md
  - Corrections: corrections.md
"""

INTRODUCTION = """\
# Introduction

A synthetic dossier, written by `python -m bench.synth --claims {claims} --seed {seed}` to measure
how the generator scales. Its sources, actors, proposals and claims are made up from word lists;
they describe no real events and quote no real people.

It holds {claims} claims by {actors} actors on {proposals} proposals, proven against {sources} stored
sources — in English, Ukrainian («українською») and Russian («по-русски»).
"""

METHODOLOGY = """\
# Methodology

Everything here is generated from one random seed ({seed}); the same seed gives the same files.

## Sources

Each source is a stored text of 2 to 10 KB: a headline and paragraphs of quoted speech, reported
speech and narration. Some texts are wrapped, decomposed (Unicode NFD), end their lines with CRLF or
begin with a byte-order mark; some sentences repeat within a text.

## Claims

Each claim is a statement by one actor, with a stance toward one or more proposals. Its evidence is
a passage cut from a source at word boundaries: the speaker's own quoted words (a direct quote),
other words of the text (reported speech) or the headline (a paraphrase). Where a passage occurs
more than once in its source, the claim names the words before it (`prefix`) or its number
(`occurrence`).

## How quotes are verified

Every evidence text is checked against the stored text of its source, character by character, after
both are normalized the same way (the only differences the check forgives):

{normalizations}
"""


def mkdocs_config(claims: int, seed: int) -> str:
    return MKDOCS.format(claims=claims, seed=seed)


def introduction(claims: int, seed: int, actors: int, proposals: int, sources: int) -> str:
    return INTRODUCTION.format(claims=claims, seed=seed, actors=actors, proposals=proposals, sources=sources)


def methodology(seed: int) -> str:
    listed = "\n".join(f"- {rule};" for rule in proof.NORMALIZATIONS)
    return METHODOLOGY.format(seed=seed, normalizations=listed[:-1] + ".")
