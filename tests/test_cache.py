"""The check's cache: per file (parsed and schema-checked items, keyed by the bytes the loader read),
per claims file (the verdict of its claims' own checks, keyed by its bytes and everything else they
read) and per quote (each proof, keyed by the source's sha256, the evidence text, occurrence,
prefix, kind and the matcher's code). A stale, corrupt or planted cache costs time at worst: every test here
compares a check through the cache with the same check made from scratch."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from generator.data import cache, prepare, quotes, validate
from generator.data import check as check_module
from tests.test_split_claims import split


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    """A cache folder of the test's own."""
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("DOSSIER_CACHE", str(folder))
    return folder


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The files the check parses (a cache hit is not parsed)."""
    seen: list[str] = []
    real = prepare.parse_yaml

    def spy(rel, raw, key):
        seen.append(rel)
        return real(rel, raw, key)

    monkeypatch.setattr(prepare, "parse_yaml", spy)
    return seen


@pytest.fixture
def proved(monkeypatch) -> list[str]:
    """The evidence texts the check searches for in their sources (a cached proof is not searched)."""
    seen: list[str] = []
    real = quotes.find

    def spy(source, text, **kw):
        seen.append(text)
        return real(source, text, **kw)

    monkeypatch.setattr(validate.quotes, "find", spy)
    return seen


@pytest.fixture
def claims_checked(monkeypatch) -> list[str]:
    """The claims whose own checks run (none of a claims file its verdict answers)."""
    seen: list[str] = []
    real = validate.Validator._check_claim

    def spy(self, item, checked):
        seen.append(item.data.get("id"))
        return real(self, item, checked)

    monkeypatch.setattr(validate.Validator, "_check_claim", spy)
    return seen


def _result(checked) -> tuple:
    """All a check says: every problem as the curator reads it, and the model."""
    return [p.gcc() for p in checked.problems], checked.dossier


def _from_scratch(root: Path, check, monkeypatch) -> tuple:
    with monkeypatch.context() as env:
        env.setenv("DOSSIER_CACHE", "off")
        return _result(check_module.check(root, today=_today()))


def _today():
    from tests.conftest import TODAY

    return TODAY


def _check(root: Path):
    return check_module.check(root, today=_today())


def _files(folder: Path, kind: str = "") -> list[Path]:
    """The cache's files (of one kind: `docs` or `proofs`)."""
    found = sorted(p for p in folder.rglob("*.json") if p.is_file() and kind in ("", p.parent.name))
    assert found, f"no {kind or 'cache'} files in {folder}"
    return found


def test_an_unchanged_dossier_is_neither_parsed_nor_proved_again(dossier, store, parsed, proved, monkeypatch):
    first = _result(_check(dossier))
    assert parsed and proved
    parsed.clear()
    proved.clear()
    assert _result(_check(dossier)) == first
    assert parsed == [] and proved == []
    assert first == _from_scratch(dossier, check_module.check, monkeypatch)


def test_a_check_answered_by_its_cache_neither_normalizes_nor_scans_a_source(dossier, store, monkeypatch):
    """A cached proof holds the findings on its passage (headline, quotation marks): a warm check
    reads and hashes each source but needs neither its normalized text nor its quoted regions."""
    made: list[str] = []
    for name in ("normalize", "quoted_regions", "regions_near"):
        real = getattr(quotes, name)
        monkeypatch.setattr(quotes, name, lambda *args, real=real, name=name: made.append(name) or real(*args))
    first = _result(_check(dossier))
    assert set(made) == {"normalize", "regions_near"}
    made.clear()
    assert _result(_check(dossier)) == first
    assert made == []


def test_a_one_claim_edit_parses_that_file_and_proves_that_claim_only(
    dossier, store, parsed, proved, edit, monkeypatch
):
    split(dossier)
    _check(dossier)
    parsed.clear()
    proved.clear()
    edit(dossier / "claims" / "others.yaml", "    summary: ", "    summary: Edited: ")
    edit(dossier / "claims" / "envoy.yaml", "text: Only with", "text: And only with")  # not in the source
    result = _result(_check(dossier))
    assert parsed == ["claims/envoy.yaml", "claims/others.yaml"]
    assert proved == ["And only with guarantees,"]
    assert result == _from_scratch(dossier, check_module.check, monkeypatch)
    assert any("claims/envoy.yaml" in p and "not found" in p for p in result[0])


def test_a_one_claim_edit_checks_the_claims_of_that_file_only(dossier, store, claims_checked, edit, monkeypatch):
    split(dossier)
    _check(dossier)
    assert sorted(claims_checked) == [
        "envoy-guarantees",
        "minister-no-village",
        "minister-talks-finished",
        "spokesman-finished",
    ]
    claims_checked.clear()
    first = _result(_check(dossier))
    assert claims_checked == []
    edit(dossier / "claims" / "others.yaml", "summary: A spokesman says", "summary: A spokesman said")
    result = _result(_check(dossier))
    assert claims_checked == ["spokesman-finished"]
    assert result == _from_scratch(dossier, check_module.check, monkeypatch) != first


@pytest.mark.parametrize(
    "file, old, new, found",
    [
        ("content/actors.yaml", "  - id: envoy\n", "  - id: the-envoy\n", "unknown actor `envoy`"),
        (
            "claims.yaml",
            "  - id: minister-no-village",
            "  - id: minister-no-villages",
            "`see_also` names `minister-no-village`, which is not a claim id",
        ),
        (
            "content/sources.yaml",
            'date: "2024-03", basis: inferred, reason: "The test says so."',
            'date: "2024-02", basis: inferred, reason: "The test says so."',
            "said 2024-03, after source `beta` was published (2024-02)",
        ),
    ],
    ids=["an actor renamed", "a claim renamed", "a source's date"],
)
def test_a_verdict_is_refused_when_anything_its_claims_read_changes(
    dossier, store, claims_checked, edit, monkeypatch, file, old, new, found
):
    """claims/envoy.yaml is not edited, but a list it refers to is: its claim is checked again."""
    split(dossier)
    _check(dossier)
    claims_checked.clear()
    edit(dossier / file, old, new)
    result = _result(_check(dossier))
    assert "envoy-guarantees" in claims_checked
    assert result == _from_scratch(dossier, check_module.check, monkeypatch)
    assert any(p.startswith("claims/envoy.yaml:") and found in p for p in result[0]), result[0]


def test_problems_of_cached_files_stand_where_the_curator_fixes_them(dossier, store, edit, parsed, monkeypatch):
    """Cross-item problems (an unknown actor, a duplicate id, a date now in the future) are found
    again on cached items, at the same line and column as from scratch."""
    split(dossier)
    edit(dossier / "claims" / "envoy.yaml", "actor: ", "actor: nobody-", count=1)
    first = _result(_check(dossier))
    parsed.clear()
    again = _result(_check(dossier))
    assert parsed == []
    assert again == first == _from_scratch(dossier, check_module.check, monkeypatch)
    assert any(p.startswith("claims/envoy.yaml:") and "unknown actor `nobody-" in p for p in again[0])
    # "in the future" depends on the day, not on the file: an earlier day finds it in cached items
    parsed.clear()
    early = check_module.check(dossier, today=_today().replace(year=2020))
    assert parsed == []
    assert any("is in the future" in p.message for p in early.problems)


def test_a_linked_claims_folder_is_keyed_by_the_bytes_read_through_the_link(dossier, store, edit, monkeypatch):
    """`claims/` a link to another folder inside the root: a change of the linked file is seen."""
    split(dossier)
    os.rename(dossier / "claims", dossier / "elsewhere")
    (dossier / "claims").symlink_to("elsewhere")
    assert not [p for p in _check(dossier).problems if p.severity == "error"]
    edit(dossier / "elsewhere" / "envoy.yaml", "actor: ", "actor: nobody-", count=1)
    result = _result(_check(dossier))
    assert any(p.startswith("claims/envoy.yaml:") and "unknown actor `nobody-" in p for p in result[0])
    assert result == _from_scratch(dossier, check_module.check, monkeypatch)


def test_a_changed_source_is_proved_again(dossier, store, sha256, edit, proved, monkeypatch):
    """A proof is keyed by its source's bytes: a new text under the same name (its sha256 updated
    too, which sources never are) is searched again, and a quote it no longer holds is an error."""
    _check(dossier)
    proved.clear()
    source = next(p for p in sorted((dossier / "content" / "sources").iterdir()))
    old = sha256(source)
    source.write_bytes(b"Nothing of what was said.\n")
    edit(dossier / "content" / "sources.yaml", old, sha256(source))
    result = _result(_check(dossier))
    assert proved
    assert any("not found" in p for p in result[0])
    assert result == _from_scratch(dossier, check_module.check, monkeypatch)


def test_a_new_version_of_the_checker_reads_no_older_entry(dossier, store, parsed, proved, monkeypatch):
    _check(dossier)
    parsed.clear()
    proved.clear()
    monkeypatch.setattr(cache, "CODE_VERSION", "another version")
    _check(dossier)
    assert parsed and proved


@pytest.mark.parametrize(
    "damage",
    [
        "cut short",
        "one byte changed",
        "checksum of other bytes",
        "valid checksum, another shape",
        "entry of another file",
        "a folder in its place",
        "a FIFO in its place",
        "a link in its place",
    ],
)
def test_a_corrupt_cache_costs_time_never_a_result(dossier, store, damage, monkeypatch):
    split(dossier)
    expected = _result(_check(dossier))
    files = _files(store)
    assert {p.parent.name for p in files} == {"docs", "proofs", "verdicts", "texts"}
    for n, path in enumerate(files):
        body = path.read_bytes()
        if damage == "cut short":
            path.write_bytes(body[: len(body) // 2])
        elif damage == "one byte changed":
            at = len(body) - 10
            path.write_bytes(body[:at] + bytes([body[at] ^ 1]) + body[at + 1 :])
        elif damage == "checksum of other bytes":
            path.write_bytes(b"0" * 64 + body[64:])
        elif damage == "valid checksum, another shape":
            _plant(path, b'{"rel": 1, "key": [], "entry": {"doc": true, "data": "x"}, "proofs": []}')
        elif damage == "entry of another file":
            _plant(path, files[(n + 1) % len(files)].read_bytes().partition(b"\n")[2])
        elif damage == "a folder in its place":
            path.unlink()
            path.mkdir()
        elif damage == "a FIFO in its place":
            path.unlink()
            os.mkfifo(path)
        elif damage == "a link in its place":
            path.unlink()
            path.symlink_to(files[(n + 1) % len(files)])
    done = threading.Event()
    got: list = []

    def run() -> None:
        got.append(_result(_check(dossier)))
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(60), "the check blocked on the cache"
    assert got[0] == expected == _from_scratch(dossier, check_module.check, monkeypatch)


def test_wrong_entries_under_the_right_keys_are_refused(dossier, store, parsed, proved):
    """Entries with a valid checksum under this dossier's keys but of the wrong types: a miss, and
    replaced, so that the next check is answered from the cache again."""
    expected = _result(_check(dossier))
    for path in _files(store, "docs"):
        entry = cache.Store._read_path(path)
        entry["entry"]["ids"] = [["1", 2]] * 3
        entry["entry"]["problems"] = [["x", "one", 1, "error", "planted"]]
        _plant(path, cache.json.dumps(entry).encode())
    for path in _files(store, "proofs"):
        entry = cache.Store._read_path(path)
        entry["proofs"] = {key: [0, "1", 1, "", "", "", [], None] for key in entry["proofs"]}
        _plant(path, cache.json.dumps(entry).encode())
    for path in _files(store, "verdicts"):
        entry = cache.Store._read_path(path)
        entry["entry"]["problems"] = [[1, 1, "fatal", "planted"]]
        entry["entry"]["passages"] = [[0, 0, -1, 2, 1, "", "", "", []]]
        _plant(path, cache.json.dumps(entry).encode())
    for path in _files(store, "texts"):
        entry = cache.Store._read_path(path)
        entry["texts"] = {key: [[5, -1], "yes"] for key in entry["texts"]}
        _plant(path, cache.json.dumps(entry).encode())
    parsed.clear()
    proved.clear()
    assert _result(_check(dossier)) == expected
    assert parsed and proved
    parsed.clear()
    proved.clear()
    assert _result(_check(dossier)) == expected
    assert parsed == [] and proved == []


def _plant(path: Path, body: bytes) -> None:
    path.write_bytes(cache.hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def test_no_cache_is_read_or_written_inside_the_dossier(dossier, monkeypatch, edit):
    """A pull request can commit any file of the dossier, `.dossier/cache/` included: a cache folder
    inside the root is never used, and the check writes nothing into the dossier."""
    inside = dossier / ".dossier" / "cache"
    monkeypatch.setenv("DOSSIER_CACHE", str(inside))
    assert cache.folder_for(dossier) is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(dossier / "content"))
    monkeypatch.delenv("DOSSIER_CACHE")
    assert cache.folder_for(dossier) is None
    before = sorted(p.relative_to(dossier).as_posix() for p in dossier.rglob("*"))
    expected = _from_scratch(dossier, check_module.check, monkeypatch)
    assert _result(_check(dossier)) == expected
    assert sorted(p.relative_to(dossier).as_posix() for p in dossier.rglob("*")) == before


def test_entries_of_files_no_longer_read_are_dropped(dossier, store):
    split(dossier)
    _check(dossier)
    assert len(_files(store, "docs")) == 6  # claims.yaml, two in claims/, three in content/
    (dossier / "claims" / "others.yaml").unlink()
    _check(dossier)
    assert len(_files(store, "docs")) == 5
    assert len(_files(store, "proofs")) == 2


def test_a_fifo_among_the_inputs_is_never_opened(dossier, store):
    """Reading the inputs must not block on a FIFO (nothing would ever write to it)."""
    os.mkfifo(dossier / "content" / "pages" / "notes.md")
    done = threading.Event()
    problems: list[str] = []

    def run() -> None:
        problems.extend(p.gcc() for p in _check(dossier).problems)
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(60), "the check blocked on a FIFO"
    assert problems == [
        "content/pages/notes.md:1:1: error: is not a regular file, where a file is expected: replace it with a file "
        "or remove it"
    ]


@pytest.mark.parametrize(
    "value",
    [".nan", "-.inf", "!!float nan", "!!%66loat nan", "1._e+400", "9" * 400 + ".0", "18446744073709551616", "1.5"],
)
def test_a_float_comes_back_from_the_cache_as_written(dossier, store, edit, parsed, value, monkeypatch):
    """orjson, which writes the entries, would write NaN or infinity (1._e+400 is one) as null and
    read a whole number past 64 bits back as a float: a file whose data holds one, however the
    YAML spells it, has no entry, so a check through the cache reads what the YAML says."""
    edit(dossier / "claims.yaml", "kind: reported-speech", f"kind: {value}", count=2)
    first = _result(_check(dossier))
    assert any("kind" in p and "error" in p for p in first[0]), first[0]
    parsed.clear()
    again = _result(_check(dossier))
    reparsed = list(parsed)
    assert again == first == _from_scratch(dossier, check_module.check, monkeypatch)
    entries = [cache.Store._read_path(p) for p in _files(store, "docs")]
    claims = [e for e in entries if e and e["rel"] == "claims.yaml"]
    if value == "1.5":  # written by orjson, read back as the float it is
        kinds = [ev["kind"] for c in claims[0]["entry"]["data"]["claims"] for ev in c["evidence"]]
        assert 1.5 in kinds and reparsed == []
    else:  # not written: the file parsed again
        assert not claims and reparsed == ["claims.yaml"]


# -- one reading of a stored passage, for proofs and verdicts alike ------------------------------
_PASSAGE = [10, 25, 3, "the exact words", "before ", " after", [[10, 25]]]


@pytest.mark.parametrize(
    "change",
    [
        (0, -1),  # a start before the text
        (1, 2.0),  # an offset that is not whole
        (2, True),  # a line that is a boolean
        (3, None),  # no text
        (5, b" after"),  # bytes, not text
        (6, [[10, -25]]),  # a part that ends before the text
        (6, [[10]]),  # a part with no end
        (6, 7),  # parts that are not a list
    ],
)
def test_a_stored_passage_of_another_shape_is_refused_by_proofs_and_verdicts(change):
    from generator.data import proofs, verdicts

    at, value = change
    assert proofs.from_value([*_PASSAGE, None, None]) is not None  # the untouched one is read
    bad = list(_PASSAGE)
    bad[at] = value
    assert proofs.passage_of(*bad) is None
    assert proofs.from_value([*bad, None, None]) is None
    entry = {"problems": [], "passages": [[0, 0, *bad]]}
    assert verdicts.from_entry("claims.yaml", entry) is None
    assert verdicts.from_entry("claims.yaml", {"problems": [], "passages": [[0, 0, *_PASSAGE]]}) is not None


def test_a_check_that_makes_no_model_reads_no_passage_of_a_verdict(dossier, store, claims_checked, monkeypatch):
    """`dossier check` makes no model, and the passages of a claims file's quotes are only the
    model's: a verdict whose passages are garbled still answers for its claims' problems there,
    while a check that makes the model refuses it and checks those claims again."""
    split(dossier)

    def no_model():
        return check_module.check(dossier, today=_today(), placed=lambda outline, pages: [])

    expected = [p.gcc() for p in no_model().problems]
    for path in _files(store, "verdicts"):
        entry = cache.Store._read_path(path)
        entry["entry"]["passages"] = [[0, 0, -1, 2, 1, "", "", "", []]] * len(entry["entry"]["passages"])
        _plant(path, cache.json.dumps(entry).encode())
    claims_checked.clear()
    found = no_model()
    assert found.dossier is None and [p.gcc() for p in found.problems] == expected
    assert claims_checked == []
    assert _result(_check(dossier)) == _from_scratch(dossier, check_module.check, monkeypatch)
    assert claims_checked != []


@pytest.fixture
def texts_read(monkeypatch) -> list[str]:
    """The sources' texts the check decodes and looks for a headline in."""
    seen: list[str] = []
    real_decode, real_headline = validate.decode_utf8, validate.proofs.headline

    def decode(raw, rel):
        if rel.startswith("content/sources/"):
            seen.append(rel)
        return real_decode(raw, rel)

    monkeypatch.setattr(validate, "decode_utf8", decode)
    monkeypatch.setattr(
        validate.proofs, "headline", lambda record, text: seen.append(record["id"]) or real_headline(record, text)
    )
    return seen


def test_a_text_the_cache_knows_is_hashed_but_neither_decoded_nor_searched_for_its_headline(
    dossier, store, texts_read, edit, monkeypatch
):
    """A warm check hashes every text and decodes none but what it reads (here, for the line of a
    warning: a title that does not find the headline, which then stands on the cached finding)."""
    edit(dossier / "content/sources.yaml", "title: Minister", "title: Ministry")
    first = _result(_check(dossier))
    assert any("title" in message for message in first[0]) and texts_read
    texts_read.clear()
    stored: list = []
    real_stored = quotes.SourceText.stored
    monkeypatch.setattr(quotes.SourceText, "stored", lambda raw: stored.append(real_stored(raw)) or stored[-1])
    second = _result(_check(dossier))  # the model reads every text: each decoded then
    assert texts_read == [] and len(stored) == 3 and all("text" in vars(t) for t in stored)
    stored.clear()
    no_model = check_module.check(dossier, today=_today(), placed=lambda outline, pages: [])
    assert [p.gcc() for p in no_model.problems] == first[0]
    # the one whose title is not found, read for the line its warning names
    assert texts_read == [] and len(stored) == 3 and sum("text" in vars(t) for t in stored) == 1
    assert second == first == _from_scratch(dossier, check_module.check, monkeypatch)
    texts_read.clear()
    beta = dossier / "content/sources/beta.txt"
    beta.write_bytes(beta.read_bytes() + b"\n")  # another text under the recorded sha256: not the one known
    assert "`content/sources/beta.txt` has sha256" in " ".join(_result(_check(dossier))[0])
    assert texts_read == []


def test_a_text_that_is_not_utf8_is_reported_on_every_check(dossier, store, edit, sha256):
    beta = dossier / "content/sources/beta.txt"
    old = sha256(beta)
    beta.write_bytes(beta.read_bytes() + b"\xff\n")
    edit(dossier / "content/sources.yaml", old, sha256(beta))
    first = [p.gcc() for p in _check(dossier).problems]
    assert any("not valid UTF-8 (byte 0xFF)" in message for message in first)
    assert [p.gcc() for p in _check(dossier).problems] == first
