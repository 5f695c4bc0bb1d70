"""Orders a curator records from a text (`said.before` / `said.after`): what the check accepts, the
exact message for each way one can be wrong, and what the model makes of one that is right.

The fixture's source says "A spokesman later added": the spokesman's undated words come after the
minister's (said on 5 March 2024)."""

from __future__ import annotations

C = "claims.yaml"
SPOKESMAN = "    said: {basis: unknown}\n    summary: A spokesman says the talks are finished."
LATER = "'\"A spokesman later added\"'"
NO_VILLAGE = (
    '    said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The minister refuses'
)
ENVOY = '    said: {date: "2024-03", basis: inferred, reason: Publication month.}\n    summary: The envoy'


def _orders(word: str, *entries: tuple[str, str]) -> str:
    return f"      {word}:\n" + "".join(
        f"        - claim: {claim}\n          reason: {why}\n" for claim, why in entries
    )


def spokesman_said(edit, root, body: str) -> None:
    new = "    said:\n      basis: unknown\n" + body + "    summary: A spokesman says the talks are finished."
    edit(root / C, SPOKESMAN, new)


def test_an_order_the_text_states_is_accepted_and_placed(dossier, edit, check):
    spokesman_said(edit, dossier, _orders("after", ("minister-talks-finished", LATER)))
    model, problems = check(dossier)
    assert problems == []
    said = model.claims["spokesman-finished"].said
    assert (said.interval, [(o.claim, o.reason) for o in said.after]) == (
        None,
        [("minister-talks-finished", '"A spokesman later added"')],
    )
    assert [(word, other.id) for word, other, _ in model.orderings(model.claims["minister-talks-finished"])] == [
        ("before", "spokesman-finished")
    ]


def test_an_unknown_claim_id_names_the_nearest(dossier, edit, gcc, pos):
    spokesman_said(edit, dossier, _orders("after", ("minister-talks-finishd", LATER)))
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'claim: |minister-talks-finishd')}: error: `minister-talks-finishd` is not a claim id: "
        "did you mean `minister-talks-finished`?"
    ]


def test_an_unknown_claim_id_with_nothing_near(dossier, edit, gcc, pos):
    spokesman_said(edit, dossier, _orders("after", ("nobody-at-all", LATER)))
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'claim: |nobody-at-all')}: error: `nobody-at-all` is not a claim id: add the claim or "
        "correct the id"
    ]


def test_a_claim_ordered_after_itself(dossier, edit, gcc, pos):
    spokesman_said(edit, dossier, _orders("after", ("spokesman-finished", LATER)))
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'claim: |spokesman-finished')}: error: a claim cannot be said after itself: name another "
        "claim"
    ]


def test_claims_of_one_occasion_are_never_ordered(dossier, edit, gcc, pos):
    edit(dossier / C, NO_VILLAGE, "    occasion: briefing\n" + NO_VILLAGE)
    block = '    occasion: briefing\n    said:\n      date: "2024-03"\n      basis: inferred\n'
    block += "      reason: Publication month.\n"
    orders = _orders("before", ("minister-no-village", "'\"Only with guarantees\"'"))
    edit(dossier / C, ENVOY, block + orders + "    summary: The envoy")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'claim: |minister-no-village')}: error: `minister-no-village` is of the same occasion "
        "`briefing` as this claim, and claims of one occasion are simultaneous: remove the ordering, or name "
        "different occasions"
    ]


def test_an_order_the_dates_contradict(dossier, edit, gcc, pos):
    # 5 March 2024 cannot be before "2024-02".
    edit(dossier / C, NO_VILLAGE, NO_VILLAGE.replace('"2024-03"', '"2024-02"'))
    talks = '    said: {date: "2024-03-05", basis: inferred, reason: "\\"on Tuesday\\" before publication"}\n'
    block = '    said:\n      date: "2024-03-05"\n      basis: inferred\n      reason: On Tuesday.\n'
    edit(dossier / C, talks, block + _orders("before", ("minister-no-village", LATER)))
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'claim: |minister-no-village')}: error: this claim is said `2024-03-05` and "
        "`minister-no-village` `2024-02`: the dates put it wholly after `minister-no-village`, so it cannot be said "
        "before it; correct the date or remove the ordering"
    ]


def test_the_same_order_stated_on_both_claims(dossier, edit, gcc, pos, line_of):
    spokesman_said(edit, dossier, _orders("after", ("minister-talks-finished", LATER)))
    talks = '    said: {date: "2024-03-05", basis: inferred, reason: "\\"on Tuesday\\" before publication"}\n'
    block = '    said:\n      date: "2024-03-05"\n      basis: inferred\n      reason: On Tuesday.\n'
    edit(dossier / C, talks, block + _orders("before", ("spokesman-finished", LATER)))
    first = line_of(dossier / C, "claim: spokesman-finished")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'claim: |minister-talks-finished')}: error: the order of `minister-talks-finished` "
        f"before `spokesman-finished` is already stated at claims.yaml:{first}: state it once"
    ]


def test_a_circle_through_the_dates_names_each_step(dossier, edit, gcc, pos, line_of):
    # After 5 March, before February 2024, which the dates put before 5 March.
    edit(dossier / C, NO_VILLAGE, NO_VILLAGE.replace('"2024-03"', '"2024-02"'))
    body = _orders("after", ("minister-talks-finished", LATER)) + _orders("before", ("minister-no-village", LATER))
    spokesman_said(edit, dossier, body)
    first = line_of(dossier / C, "claim: minister-talks-finished")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'claim: |minister-no-village')}: error: this ordering closes a circle (`spokesman-finished` "
        "before `minister-no-village`, this ordering; `minister-no-village` before `minister-talks-finished`, by the "
        f"dates; `minister-talks-finished` before `spokesman-finished`, stated at claims.yaml:{first}): they cannot "
        "all hold; remove the ordering the text does not state, or correct the date that is wrong"
    ]


def test_a_circle_of_stated_orders_alone(dossier, edit, gcc, pos, line_of):
    spokesman_said(edit, dossier, _orders("before", ("envoy-guarantees", LATER)))
    orders = _orders("before", ("spokesman-finished", LATER))
    edit(
        dossier / C,
        ENVOY,
        '    said:\n      date: "2024-03"\n      basis: inferred\n      reason: Publication month.\n'
        + orders
        + "    summary: The envoy",
    )
    first = line_of(dossier / C, "claim: envoy-guarantees")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'claim: |spokesman-finished')}: error: this ordering closes a circle (`envoy-guarantees` "
        f"before `spokesman-finished`, this ordering; `spokesman-finished` before `envoy-guarantees`, stated at "
        f"claims.yaml:{first}): they cannot all hold; remove the ordering the text does not state, or correct the "
        "date that is wrong"
    ]


def test_a_reason_must_quote_the_words(dossier, edit, gcc, pos):
    spokesman_said(edit, dossier, _orders("after", ("minister-talks-finished", "The spokesman spoke later.")))
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'reason: |The spokesman spoke later.')}: error: `reason` quotes nothing: give the words of "
        'the text that state the order, in double quotation marks (e.g. "insisted in the past")'
    ]


def test_a_reason_must_quote_words_of_a_source_the_claims_cite(dossier, edit, gcc, pos):
    # "Her deputy said" is in the source; "A spokesman then added" is not.
    why = '\'"Her deputy said" ... "A spokesman then added"\''
    spokesman_said(edit, dossier, _orders("after", ("minister-talks-finished", why)))
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'reason: |' + why)}: error: "
        '`reason` quotes "A spokesman then added", which is not in the text of any source the two claims cite '
        "(`alpha`): copy the words exactly"
    ]


def test_an_ordering_needs_its_reason_and_no_other_field(dossier, edit, gcc, pos):
    body = "      after:\n        - claim: minister-talks-finished\n          because: later\n"
    spokesman_said(edit, dossier, body)
    assert gcc(dossier) == [
        f"{pos(dossier, C, '- |claim: minister-talks-finished')}: error: missing required field `reason` in `after`",
        f"{pos(dossier, C, 'because')}: error: unknown field `because`: allowed: `claim`, `reason`",
    ]


def test_an_empty_list_of_orders(dossier, edit, gcc, pos):
    spokesman_said(edit, dossier, "      before: []\n")
    assert gcc(dossier) == [f"{pos(dossier, C, 'before: |[]')}: error: `before` needs at least 1 item"]


def test_a_circle_through_an_occasion_names_the_occasion(dossier, edit, gcc, pos, line_of):
    # The minister's refusal and the envoy's words are one occasion: after one is after the other.
    edit(dossier / C, NO_VILLAGE, "    occasion: briefing\n" + NO_VILLAGE)
    edit(dossier / C, ENVOY, "    occasion: briefing\n" + ENVOY)
    body = _orders("after", ("minister-no-village", LATER)) + _orders("before", ("envoy-guarantees", LATER))
    spokesman_said(edit, dossier, body)
    first = line_of(dossier / C, "claim: minister-no-village")
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'claim: |envoy-guarantees')}: error: this ordering closes a circle (`spokesman-finished` "
        "before occasion `briefing`, this ordering; occasion `briefing` before `spokesman-finished`, stated at "
        f"claims.yaml:{first}): they cannot all hold; remove the ordering the text does not state, or correct the "
        "date that is wrong"
    ]


def test_only_a_claims_said_can_carry_an_order(dossier, edit, gcc, pos):
    sources = "content/sources.yaml"
    edit(
        dossier / sources,
        '    published: {date: "2024-03-05", basis: stated}',
        '    published: {date: "2024-03-05", basis: stated, before: [{claim: spokesman-finished, reason: "x"}]}',
    )
    assert gcc(dossier) == [
        f"{pos(dossier, sources, 'before')}: error: unknown field `before`: allowed: `basis`, `date`, `reason`"
    ]


def test_an_order_on_a_duplicate_claim_is_read_from_its_own_entry(dossier, edit, gcc, pos):
    edit(dossier / C, "  - id: spokesman-finished", "  - id: minister-talks-finished")
    spokesman_said(edit, dossier, _orders("before", ("envoy-guarantees", LATER)))
    assert gcc(dossier) == [
        f"{pos(dossier, C, 'minister-talks-finished', nth=2)}: error: duplicate id `minister-talks-finished` "
        "(first at line 3): ids must be unique"
    ]


def test_the_dates_of_an_occasions_other_claims_count_though_no_ordering_names_them(dossier, edit, gcc):
    # As in the circle through the dates, but the refusal is of one occasion with the envoy's words,
    # said (wrongly: claims of one occasion are said together) in March: the occasion runs to the end
    # of March, not wholly before 5 March, so no circle. Only the envoy's own date says so, and no
    # ordering names the envoy.
    edit(dossier / C, NO_VILLAGE, "    occasion: briefing\n" + NO_VILLAGE.replace('"2024-03"', '"2024-02"'))
    edit(dossier / C, ENVOY, "    occasion: briefing\n" + ENVOY)
    body = _orders("after", ("minister-talks-finished", LATER)) + _orders("before", ("minister-no-village", LATER))
    spokesman_said(edit, dossier, body)
    found = gcc(dossier)
    assert len(found) == 1 and "claims of one occasion are simultaneous" in found[0]
    edit(dossier / C, "    occasion: briefing\n" + ENVOY, "    occasion: briefing\n" + ENVOY.replace("03", "02"))
    found = gcc(dossier)
    assert len(found) == 1 and "this ordering closes a circle" in found[0]
