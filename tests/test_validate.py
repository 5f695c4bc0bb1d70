"""Cross-checks: references, dates, source files and hashes, unused items — exact messages at
the right line, and every problem of a dossier in one run."""

from __future__ import annotations

import datetime as dt
import os

import pytest

C, S, A, P = "claims.yaml", "content/sources.yaml", "content/actors.yaml", "content/proposals.yaml"


def published(root, day: str = "2024-03-20") -> None:
    modeline = "# yaml-language-server: $schema=../generator/schema/dossier.schema.json\n"
    (root / "content" / "dossier.yaml").write_text(f'{modeline}dossier:\n  published: "{day}"\n', "utf-8")


CITING_ALPHA = "(cited by 3 claims: minister-talks-finished, minister-no-village, spokesman-finished)"


def test_the_fixture_is_clean(dossier, check):
    model, problems = check(dossier)
    assert problems == []
    assert sorted(model.claims) == [
        "envoy-guarantees",
        "minister-no-village",
        "minister-talks-finished",
        "spokesman-finished",
    ]


# -- references -------------------------------------------------------------------------------


def test_unknown_actor_at_the_actor_line(dossier, edit, gcc, pos):
    edit(dossier / C, "    actor: envoy", "    actor: envoi")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'actor: |envoi')}: error: unknown actor `envoi`: add it to content/actors.yaml or correct "
        "the id",
        f"{pos(dossier, A, 'id: |envoy')}: warning: actor `envoy` is not cited by any claim",
    ]


def test_unknown_proposal_in_stances_at_the_key(dossier, edit, gcc, pos):
    edit(dossier / C, "{border-deal: neutral}", "{border-dael: neutral}")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'border-dael')}: error: unknown proposal `border-dael`: add it to content/proposals.yaml "
        "or correct the id"
    ]


def test_unknown_source_in_evidence(dossier, edit, gcc, pos):
    edit(dossier / C, "      - id: gist\n        source: beta", "      - id: gist\n        source: gamma")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'source: |gamma')}: error: unknown source `gamma`: add it to content/sources.yaml or "
        "correct the id"
    ]


def test_unknown_source_in_an_actor_role(dossier, edit, gcc, pos):
    edit(dossier / A, "sources: [alpha]", "sources: [alpha, gamma]")
    assert gcc(dossier) == [
        f"{pos(dossier, A, 'gamma')}: error: unknown source `gamma`: add it to content/sources.yaml or correct the id"
    ]


def test_unknown_related_proposal(dossier, edit, gcc, pos):
    edit(dossier / P, "{proposal: binding-guarantees,", "{proposal: binding-guarantee,")
    assert gcc(dossier) == [
        f"{pos(dossier, P, 'binding-guarantee,')}: error: unknown proposal `binding-guarantee`: "
        "add it to content/proposals.yaml or correct the id"
    ]


def test_duplicate_claim_id_names_the_first(dossier, edit, gcc, pos, line_of):
    edit(dossier / C, "  - id: spokesman-finished", "  - id: minister-talks-finished")
    first = line_of(dossier / C, "id: minister-talks-finished")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'minister-talks-finished', nth=2)}: error: duplicate id `minister-talks-finished` "
        f"(first at line {first}): ids must be unique"
    ]


def test_duplicate_evidence_id(dossier, edit, gcc, pos):
    edit(dossier / C, "      - id: gist", "      - id: quote")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'id: |quote', nth=2)}: error: duplicate evidence id `quote` in this claim"
    ]


def test_see_also_to_a_missing_claim(dossier, edit, gcc, pos):
    edit(dossier / C, "see_also: [minister-no-village]", "see_also: [minister-no-vilage]")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'minister-no-vilage')}: error: `see_also` names `minister-no-vilage`, which is not a "
        "claim id"
    ]


def test_see_also_to_itself(dossier, edit, gcc, pos):
    edit(dossier / C, "see_also: [minister-no-village]", "see_also: [envoy-guarantees]")
    assert gcc(dossier) == [
        f"{pos(dossier, C, '[|envoy-guarantees]')}: error: `see_also` names `envoy-guarantees`, which is this claim"
    ]


def test_translation_of_a_missing_evidence_id(dossier, edit, gcc, pos):
    edit(dossier / C, "      - id: gist\n", "      - id: gist\n        translation_of: qoute\n")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'qoute')}: error: `translation_of` names `qoute`, which is not the id of another evidence "
        "item of this claim"
    ]


def test_translation_of_an_existing_evidence_id_is_fine(dossier, edit, check):
    edit(dossier / C, "      - id: gist\n", "      - id: gist\n        translation_of: quote\n")
    model, problems = check(dossier)
    assert problems == []
    claim = model.claims["envoy-guarantees"]
    assert claim.translation_partner(claim.evidence[0]) is claim.evidence[1]


# -- dates ------------------------------------------------------------------------------------

SAID_2 = 'said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The minister refuses'


FEB_30 = '"2023-02-30" is not a valid EDTF date: February 2023 has no day 30 (it has 28); check the day'
HINT = "write YYYY, YYYY-MM, YYYY-MM-DD or an interval START/END (e.g. 2022-03-14/2022-03-17)"


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2023-02-30", '"2023-02-30" is not a valid EDTF date: February 2023 has no day 30 (it has 28); check the day'),
        ("2024-13", f'"2024-13" is not a valid EDTF date: month 13 does not exist; {HINT}'),
        ("2024-04-31", '"2024-04-31" is not a valid EDTF date: April 2024 has no day 31 (it has 30); check the day'),
        ("2024-00", f'"2024-00" is not a valid EDTF date: month 00 does not exist; {HINT}'),
        (
            "2022-03-17/2022-03-14",
            '"2022-03-17/2022-03-14" is not a valid EDTF date: it starts (2022-03-17) after it '
            "ends (2022-03-14); write the earlier date first",
        ),
    ],
)
def test_a_date_that_does_not_exist(dossier, edit, gcc, pos, date, message):
    edit(dossier / C, SAID_2, f'said: {{date: "{date}", basis: stated}}\n    summary: The minister refuses')
    at = pos(dossier, C, f'"{date}"')  # a quoted value starts at its opening quote
    assert gcc(dossier) == [f"{at}: error: {message}"]


def test_an_interval_date_is_accepted_and_ordered(dossier, edit, check):
    edit(dossier / C, SAID_2, 'said: {date: "2024-03-01/2024-03-04", basis: stated}\n    summary: The minister refuses')
    model, problems = check(dossier)
    assert problems == []
    said = model.claims["minister-no-village"].said.interval
    assert (said.lower.isoformat(), said.upper.isoformat(), said.kind) == ("2024-03-01", "2024-03-04", "interval")


def test_leap_day_exists(dossier, edit, gcc):
    edit(dossier / C, SAID_2, 'said: {date: "2024-02-29", basis: stated}\n    summary: The minister refuses')
    assert gcc(dossier) == []


@pytest.mark.parametrize(
    "date, future",
    [
        ("2026-11-23", False),  # today
        ("2026-11-24", True),
        ("2026-11", False),  # this month
        ("2026-12", True),
        ("2026", False),
        ("2027", True),
    ],
)
def test_a_date_in_the_future(dossier, edit, gcc, pos, date, future):
    edit(dossier / C, '    added: "2024-03-10"', f'    added: "{date}"')
    at = pos(dossier, C, f'"{date}"')
    expected = [f"{at}: error: `{date}` is in the future"] if future else []
    assert gcc(dossier) == expected


def test_future_is_relative_to_the_given_today(dossier, check):
    # The fixture's latest date is `added: "2024-03-10"`.
    _, problems = check(dossier, today=dt.date(2024, 3, 9))
    assert [p.message for p in problems] == ["`2024-03-10` is in the future"]


def test_said_after_the_source_was_published(dossier, edit, gcc, pos):
    edit(dossier / C, "said: {basis: unknown}", 'said: {date: "2024-03-06", basis: stated}')
    at = pos(dossier, C, '"2024-03-06"')
    assert gcc(dossier) == [
        f"{at}: error: said 2024-03-06, after source `alpha` was published (2024-03-05): correct the date or the source"
    ]


def test_said_within_the_publication_month_is_fine(dossier, edit, gcc):
    # beta is published "2024-03": any day of March is possible.
    edit(
        dossier / C,
        'said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The envoy',
        'said: {date: "2024-03-31", basis: stated}\n    summary: The envoy',
    )
    assert gcc(dossier) == []


def test_role_ending_before_it_begins(dossier, edit, gcc, pos):
    edit(
        dossier / A,
        "      - title: Minister of Borders\n",
        '      - title: Minister of Borders\n        from: "2022-05"\n        until: "2021"\n',
    )
    until = pos(dossier, A, 'until: |"2021')
    assert gcc(dossier) == [f"{until}: error: role ends (2021) before it begins (2022-05)"]


# -- source files -----------------------------------------------------------------------------


def test_source_file_missing_lists_the_citing_claims(dossier, gcc, pos):
    (dossier / "content/sources/alpha.txt").unlink()
    assert gcc(dossier) == [
        f"{pos(dossier, S, 'file: |alpha.txt')}: error: `content/sources/alpha.txt` does not exist {CITING_ALPHA}: "
        "add the file or correct `file`"
    ]


def test_a_source_file_that_is_a_link_to_nothing(dossier, gcc, pos):
    beta = dossier / "content/sources/beta.txt"
    beta.unlink()
    os.symlink("gone.txt", beta)
    assert gcc(dossier) == [
        f"{pos(dossier, S, 'file: |beta.txt')}: error: `content/sources/beta.txt` is a symbolic link that "
        "leads nowhere: store the file itself there"
    ]


def test_sha256_mismatch_lists_the_citing_claims(dossier, gcc, pos, sha256):
    beta = dossier / "content/sources/beta.txt"
    beta.write_bytes(beta.read_bytes().replace(b"binding", b"blinding"))
    digest = sha256(beta)
    assert gcc(dossier) == [
        f"{pos(dossier, S, 'sha256: |7e03cf')}: error: `content/sources/beta.txt` has sha256 {digest[:12]}…, "
        "not the recorded 7e03cf1fff92…: the text changed (cited by 1 claim: envoy-guarantees); "
        "sources are never edited: restore it or add the new text as a new source"
    ]


def test_symlink_pointing_outside_is_refused(dossier, tmp_path, gcc, pos):
    outside = tmp_path / "outside.txt"
    beta = dossier / "content/sources/beta.txt"
    outside.write_bytes(beta.read_bytes())  # same bytes: only the link is wrong
    beta.unlink()
    os.symlink(outside, beta)
    assert gcc(dossier) == [
        f"{pos(dossier, S, 'file: |beta.txt')}: error: `content/sources/beta.txt` is a symbolic link to a place "
        "outside "
        "the dossier root: store the file itself inside the root"
    ]


def test_symlinked_directory_pointing_outside_is_refused(dossier, tmp_path, edit, gcc, pos):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/beta.txt").write_bytes((dossier / "content/sources/beta.txt").read_bytes())
    os.symlink(tmp_path / "elsewhere", dossier / "content/sources/more")
    edit(dossier / S, "file: beta.txt", "file: more/beta.txt")
    assert gcc(dossier) == [
        f"{pos(dossier, S, 'file: |more/beta.txt')}: error: `content/sources/more/beta.txt` is a symbolic link to a "
        "place outside the dossier root: store the file itself inside the root"
    ]


def test_symlink_inside_the_sources_folder_is_fine(dossier, edit, gcc):
    os.symlink("beta.txt", dossier / "content/sources/beta-link.txt")
    edit(dossier / S, "file: beta.txt", "file: beta-link.txt")
    assert gcc(dossier) == []


def test_source_text_that_is_not_utf8(dossier, edit, gcc, sha256):
    alpha = dossier / "content/sources/alpha.txt"
    alpha.write_bytes(alpha.read_bytes().replace(b"Tuesday", b"Tu\xe9sday"))
    edit(dossier / S, "285934e673d4eb2dc6533db6105ced52077d78126a77347957aed7a9a8bbd215", sha256(alpha))
    col = len(b"The minister said on Tu") + 1  # line 2; the column counts bytes
    assert gcc(dossier) == [
        f"content/sources/alpha.txt:2:{col}: error: not valid UTF-8 (byte 0xE9): save the file as UTF-8"
    ]


def test_a_source_text_with_a_bom_counts_offsets_after_it(dossier, edit, check, sha256):
    alpha = dossier / "content/sources/alpha.txt"
    alpha.write_bytes(b"\xef\xbb\xbf" + alpha.read_bytes())
    edit(dossier / S, "285934e673d4eb2dc6533db6105ced52077d78126a77347957aed7a9a8bbd215", sha256(alpha))
    model, problems = check(dossier)
    assert problems == []
    source = model.sources["alpha"]
    ev = model.claims["minister-talks-finished"].evidence[0]
    assert not source.text.startswith("\ufeff")
    assert source.text[ev.passage.start : ev.passage.end] == "finished for now"


# -- quotes through the validator -------------------------------------------------------------


def test_quote_problem_names_the_source_and_its_file(dossier, edit, gcc, pos):
    edit(dossier / C, "text: finished for now\n        occurrence: 1", "text: finished for now")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'text: |finished for now')}: error: evidence text occurs 3 times (lines 2, 4, 5): "
        "add `occurrence: N` (1 = first) or a `prefix` of the words before it [source `alpha`, "
        "content/sources/alpha.txt]"
    ]


def test_occurrence_and_prefix_place_the_passage(dossier, edit, check):
    edit(
        dossier / C,
        "text: finished for now\n        occurrence: 1",
        "text: finished for now\n        prefix: Her deputy said the talks are",
    )
    edit(
        dossier / C,
        "text: finished for now\n        prefix: Her deputy said the talks are\n        kind: direct-quote",
        "text: finished for now\n        prefix: Her deputy said the talks are\n        kind: reported-speech",
    )
    model, problems = check(dossier)
    assert problems == []
    passage = model.claims["minister-talks-finished"].evidence[0].passage
    assert passage.line == 5 and passage.prefix.endswith("Her deputy said the talks are ")


def test_a_direct_quote_moved_outside_quotation_marks_fails(dossier, edit, gcc, pos):
    """The passage on line 5 is the deputy's reported words, not in quotation marks."""
    edit(dossier / C, "text: finished for now\n        occurrence: 1", "text: finished for now\n        occurrence: 3")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'text: |finished for now')}: error: direct quote is not inside quotation marks in the "
        'source: "finished for now" (line 5) lies outside them; use kind `reported-speech` or `paraphrase`, or quote '
        "only the words in quotation marks"
    ]


def test_passages_of_the_fixture(dossier, check):
    model, _ = check(dossier)
    alpha, beta = model.sources["alpha"].text, model.sources["beta"].text
    village = model.claims["minister-no-village"].evidence[0].passage
    assert (
        alpha[village.start : village.end]
        == "\u201cWe will not give up a single village,\u201d she told reporters. \u201cNot one\u2026 not today.\u201d"
    )
    assert village.line == 3
    gist = model.claims["envoy-guarantees"].evidence[1].passage
    assert beta[gist.start : gist.end] == "The envoy said guarantees must be binding."
    # The prefix is at most 40 characters, starting at a word.
    assert (gist.line, gist.prefix, gist.suffix) == (4, 'with guarantees," said the envoy.\r\n', "\r\n")


def test_the_fixture_places_a_repeated_text_by_its_prefix_and_pairs_a_translation(dossier, check):
    model, _ = check(dossier)
    english, ukrainian = model.claims["minister-no-village"].evidence
    # vilne.txt holds «Ми не віддамо жодного села» twice: in its headline (line 1) and, after the
    # `prefix`, in the body (line 2), which is the one cited.
    assert (ukrainian.source, ukrainian.language, ukrainian.passage.line) == ("vilne", "uk", 2)
    assert (ukrainian.passage.start, ukrainian.passage.end) == (91, 117)
    assert model.sources["vilne"].text[91:117] == "Ми не віддамо жодного села"
    assert (english.id, english.language, ukrainian.translation_of) == ("en", "en", "en")
    claim = model.claims["minister-no-village"]
    assert claim.translation_partner(english) is ukrainian and claim.translation_partner(ukrainian) is english


def test_without_its_prefix_the_fixtures_repeated_text_is_ambiguous(dossier, edit, gcc, pos):
    edit(dossier / C, '        prefix: "сказала журналістам: «"\n', "")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'text: |Ми не віддамо')}: error: evidence text occurs 2 times (lines 1, 2): add "
        "`occurrence: N` (1 = first) or a `prefix` of the words before it [source `vilne`, content/sources/vilne.txt]"
    ]


# -- unused items -----------------------------------------------------------------------------


def test_unused_source_actor_and_proposal_are_warnings(dossier, edit, gcc, pos):
    edit(
        dossier / S,
        "sources:\n",
        "sources:\n  - id: gamma\n    file: beta.txt\n"
        "    sha256: 7e03cf1fff926eb3d02fcd2fce9964411bf9676690303858803c2fbcbe748be5\n"
        "    title: Interview transcript\n"
        "    outlet: {basis: unknown}\n    published: {basis: unknown}\n    language: en\n",
    )
    edit(dossier / A, "actors:\n", "actors:\n  - id: nobody\n    name: No One\n    kind: person\n")
    edit(dossier / P, "proposals:\n", "proposals:\n  - id: idle\n    title: Idle\n    summary: Nobody cares.\n")
    assert gcc(dossier) == [
        f"{pos(dossier, A, 'nobody')}: warning: actor `nobody` is not cited by any claim",
        f"{pos(dossier, P, 'idle')}: warning: proposal `idle` is not cited by any claim",
        f"{pos(dossier, S, 'gamma')}: warning: source `gamma` is not cited by any claim",
    ]


def test_warnings_alone_still_give_a_model(dossier, edit, check):
    edit(dossier / P, "proposals:\n", "proposals:\n  - id: idle\n    title: Idle\n    summary: Nobody cares.\n")
    model, problems = check(dossier)
    assert [p.severity for p in problems] == ["warning"]
    assert model is not None


def test_no_unused_warnings_when_claims_do_not_load(dossier, gcc):
    (dossier / C).write_text("claims: [\n", encoding="utf-8")
    found = gcc(dossier)
    assert len(found) == 1 and found[0].startswith("claims.yaml:") and "YAML syntax" in found[0]


# -- everything in one run --------------------------------------------------------------------


def test_a_schema_invalid_claim_still_gets_its_unknown_actor(dossier, edit, gcc, pos):
    edit(dossier / C, "    actor: envoy\n", "    actor: envoi\n    colour: red\n")
    assert gcc(dossier, severity="error") == [
        f"{pos(dossier, C, 'envoi')}: error: unknown actor `envoi`: add it to content/actors.yaml or correct the id",
        f"{pos(dossier, C, 'colour')}: error: unknown field `colour`: allowed: `actor`, `added`, `corrections`, "
        "`evidence`, `formerly`, `id`, "
        "`notes`, `occasion`, `said`, `see_also`, `stances`, `summary`, `tags`",
    ]


def test_problems_in_every_file_are_collected(dossier, edit, gcc):
    edit(dossier / C, "    actor: envoy", "    actor: envoi")
    edit(dossier / C, "text: Only with guarantees,", "text: Only with guarantee,")
    edit(dossier / S, "language: en\n    url:", "language: English\n    url:")
    edit(dossier / A, "kind: anonymous", "kind: anonymus")
    edit(dossier / P, "relation: related-to", "relation: relates-to")
    found = [line.split(": error: ")[0].rsplit(":", 2)[0] for line in gcc(dossier, severity="error")]
    assert sorted(set(found)) == sorted([C, S, A, P])
    assert len(found) == 5


def test_a_missing_data_file(dossier, gcc):
    (dossier / P).unlink()
    assert gcc(dossier) == [f"{P}:1:1: error: file is missing: create it with a top-level `proposals:` list"]


def test_an_impossible_publication_date(dossier, edit, gcc, pos):
    edit(dossier / S, 'published: {date: "2024-03-05"', 'published: {date: "2023-02-30"')
    at = pos(dossier, S, '"2023-02-30"')
    assert gcc(dossier) == [f"{at}: error: {FEB_30}"]


def test_a_missing_source_file_does_not_hide_its_impossible_date(dossier, edit, gcc, pos):
    (dossier / "content/sources/alpha.txt").unlink()
    edit(dossier / S, 'published: {date: "2024-03-05"', 'published: {date: "2023-02-30"')
    at = pos(dossier, S, '"2023-02-30"')
    assert f"{at}: error: {FEB_30}" in gcc(dossier)


def test_an_old_id_is_never_a_current_one(dossier, edit, gcc, pos):
    published(dossier)  # only a published dossier keeps old ids
    edit(
        dossier / C, "  - id: spokesman-finished\n", "  - id: spokesman-finished\n    formerly: [minister-no-village]\n"
    )
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'formerly: [|minister-no-village')}: error: `formerly` names `minister-no-village`, which "
        "is "
        "a current id: an old id is never reused"
    ]


# -- attribution: stances and whose words ----------------------------------------------------


def test_a_conditional_stance_needs_its_condition(dossier, edit, gcc, pos):
    edit(dossier / C, "stances: {border-deal: skeptical}", "stances: {border-deal: conditional}")
    assert gcc(dossier) == [
        f"{pos(dossier, C, '{|border-deal: conditional')}: error: a `conditional` stance needs its condition: write "
        "`border-deal: {stance: conditional, condition: ...}`"
    ]


def test_rests_on_names_evidence_of_its_own_claim(dossier, edit, gcc, pos):
    edit(dossier / C, "stances: {border-deal: skeptical}", "stances: {border-deal: {stance: skeptical, rests_on: [x]}}")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'rests_on: [|x]')}: error: `rests_on` names `x`, which is not the id of an evidence item "
        "of this claim"
    ]


def test_a_stance_on_the_outlets_account_alone_is_reported_until_acknowledged(dossier, edit, gcc, pos):
    edit(
        dossier / C, "        occurrence: 1\n        kind: direct-quote", "        occurrence: 1\n        kind: framing"
    )
    at = pos(dossier, C, "{|border-deal: skeptical}")
    assert gcc(dossier) == [
        f"{at}: warning: this stance rests only on the outlet's account (framing or paraphrase), not on the "
        "speaker's words: cite their words, or mark it with `outlets_account: true` so the site says so"
    ]
    edit(
        dossier / C,
        "stances: {border-deal: skeptical}",
        "stances: {border-deal: {stance: skeptical, outlets_account: true}}",
    )
    assert gcc(dossier) == []


def test_an_acknowledgement_on_the_speakers_own_words_is_refused(dossier, edit, gcc, pos):
    edit(
        dossier / C,
        "stances: {border-deal: skeptical}",
        "stances: {border-deal: {stance: skeptical, outlets_account: true}}",
    )
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'outlets_account: |true')}: error: `outlets_account: true` but this stance rests on a "
        "direct quote of the speaker: remove the line"
    ]


def test_a_headline_is_never_a_direct_quote(dossier, edit, gcc, pos):
    edit(
        dossier / C, "        text: finished for now\n        occurrence: 1", "        text: the border talks are over"
    )
    assert gcc(dossier) == [
        f"{pos(dossier, C, '{|border-deal: skeptical}')}: error: this stance rests only on a headline (line 1 of "
        "source `alpha`): a headline is the outlet's, never the speaker's; rest the stance on the body's words "
        "(`rests_on` an item of the body), or remove the stance and keep the headline as `framing` evidence",
        f"{pos(dossier, C, 'text: |the border talks are over')}: error: a headline is never a direct quote: this "
        "passage is the source's headline (line 1); use kind `framing`",
    ]


def test_two_items_cannot_claim_the_same_old_id(dossier, edit, gcc, pos):
    published(dossier)  # only a published dossier keeps old ids
    edit(dossier / C, "  - id: spokesman-finished\n", "  - id: spokesman-finished\n    formerly: [old-one]\n")
    edit(dossier / C, "  - id: minister-talks-finished\n", "  - id: minister-talks-finished\n    formerly: [old-one]\n")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'formerly: [|old-one]', 2)}: error: `formerly` names `old-one`, which another item names too"
    ]


# -- an ellipsis, and the headline found by the recorded title --------------------------------


def test_an_ellipsis_cutting_words_inside_a_quotation_is_an_error(dossier, edit, gcc, pos):
    edit(dossier / C, "        text: Only with guarantees,\n", "        text: Only ... guarantees,\n")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'text: |Only ... guarantees')}: error: an ellipsis in a direct quote may only stand for "
        'the attribution between two parts of one speaker\'s quotation ("...," he said, "..."); here it leaves out '
        '"with" (line 3), words inside the quotation marks: quote the words whole, as the source has them'
    ]


@pytest.mark.parametrize("kind", ["reported-speech", "paraphrase", "framing"])
def test_an_ellipsis_in_the_outlets_own_text_is_an_error(dossier, edit, gcc, pos, kind):
    edit(
        dossier / C,
        "        text: The envoy said guarantees must be binding.\n        kind: reported-speech",
        f"        text: The envoy said ... must be binding.\n        kind: {kind}",
    )
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'text: |The envoy said ...')}: error: an ellipsis may only stand for the attribution left "
        f"out of a direct quote; a `{kind}` passage is the outlet's own text: cite it whole, or its parts as "
        "evidence items of their own"
    ]


def test_a_title_not_in_the_text_is_a_warning_at_the_title(dossier, edit, gcc, pos):
    edit(dossier / S, "title: Interview transcript", "title: The envoy's interview")
    assert gcc(dossier) == [
        f"{pos(dossier, S, 'title: |The envoy')}: warning: the recorded title is not among the text's first 8 "
        "non-empty lines, so the check takes line 1 for the headline (never a direct quote, never a stance's only "
        "ground): record the title as the text has it"
    ]


def test_the_dossier_file_gives_the_first_publication_and_is_optional(dossier, check):
    d, _ = check(dossier)
    assert d is not None and d.published is None  # the fixture has no content/dossier.yaml
    (dossier / "content" / "dossier.yaml").write_text(
        "# yaml-language-server: $schema=../generator/schema/dossier.schema.json\ndossier:\n  published: 2026-11-01\n"
    )
    d, problems = check(dossier)
    assert d is not None and d.published == "2026-11-01", problems


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "published: 2026-11-01\n",
            "content/dossier.yaml:2:1: error: the file must be a mapping with one top-level `dossier:` mapping "
            "(e.g. `dossier: {published: ...}`)",
        ),
        (
            'dossier:\n  publish: "2026-11-01"\n',
            "content/dossier.yaml:3:3: error: unknown field `publish`: did you mean `published`?",
        ),
    ],
)
def test_a_misshapen_dossier_file_is_one_line_at_its_place(dossier, gcc, text, message):
    (dossier / "content" / "dossier.yaml").write_text(
        "# yaml-language-server: $schema=../generator/schema/dossier.schema.json\n" + text
    )
    assert gcc(dossier, severity="error") == [message]
