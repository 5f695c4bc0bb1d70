"""Schema problems: the exact message a curator reads, at the line and column of the culprit.

Each case edits the fixture copy (file, old text, new text), names the token the problem must
point at, and gives the message. The check must report exactly that one error.
"""

from __future__ import annotations

import pytest

C, S, A = "claims.yaml", "content/sources.yaml", "content/actors.yaml"

SUMMARY = "    summary: The minister says the talks are finished for now."
SAID_1 = 'said: {date: "2024-03-05", basis: inferred, reason: "\\"on Tuesday\\" before publication"}'
SAID_2 = 'said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The minister refuses'
ADDED = '    added: "2024-03-10"'

CASES = {
    "unknown-field-did-you-mean": (
        C,
        SUMMARY,
        SUMMARY + "\n    sumary: again",
        "sumary",
        "unknown field `sumary`: did you mean `summary`?",
    ),
    "unknown-field-lists-allowed": (
        C,
        ADDED,
        ADDED + "\n    colour: red",
        "colour",
        "unknown field `colour`: allowed: `actor`, `added`, `corrections`, `evidence`, `formerly`, `id`, `notes`, "
        "`occasion`, `said`, `see_also`, `stances`, `summary`, `tags`",
    ),
    "unknown-field-in-evidence": (
        C,
        "        occurrence: 1\n",
        "        occurrence: 1\n        prefx: the talks were\n",
        "prefx",
        "unknown field `prefx`: did you mean `prefix`?",
    ),
    "missing-required-field": (
        A,
        "    name: The Envoy\n    kind: person\n",
        "    name: The Envoy\n",
        "id: envoy",
        "missing required field `kind` in actor",
    ),
    "list-where-text-is-meant": (
        C,
        SUMMARY,
        "    summary: [talks, finished]",
        "[talks",
        "`summary` must be text, not a list",
    ),
    "text-where-list-is-meant": (
        A,
        "aliases: [Envoy]",
        "aliases: Envoy",
        "aliases: |Envoy",
        "`aliases` must be a list, not `Envoy`",
    ),
    "enum-with-suggestion": (
        C,
        "{border-deal: skeptical}",
        "{border-deal: sceptical}",
        "sceptical",
        "`border-deal` must be one of `supports`, `conditional`, `open`, `skeptical`, `opposes`, `neutral` "
        "(found `sceptical`); did you mean `skeptical`?",
    ),
    "enum-kind-with-suggestion": (
        C,
        "        occurrence: 1\n        kind: direct-quote",
        "        occurrence: 1\n        kind: direct-qoute",
        "direct-qoute",
        "`kind` must be one of `direct-quote`, `reported-speech`, `paraphrase`, `framing` (found `direct-qoute`); "
        "did you mean `direct-quote`?",
    ),
    "enum-without-suggestion": (
        A,
        "    kind: anonymous",
        "    kind: robot",
        "robot",
        "`kind` must be one of `person`, `organization`, `anonymous` (found `robot`)",
    ),
    "unquoted-date-where-text-is-meant": (
        C,
        ADDED,
        ADDED + "\n    tags: [2024-01-01]",
        "2024-01-01",
        '`2024-01-01` is read by YAML as a date; put it in quotes ("2024-01-01") if you mean text',
    ),
    "unquoted-date-as-summary": (
        C,
        SUMMARY,
        "    summary: 2024-03-05",
        "summary: |2024-03-05",
        '`2024-03-05` is read by YAML as a date; put it in quotes ("2024-03-05") if you mean text',
    ),
    "yaml11-yes-where-text-is-meant": (
        C,
        SUMMARY,
        "    summary: yes",
        "yes",
        '`summary` must be text, but YAML reads `yes` as a boolean: put it in quotes ("yes")',
    ),
    "yaml11-NO-where-text-is-meant": (
        C,
        ADDED,
        ADDED + "\n    tags: [NO]",
        "NO]",
        '`tags` must be text, but YAML reads `NO` as a boolean: put it in quotes ("NO")',
    ),
    "yaml11-off-as-alias": (
        A,
        "aliases: [Envoy]",
        "aliases: [Envoy, off]",
        "off",
        '`aliases` must be text, but YAML reads `off` as a boolean: put it in quotes ("off")',
    ),
    "id-with-capitals": (
        C,
        "  - id: minister-talks-finished",
        "  - id: Minister-Talks-Finished",
        "Minister-Talks",
        "`id` must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`) "
        "(found `Minister-Talks-Finished`)",
    ),
    "inferred-without-reason": (
        C,
        SAID_2,
        SAID_2.replace(", reason: Publication month.", ""),
        '{date: "2024-03", basis: inferred}',
        "`said` has `basis: inferred` but no `reason`: say what the date is inferred from",
    ),
    "unknown-with-date": (
        C,
        "said: {basis: unknown}",
        'said: {date: "2024-03", basis: unknown}',
        '{date: "2024-03", basis: unknown}',
        "`said` has `basis: unknown` but a `date`: remove the date or give its basis",
    ),
    "stated-without-date": (
        C,
        "said: {basis: unknown}",
        "said: {basis: stated}",
        "{basis: stated}",
        "`said` needs a `date` unless `basis` is `unknown`",
    ),
    "date-in-wrong-form": (
        C,
        ADDED,
        '    added: "10 March 2024"',
        '"10 March',
        "`added` must be a date written YYYY, YYYY-MM or YYYY-MM-DD (found `10 March 2024`)",
    ),
    "javascript-url": (
        S,
        "url: https://example.org/alpha",
        "url: javascript:alert(1)",
        "javascript",
        "`url` must be an http:// or https:// address without spaces (found `javascript:alert(1)`)",
    ),
    "source-file-with-dotdot": (
        S,
        "file: alpha.txt",
        "file: ../alpha.txt",
        "../alpha",
        "`file` must be a relative path inside `content/sources/` (letters, digits, `._-` and `/`; no `..`, "
        "no leading `/`) (found `../alpha.txt`)",
    ),
    "source-file-absolute": (
        S,
        "file: alpha.txt",
        "file: /etc/passwd",
        "/etc/passwd",
        "`file` must be a relative path inside `content/sources/` (letters, digits, `._-` and `/`; no `..`, "
        "no leading `/`) (found `/etc/passwd`)",
    ),
    "occurrence-zero": (C, "occurrence: 1\n", "occurrence: 0\n", "0\n", "`occurrence` must be 1 or more"),
    "empty-evidence-list": (
        C,
        "    evidence:\n      - source: alpha\n        text: The talks are finished for now.\n"
        "        kind: direct-quote\n        via: [The Example Times]\n",
        "    evidence: []\n",
        "[]\n",
        "`evidence` needs at least 1 item",
    ),
}


@pytest.mark.parametrize("rel, old, new, token, message", CASES.values(), ids=CASES.keys())
def test_schema_error_message_and_position(dossier, edit, gcc, pos, rel, old, new, token, message):
    edit(dossier / rel, old, new)
    assert gcc(dossier) == [f"{pos(dossier, rel, token)}: error: {message}"]


def test_renamed_field_reports_the_unknown_and_the_missing_one(dossier, edit, gcc, pos):
    edit(dossier / C, SUMMARY, SUMMARY.replace("summary:", "sumary:"))
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'id: minister-talks-finished')}: error: missing required field `summary` in claim",
        f"{pos(dossier, C, 'sumary')}: error: unknown field `sumary`: did you mean `summary`?",
    ]


@pytest.mark.parametrize(
    "old, new, claim, value",
    [
        (SAID_1, "said: {date: 2024-03-05, basis: stated}", "minister-talks-finished", "2024-03-05"),
        (
            "    said: {basis: unknown}",
            "    said:\n      date: 2024-03-04\n      basis: stated",
            "spokesman-finished",
            "2024-03-04",
        ),
    ],
    ids=["flow-mapping", "block-mapping"],
)
def test_unquoted_date_in_a_date_field_is_accepted(dossier, edit, check, old, new, claim, value):
    edit(dossier / C, old, new)
    model, problems = check(dossier)
    assert problems == []
    assert model.claims[claim].said.date == value  # kept as text, as written


def test_unquoted_added_date_is_accepted(dossier, edit, check):
    edit(dossier / C, ADDED, "    added: 2024-03-10")
    model, problems = check(dossier)
    assert problems == []
    assert model.claims["minister-talks-finished"].added == "2024-03-10"


def test_unquoted_date_in_a_role_is_accepted(dossier, edit, check):
    edit(
        dossier / A,
        "      - title: Minister of Borders\n",
        "      - title: Minister of Borders\n        from: 2022-01-15\n",
    )
    model, problems = check(dossier)
    assert problems == []
    assert model.actors["minister"].roles[0].start == "2022-01-15"


def test_every_problem_is_reported_in_one_run(dossier, edit, gcc, pos):
    edit(dossier / A, "    kind: anonymous", "    kind: robot\n    colour: red")
    edit(dossier / A, "  - id: envoy", "  - id: The-Envoy")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'actor: |envoy')}: error: unknown actor `envoy`: add it to content/actors.yaml or correct "
        "the id",
        f"{pos(dossier, A, 'The-Envoy')}: error: `id` must be lower-case letters, digits and single hyphens "
        "(e.g. `volodymyr-zelenskyy`) (found `The-Envoy`)",
        f"{pos(dossier, A, 'The-Envoy')}: warning: actor `The-Envoy` is not cited by any claim",
        f"{pos(dossier, A, 'robot')}: error: `kind` must be one of `person`, `organization`, `anonymous` (found "
        "`robot`)",
        f"{pos(dossier, A, 'colour')}: error: unknown field `colour`: allowed: `affiliation`, `aliases`, `formerly`, "
        "`id`, `kind`, `name`, `notes`, `roles`",
    ]


VACUOUS_IF = (
    "bug: the schema's `if: {properties: {basis: {const: ...}}}` also holds when `basis` is missing "
    "or the value is not a mapping, so false `has basis: unknown/inferred` messages are added"
)


@pytest.mark.parametrize(
    "rel, old, new, token, message",
    [
        (
            S,
            "outlet: {name: The Example Times, basis: stated}",
            "outlet: {name: The Example Times}",
            "outlet: |{name",
            "missing required field `basis` in `outlet`",
        ),
        (
            C,
            SAID_2,
            SAID_2.replace(", basis: inferred, reason: Publication month.", ""),
            'said: |{date: "2024-03"}',
            "missing required field `basis` in `said`",
        ),
        (
            C,
            "said: {basis: unknown}",
            "said: unknown",
            "said: |unknown",
            "`said` must be a mapping (`key: value` lines), not `unknown`",
        ),
    ],
    ids=["outlet-without-basis", "said-without-basis", "said-not-a-mapping"],
)
def test_a_missing_basis_gets_only_its_own_message(dossier, edit, gcc, pos, rel, old, new, token, message):
    edit(dossier / rel, old, new)
    assert gcc(dossier, severity="error") == [f"{pos(dossier, rel, token)}: error: {message}"]


def test_malformed_sha256_is_not_reported_as_a_changed_text(dossier, edit, gcc, pos):
    edit(dossier / S, "sha256: 285934e673d4", "sha256: 285934E673D4")
    assert gcc(dossier, severity="error") == [
        f"{pos(dossier, S, '285934E6')}: error: `sha256` must be 64 lower-case hex digits (the output of `sha256sum`) "
        "(found `285934E673D4eb2dc6533db6105ced52077d78126a77347957aed7a9a8b…`)"  # values are cut at 60
    ]
