"""What `dossier add-source` tells the curator: what it stored, what the page stated (and where),
and each field it left unknown with how to fill it in."""

from __future__ import annotations

from ..data.schema import vocabulary
from ..errors import echo
from .add_source import Added, sources_file

HOW = {
    "outlet": "`outlet: {name: NAME, basis: stated}` (or --outlet NAME)",
    "published": "`published: {date: YYYY-MM-DD, basis: stated}` (or --published DATE)",
}


def report(added: Added) -> list[str]:
    if added.original:
        stored = [
            f"stored {added.file} ({added.size} bytes, sha256 {added.sha256[:12]}…), the article's text extracted "
            f"from {added.original}, kept byte for byte"
        ]
    else:
        stored = [f"stored {added.file} ({added.size} bytes, sha256 {added.sha256[:12]}…)"]
    lines = [*stored, f"added source `{added.id}` to {sources_file()}, line {added.line}"]
    if added.stated:
        said = ", ".join(f"{key} {echo(value, 120)} ({where})" for key, (value, where) in added.stated.items())
        lines.append(f"as the page states it (basis: stated): {said}")
    if added.title_from_text:
        lines.append("title: the text's first line (noted in `notes`): check it, or give --title")
    if added.unknown:
        how = "; ".join(HOW[key] for key in added.unknown)
        lines.append(
            f"left unknown: {', '.join(added.unknown)}: fill in only what the text states: {how}; "
            "a value worked out from the text is `basis: inferred` with its `reason`"
        )
    quotes = ", ".join(vocabulary("quotes-language"))
    lines.append(
        "translation left out: say whose words are translated: `translation: {quotes: translated, "
        f"spoken: [uk], translator: NAME}}` (quotes: {quotes}; spoken and translator only where the text says)"
    )
    return lines
