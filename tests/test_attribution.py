"""Attribution, round two: what a card highlights of a cut quote, the bases of a stance, the
headline as a stance's only ground, corrections and old ids only after publication, occasions.

Expectations are written out by hand: the pieces, the messages at their FILE:LINE:COL.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from generator import api
from generator.data.quotes import Passage, SourceText, find
from generator.site.views import context_pieces
from tests.refresh_golden import unpacked

INTERRUPTED = 'Title\n"We are not," he said,\u00a0 "discussing   this." Then he left.\n'


def test_the_card_highlights_the_parts_of_a_cut_quote_not_the_cut_words():
    found = find(SourceText.of(INTERRUPTED), "We are not, ... discussing this.")
    assert isinstance(found, Passage)
    assert context_pieces(found) == (
        ("We are not,", True),
        ('" he said, "', False),
        ("discussing this.", True),
    )


def test_a_whole_quote_is_one_highlighted_piece():
    found = find(SourceText.of(INTERRUPTED), "discussing this.")
    assert isinstance(found, Passage)
    assert context_pieces(found) == (("discussing this.", True),)


# -- a stance never rests on a headline alone -------------------------------------------------

C, S = "claims.yaml", "content/sources.yaml"
TALKS = "    stances: {border-deal: skeptical}\n"
TALKS_EVIDENCE = "        text: finished for now\n        occurrence: 1\n        kind: direct-quote\n"
HEADLINE_ONLY = (
    "error: this stance rests only on a headline (line {line} of source `{source}`): a headline is the outlet's, "
    "never the speaker's; rest the stance on the body's words (`rests_on` an item of the body), or remove the "
    "stance and keep the headline as `framing` evidence"
)
OUTLETS_ACCOUNT = (
    "warning: this stance rests only on the outlet's account (framing or paraphrase), not on the speaker's words: "
    "cite their words, or mark it with `outlets_account: true` so the site says so"
)


def headline_claim(dossier, edit, text: str, kind: str) -> None:
    edit(dossier / C, TALKS_EVIDENCE, f"        text: {text}\n        kind: {kind}\n")


@pytest.mark.parametrize(
    "text", ["the border talks are over", "Minister says the border talks", "Minister says the border talks are over"]
)
def test_a_stance_on_the_headline_recorded_as_framing_is_an_error(dossier, edit, gcc, pos, text):
    headline_claim(dossier, edit, text, "framing")
    assert gcc(dossier) == [
        f"{pos(dossier, C, '{|border-deal: skeptical}')}: " + HEADLINE_ONLY.format(line=1, source="alpha")
    ]


@pytest.mark.parametrize("kind", ["reported-speech", "paraphrase"])
def test_a_headline_recorded_as_the_speakers_is_an_error_at_its_kind_and_gives_no_stance(dossier, edit, gcc, pos, kind):
    headline_claim(dossier, edit, "the border talks are over", kind)
    assert gcc(dossier) == [
        f"{pos(dossier, C, '{|border-deal: skeptical}')}: " + HEADLINE_ONLY.format(line=1, source="alpha"),
        f"{pos(dossier, C, f'kind: |{kind}', 1)}: error: this passage is the source's headline (line 1), which is the "
        "outlet's framing whatever it reports: use kind `framing`",
    ]


def test_a_stance_resting_on_the_headline_by_rests_on_is_an_error(dossier, edit, gcc, pos):
    edit(dossier / C, TALKS, "    stances: {border-deal: {stance: skeptical, rests_on: [head]}}\n")
    edit(
        dossier / C,
        TALKS_EVIDENCE,
        TALKS_EVIDENCE + "      - id: head\n        source: alpha\n        text: the border talks are over\n"
        "        kind: framing\n",
    )
    assert gcc(dossier) == [
        f"{pos(dossier, C, '{|border-deal: {stance')}: " + HEADLINE_ONLY.format(line=1, source="alpha")
    ]


def test_a_headline_beside_the_speakers_words_is_fine(dossier, edit, check):
    edit(
        dossier / C,
        TALKS_EVIDENCE,
        TALKS_EVIDENCE + "      - source: alpha\n        text: the border talks are over\n        kind: framing\n",
    )
    d, problems = check(dossier)
    assert problems == [] and d.claims["minister-talks-finished"].stances[0].basis == "quoted"


def test_the_headline_after_a_dateline_is_found_by_the_title(dossier, edit, gcc, pos, sha256):
    text = dossier / "content/sources/alpha.txt"
    text.write_bytes(b"Tuesday 5 March 2024\nThe Example Times\n\n" + text.read_bytes())
    edit(dossier / S, "285934e673d4eb2dc6533db6105ced52077d78126a77347957aed7a9a8bbd215", sha256(text))
    headline_claim(dossier, edit, "the border talks are over", "framing")
    assert gcc(dossier, severity="error") == [
        f"{pos(dossier, C, '{|border-deal: skeptical}')}: " + HEADLINE_ONLY.format(line=4, source="alpha")
    ]


# -- a lead recorded as framing is the outlet's account; reported speech needs no acknowledgement


def test_a_stance_on_the_lead_recorded_as_framing_is_the_outlets_account(dossier, edit, gcc, pos, check):
    headline_claim(dossier, edit, "The minister said on Tuesday that the talks were", "framing")
    assert gcc(dossier) == [f"{pos(dossier, C, '{|border-deal: skeptical}')}: {OUTLETS_ACCOUNT}"]
    edit(dossier / C, TALKS, "    stances: {border-deal: {stance: skeptical, outlets_account: true}}\n")
    d, problems = check(dossier)
    assert problems == [] and d.claims["minister-talks-finished"].stances[0].basis == "outlets-account"


def test_a_stance_on_reported_speech_needs_no_acknowledgement(dossier, edit, gcc, pos, check):
    envoy = "binding-guarantees: supports,"
    edit(dossier / C, envoy, "binding-guarantees: {stance: supports, rests_on: [gist]},")
    d, problems = check(dossier)
    assert problems == [] and d.claims["envoy-guarantees"].stances[0].basis == "reported"
    edit(dossier / C, "rests_on: [gist]}", "rests_on: [gist], outlets_account: true}")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'outlets_account: |true')}: error: `outlets_account: true` but this stance rests on "
        "reported speech (the speaker's words as the outlet reports them): remove the line"
    ]


# -- corrections and old ids start at publication ---------------------------------------------

ADDED = '    added: "2024-03-10"\n'
MODELINE = "# yaml-language-server: $schema=../generator/schema/dossier.schema.json\n"
NEVER = (
    "error: a correction, but the dossier has never been published: before publication, history belongs to "
    "version control; remove the entry, or record the first publication in content/dossier.yaml "
    "(`dossier: {published: YYYY-MM-DD}`) if it happened"
)


def publish(root, day: str) -> None:
    (root / "content" / "dossier.yaml").write_text(f'{MODELINE}dossier:\n  published: "{day}"\n', "utf-8")


def correct(dossier, edit, *days: str) -> None:
    fixes = "".join(
        f'      - date: "{day}"\n        change: Summary reworded.\n        reason: Closer.\n' for day in days
    )
    edit(dossier / C, ADDED, ADDED + "    corrections:\n" + fixes)


def test_a_correction_on_a_dossier_never_published_is_an_error_at_the_entry(dossier, edit, gcc, pos):
    correct(dossier, edit, "2024-03-12", "2024-03-14")
    assert gcc(dossier) == [
        pos(dossier, C, '- |date: "2024-03-12') + f": {NEVER}",
        pos(dossier, C, '- |date: "2024-03-14') + f": {NEVER}",
    ]


def test_an_empty_dossier_file_is_never_published_too(dossier, edit, gcc, pos):
    (dossier / "content" / "dossier.yaml").write_text(f"{MODELINE}dossier: {{}}\n", "utf-8")
    correct(dossier, edit, "2024-03-12")
    assert gcc(dossier) == [pos(dossier, C, '- |date: "2024-03-12') + f": {NEVER}"]


def test_a_correction_before_the_first_publication_is_an_error_at_its_date(dossier, edit, gcc, pos, check):
    publish(dossier, "2024-03-13")
    correct(dossier, edit, "2024-03-12", "2024-03-13", "2024-03-20")
    assert gcc(dossier) == [
        pos(dossier, C, 'date: |"2024-03-12') + ": error: a correction dated 2024-03-12, before the dossier's first "
        "publication (2024-03-13): before publication, history belongs to version control; remove the entry"
    ]
    edit(dossier / C, '      - date: "2024-03-12"\n        change: Summary reworded.\n        reason: Closer.\n', "")
    d, problems = check(dossier)
    assert problems == [] and d.published == "2024-03-13"
    assert [fix.date for _, fix in d.corrections] == ["2024-03-20", "2024-03-13"]


@pytest.mark.parametrize(
    "rel, anchor, token",
    [
        (C, "  - id: spokesman-finished\n", "spokesman-said-finished"),
        (S, "  - id: beta\n", "interview"),
        ("content/actors.yaml", "  - id: envoy\n", "the-envoy"),
        ("content/proposals.yaml", "  - id: border-deal\n", "border-agreement"),
    ],
    ids=["claim", "source", "actor", "proposal"],
)
def test_an_old_id_on_a_dossier_never_published_is_an_error(dossier, edit, gcc, pos, check, rel, anchor, token):
    edit(dossier / rel, anchor, f"{anchor}    formerly: [{token}]\n")
    assert gcc(dossier) == [
        f"{pos(dossier, rel, f'formerly: [|{token}]')}: error: `formerly` names `{token}`, but the dossier has never "
        "been published: only published ids keep their addresses, and before publication history belongs to "
        "version control; remove it"
    ]
    publish(dossier, "2024-03-13")
    assert check(dossier)[1] == []


# -- claims of one occasion are simultaneous --------------------------------------------------


def test_claims_of_one_occasion_must_have_the_same_said(dossier, edit, gcc, pos, check, line_of):
    edit(
        dossier / C, "  - id: minister-talks-finished\n", "  - id: minister-talks-finished\n    occasion: press-talk\n"
    )
    edit(dossier / C, "  - id: minister-no-village\n", "  - id: minister-no-village\n    occasion: press-talk\n")
    edit(dossier / C, "  - id: spokesman-finished\n", "  - id: spokesman-finished\n    occasion: press-talk\n")
    first = line_of(dossier / C, "  - id: minister-talks-finished")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'occasion: |press-talk', 2)}: error: claims of one occasion are simultaneous, but this "
        f"one is said `2024-03` and `minister-talks-finished` (claims.yaml:{first}), of the same occasion "
        "`press-talk`, is said `2024-03-05`: give them the same `said`, or name different occasions",
        f"{pos(dossier, C, 'occasion: |press-talk', 3)}: error: claims of one occasion are simultaneous, but this "
        f"one is said with no date and `minister-talks-finished` (claims.yaml:{first}), of the same occasion "
        "`press-talk`, is said `2024-03-05`: give them the same `said`, or name different occasions",
    ]
    edit(
        dossier / C,
        '    said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The minister',
        '    said: {date: "2024-03-05", basis: inferred, reason: The same talk.}\n    summary: The minister',
    )
    edit(
        dossier / C,
        "    occasion: press-talk\n    actor: spokesman",
        "    occasion: spokesman-call\n    actor: spokesman",
    )
    d, problems = check(dossier)
    assert problems == [] and {c.occasion for c in d.claims.values()} == {"press-talk", "spokesman-call", None}


@pytest.mark.slow  # builds the site
def test_a_published_dossier_keeps_the_addresses_of_renamed_ids(dossier, edit):
    publish(dossier, "2024-03-13")
    edit(dossier / S, "  - id: beta\n", "  - id: beta\n    formerly: [interview]\n")
    edit(dossier / C, "  - id: envoy-guarantees\n", "  - id: envoy-guarantees\n    formerly: [envoy-signs]\n")
    api.build(dossier)
    moved = (dossier / "site" / "sources" / "interview.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=beta.html">' in moved
    assert '<a href="beta.html">' in moved
    actor = (dossier / "site" / "actors" / "envoy.html").read_text("utf-8")
    assert actor.count('id="claim-envoy-signs"') == 1
    data = json.loads(unpacked(dossier / "site" / "data" / "claims.json.xz"))
    assert {c["id"]: c["formerly"] for c in data["claims"]}["envoy-guarantees"] == ["envoy-signs"]


# -- the corrections page and feed say what they are -----------------------------------------


def corrections_page(root) -> tuple[str, str]:
    api.generate(root)
    docs = root / api.DOCS_DIR
    page = (docs / "corrections.md").read_text("utf-8")
    feeds = [p for p in docs.rglob("corrections.atom")]
    return page, feeds[0].read_text("utf-8") if feeds else ""


def test_an_unpublished_dossier_says_it_has_no_corrections(dossier):
    page, feed = corrections_page(dossier)
    assert "<p>The dossier has not been published yet, so it has no corrections.</p>" in page
    assert "once the dossier is published, every change made to a claim afterwards is listed here" in page
    assert (
        "<subtitle>The public log of corrections to the claims of Ukraine, NATO and security guarantees: who said "
        "what after its first publication. It has not been published yet, so it has no corrections.</subtitle>"
    ) in feed


def test_a_published_dossier_without_corrections_says_since_when(dossier):
    publish(dossier, "2024-03-13")
    page, feed = corrections_page(dossier)
    assert (
        '<p>The dossier has no corrections since its publication on <time datetime="2024-03-13">2024-03-13</time>.</p>'
    ) in page
    assert "every change made to a claim since the dossier was first published, on <time" in page
    assert "since its first publication on 2024-03-13, newest first.</subtitle>" in feed
    assert "<updated>2024-03-13T00:00:00Z</updated>" in feed and "<entry>" not in feed


def test_a_published_dossier_lists_its_corrections(dossier, edit):
    publish(dossier, "2024-03-13")
    correct(dossier, edit, "2024-03-14")
    page, feed = corrections_page(dossier)
    assert '<tr><td><time datetime="2024-03-14">2024-03-14</time></td>' in page and "no corrections" not in page
    assert feed.count("<entry>") == 1 and "<updated>2024-03-14T00:00:00Z</updated>" in feed


# -- the exports carry the bases, the occasion, the cut and the publication ------------------


def exports(root) -> tuple[dict, list[dict]]:
    api.generate(root)
    data = root / api.DOCS_DIR / "data"
    rows = list(csv.DictReader(io.StringIO(unpacked(data / "claims.csv.zip").decode("utf-8"))))
    return json.loads(unpacked(data / "claims.json.xz")), rows


def test_claims_json_and_csv_carry_the_three_bases_and_the_cut(dossier, edit):
    edit(
        dossier / C,
        '        text: "\\"We will not give up a single village,\\" she told reporters. \\"Not one... not today.\\""\n'
        "        kind: reported-speech\n",
        '        text: "We will not give up a single village, ... Not one"\n        kind: direct-quote\n',
    )
    edit(dossier / C, "  - id: envoy-guarantees\n", "  - id: envoy-guarantees\n    occasion: envoy-interview\n")
    edit(dossier / C, "binding-guarantees: supports,", "binding-guarantees: {stance: supports, rests_on: [gist]},")
    data, rows = exports(dossier)
    assert (data["format_version"], data["published"]) == ("2.3.0", None)
    claims = {c["id"]: c for c in data["claims"]}
    claim = claims["envoy-guarantees"]
    assert claim["occasion"] == "envoy-interview" and claims["minister-no-village"]["occasion"] is None
    assert [(s["proposal"], s["basis"]) for s in claim["stances"]] == [
        ("binding-guarantees", "reported"),
        ("border-deal", "quoted"),
    ]
    assert [ev["basis"] for ev in claim["evidence"]] == ["quoted", "reported"]
    text = (dossier / "content/sources/alpha.txt").read_text("utf-8")
    parts = claims["minister-no-village"]["evidence"][0]["selector"]["parts"]
    assert [text[a:b] for a, b in parts] == ["We will not give up a single village,", "Not one"]
    card = (dossier / api.DOCS_DIR / "actors" / "minister.md").read_text("utf-8")
    assert (
        "<mark>We will not give up a single village,</mark>” she told reporters. “<mark>Not one</mark>… not today.”"
    ) in card
    envoy = [r for r in rows if r["claim_id"] == "envoy-guarantees"]
    assert {r["stances"] for r in envoy} == {"binding-guarantees:supports (reported); border-deal:conditional"}
    assert [(r["occasion"], r["evidence_basis"]) for r in envoy] == [
        ("envoy-interview", "quoted"),
        ("envoy-interview", "reported"),
    ]


def test_a_headline_gives_the_outlets_account_in_the_exports(dossier, edit):
    edit(dossier / C, TALKS, "    stances: {border-deal: {stance: skeptical, outlets_account: true}}\n")
    headline_claim(dossier, edit, "The minister said on Tuesday that the talks were", "framing")
    edit(
        dossier / C,
        "        text: The minister said on Tuesday that the talks were\n        kind: framing\n",
        "        text: The minister said on Tuesday that the talks were\n        kind: framing\n"
        "      - source: alpha\n        text: the border talks are over\n        kind: framing\n",
    )
    data, rows = exports(dossier)
    claim = {c["id"]: c for c in data["claims"]}["minister-talks-finished"]
    assert [ev["basis"] for ev in claim["evidence"]] == ["outlets-account", "outlets-account"]
    assert {r["stances"] for r in rows if r["claim_id"] == "minister-talks-finished"} == {
        "border-deal:skeptical (outlet's account)"
    }


def test_a_first_publication_in_the_future_is_an_error(dossier, edit, gcc, pos):
    publish(dossier, "2026-12-01")
    correct(dossier, edit, "2026-11-01")
    assert gcc(dossier) == [
        pos(dossier, C, '- |date: "2026-11-01') + f": {NEVER}",  # so it is not published yet
        "content/dossier.yaml:3:14: error: `2026-12-01` is in the future: record the first publication once it has "
        "happened",
    ]


@pytest.mark.parametrize(
    "stances",
    [
        "{border-deal: {stance: skeptical, rests_on: [[x], {y: 1}]}}",
        "{border-deal: {stance: skeptical, rests_on: 7}}",
        "{border-deal: [skeptical]}",
    ],
    ids=["rests-on-lists", "rests-on-number", "stance-list"],
)
def test_misshapen_stances_are_the_schemas_to_report_never_a_crash(dossier, edit, check, stances):
    edit(dossier / C, TALKS, f"    stances: {stances}\n")
    edit(dossier / C, "        kind: direct-quote\n    added", "        kind: [direct-quote]\n    added")
    d, problems = check(dossier)
    assert d is None and problems and all(p.severity in ("error", "warning") for p in problems)
