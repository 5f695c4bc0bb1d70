"""Unbounded work refused at once: hand-written pages that would keep Python-Markdown busy for
minutes (or crash it) get one line from `check` before Markdown sees them."""

from __future__ import annotations

import pytest

from generator.site.pages import page_problems
from generator.site.pagescan import MAX_DEPTH

PAGE = "content/pages/notes.md"
MiB = 1024 * 1024
MARKUP = (
    "the page holds too much inline markup (`*`, `_`, `\\`, `[`, `<`, `&`...) for the Markdown renderer: "
    "split its long paragraphs or the page"
)
BRACKETS = "the page holds too many unclosed or nested `[`, `![` or `(`: close them, or split the page"
NESTED = f"lists, quotes or admonitions nested more than {MAX_DEPTH} levels deep: flatten them"


@pytest.mark.parametrize(
    "body, where, message",
    [
        ("[" * (MiB - 16), "1:1", MARKUP),
        ("![" * (MiB // 2 - 16), "1:1", MARKUP),
        ("x[a](" * (MiB // 5), "1:1", MARKUP),
        ("\\" * (MiB - 16), "1:1", MARKUP),
        ("*_" * (MiB // 2 - 16), "1:1", MARKUP),
        ("intro\n\n" + ("*_" * 3000 + "\n\n") * 150, "11:1", MARKUP),
        (("[" * 100 + "]" * 100 + "\n\n") * 5000, "201:1", BRACKETS),
        (("[" * 30 + "\n\n") * 30000, "4301:1", BRACKETS),
        ("# h\n\n" * (MiB // 5), "601:1", "the page has more than 300 headings: split it into several pages"),
        ("Title\n=====\n\n" * 400, "902:1", "the page has more than 300 headings: split it into several pages"),
        (
            "<http://" * (MiB // 8),
            "1:8001",
            "the page has more than 1000 raw HTML tags or `<...>` links: split it into several pages",
        ),
        (
            "<div>\n" * 2000,
            "1001:1",
            "the page has more than 1000 raw HTML tags or `<...>` links: split it into several pages",
        ),
        (
            "!!! note\n" * (MiB // 9),
            "201:1",
            "the page has more than 200 admonitions (`!!!`): split it into several pages",
        ),
        ("".join("    " * i + "- x\n" for i in range(400)), "25:97", NESTED),
        ("- " * 400 + "x\n", "1:1", NESTED),
        ("1. " * 40 + "x\n", "1:1", NESTED),
        (">" * 4000 + " x\n", "1:1", NESTED),
        ("".join("    " * i + "!!! note\n" for i in range(30)), "25:97", NESTED),
    ],
    ids=lambda v: v[:12].replace("\n", "/") if isinstance(v, str) else None,
)
def test_pathological_pages_are_refused_before_markdown(body, where, message):
    assert [p.gcc() for p in page_problems(body, PAGE)] == [f"{PAGE}:{where}: error: {message}"]


def test_the_place_counts_the_front_matter():
    text = "---\ntitle: Notes\n---\n" + "- " * 400 + "x\n"
    assert [p.gcc() for p in page_problems(text, PAGE)] == [f"{PAGE}:4:1: error: {NESTED}"]


@pytest.mark.parametrize(
    "body",
    [
        # the two largest (a second or so each) in `make test` only
        pytest.param(
            ("Some words, a [link](https://example.org/a) and *emphasis*.\n\n") * 2000, marks=pytest.mark.slow
        ),
        "".join(f"## Part {n}\n\nText with `code` and **bold**.\n\n" for n in range(300)),
        pytest.param("| a | b |\n| --- | --- |\n" + "| [x](y) *z* | `w` |\n" * 5000, marks=pytest.mark.slow),
        "".join("    " * i + "- level\n" for i in range(MAX_DEPTH)),
        "!!! note\n    Inside.\n\n" * 200,
        "<div>x</div>\n\n" * 500,
    ],
    ids=["links", "headings", "table", "lists", "admonitions", "html"],
)
def test_a_large_ordinary_page_passes(body):
    assert [p.gcc() for p in page_problems(body, PAGE)] == []


# -- a page left out of the nav: `check` says so, not only the strict build ----------------------
NOT_IN_NAV = (
    "error: the page is not in mkdocs.yml's `nav`, so the strict build fails: add it (`- Title: {}`) or list it "
    "under `not_in_nav`"
)


@pytest.mark.parametrize(
    "config_edit, refused",
    [
        (None, True),
        (("  - Methodology: methodology.md\n", "  - Methodology: methodology.md\n  - New: new.md\n"), False),
        (("  - Methodology: methodology.md\n", "  - More:\n      - Deeper:\n          - new.md\n"), False),
        (("validation:\n", "not_in_nav: |\n  /new.md\nvalidation:\n"), False),
        (("  omitted_files: warn\n", "  omitted_files: info\n"), False),
        (("  omitted_files: warn\n", "  nav:\n    omitted_files: warn\n"), True),
    ],
    ids=["left-out", "listed", "nested", "not_in_nav", "info", "nav-omitted"],
)
def test_a_page_left_out_of_the_nav(dossier, edit, gcc, config_edit, refused):
    (dossier / "content/pages/new.md").write_text("# New\n", "utf-8")
    if config_edit:
        text = (dossier / "mkdocs.yml").read_text("utf-8")
        if config_edit[0] == "  - Methodology: methodology.md\n" and "Deeper" in config_edit[1]:
            config_edit = (config_edit[0], config_edit[0] + config_edit[1])
        edit(dossier / "mkdocs.yml", *config_edit)
        assert text != (dossier / "mkdocs.yml").read_text("utf-8")
    expected = [f"content/pages/new.md:1:1: {NOT_IN_NAV.format('new.md')}"] if refused else []
    assert gcc(dossier) == expected


def test_a_mkdocs_yml_nested_200000_deep_does_not_crash_the_check(dossier, gcc):
    # libyaml's parser overflows its stack on this (the process dies); the nav check reads
    # mkdocs.yml with the pure-Python loader, which raises RecursionError, and leaves the file to
    # the build to report.
    (dossier / "content/pages/new.md").write_text("# New\n", "utf-8")
    (dossier / "mkdocs.yml").write_text("[" * 200_000, "utf-8")
    assert gcc(dossier) == []


# -- combining marks: normalization stays linear; text in the YAML refuses zalgo runs ------------
ZALGO = "".join(("\u0301", "\u0316", "\u0334")[i % 3] for i in range(40))  # classes 230, 220, 1


def test_a_long_run_of_marks_is_composed_piece_by_piece_in_source_and_quote_alike():
    import unicodedata

    from generator.data import quotes
    from generator.data.normalize import normalize

    short = "e" + ZALGO[:30] + " x"
    assert normalize(short).text == unicodedata.normalize("NFC", short)  # up to 30 marks: NFC itself
    source = quotes.SourceText.of("He said: “h" + ZALGO * 2000 + "i there”.\n")
    found = quotes.find(source, "h" + ZALGO * 2000 + "i there")
    assert isinstance(found, quotes.Passage) and found.exact == "h" + ZALGO * 2000 + "i there"


@pytest.mark.parametrize(
    "value, at",
    [("Z" + ZALGO, 2), ("Calm words, then a" + "\u0300" * 31, 19), ("x \u20d0" + "\u1dc0" * 40, 3)],
    ids=["mixed-classes", "one-class", "other-blocks"],
)
def test_zalgo_in_the_yaml_is_refused(dossier, edit, gcc, pos, value, at):
    edit(dossier / "claims.yaml", "summary: The minister says the talks are finished for now.", f"summary: {value}")
    run = len(value) - at + 1
    assert (
        f"{pos(dossier, 'claims.yaml', 'summary: |' + value[:1])}: error: text contains a run of {run} combining "
        f"marks at character {at} (more than 30 on one letter); remove them"
    ) in gcc(dossier)


# -- a claim's stances times its evidence bound the size of every page that shows it --------------
@pytest.mark.parametrize("stances, evidence, refused", [(20, 20, True), (7, 9, True), (6, 10, False), (1, 20, False)])
def test_stances_times_evidence_is_bounded(dossier, gcc, pos, stances, evidence, refused):
    proposals = "".join(f"  - id: p{n}\n    title: P {n}\n    summary: S.\n" for n in range(stances))
    with (dossier / "content/proposals.yaml").open("a", encoding="utf-8") as fh:
        fh.write(proposals)
    items = "".join(
        f"      - {{source: alpha, text: finished for now, occurrence: 1, kind: direct-quote, id: e{n}}}\n"
        for n in range(evidence)
    )
    stance_map = ", ".join(f"p{n}: opposes" for n in range(stances))
    with (dossier / "claims.yaml").open("a", encoding="utf-8") as fh:
        fh.write(
            f"  - id: wide\n    actor: minister\n    stances: {{{stance_map}}}\n    said: {{basis: unknown}}\n"
            f"    summary: Wide.\n    evidence:\n{items}"
        )
    message = (
        f"error: {stances} stances × {evidence} evidence items, over the limit of 60 (each stance is shown with "
        "its evidence): split the claim"
    )
    found = [line for line in gcc(dossier) if "evidence items, over the limit of 60" in line]
    where = pos(dossier, "claims.yaml", "    stances: |{p0", 1)
    assert found == ([f"{where}: {message}"] if refused else [])


# -- the quote matcher: a text everywhere in its source is refused at once ------------------------
@pytest.mark.parametrize("occurrence", [None, 1, 500_000])
def test_a_text_that_occurs_everywhere_is_refused(occurrence):
    from generator.data import quotes

    source = quotes.SourceText.of("the " * 200_000)
    found = quotes.find(source, "the", occurrence=occurrence)
    assert isinstance(found, quotes.Miss)
    assert found.message == (
        "evidence text occurs more than 10,000 times in the source: quote more of the passage, so that it is rarer"
    )


def test_ten_thousand_occurrences_may_still_be_cited():
    from generator.data import quotes

    source = quotes.SourceText.of("the " * 10_000)
    found = quotes.find(source, "the", occurrence=10_000)
    assert isinstance(found, quotes.Passage) and found.start == 4 * 9_999


# -- headings never take the form of a generated anchor (no two elements with one id) -------------
@pytest.mark.parametrize(
    "heading, slug",
    [("Claim ghost", "h-claim-ghost"), ("Q 1 2", "h-q-1-2"), ("Cited q 3", "h-cited-q-3"), ("H claim", "h-h-claim"),
     ("Claims", "claims"), ("Quiet", "quiet")],
)  # fmt: skip
def test_heading_ids_keep_out_of_the_generated_anchors(heading, slug):
    from generator.site.pages import render_page

    _, clean = render_page(f"# Page\n\n## {heading}\n", PAGE)
    assert f'<h2 id="{slug}">' in clean


@pytest.mark.slow  # builds the site
def test_a_proposal_titled_like_a_claim_anchor_makes_no_duplicate_id(dossier, edit):
    import collections
    import re

    from generator import api

    edit(dossier / "content/proposals.yaml", "title: A border deal", "title: Claim minister talks finished")
    api.build(dossier)
    for page in (dossier / "site").rglob("*.html"):
        ids = collections.Counter(re.findall(r'\bid="([^"]+)"', page.read_text("utf-8")))
        assert [i for i, n in ids.items() if n > 1] == [], page
