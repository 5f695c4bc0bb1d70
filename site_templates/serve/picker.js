// `dossier serve` only: select words in a source's full text and copy the evidence item that
// cites them. The item is made by the preview (the `dossier quote` matcher), never here.
(function () {
  "use strict";
  var m = location.pathname.match(/\/sources\/([a-z0-9-]+)(?:\.html|\/(?:index\.html)?)$/);
  var text = document.querySelector(".dq-text");
  if (!m || !text) return;
  var source = m[1];
  var button = document.createElement("button");
  button.type = "button";
  button.className = "dq-pick";
  button.textContent = "Copy evidence item";
  button.hidden = true;
  button.style.cssText = "position:absolute;z-index:10;font:inherit;font-size:.8rem;padding:.2em .6em;";
  var result = document.createElement("div");
  result.className = "dq-pick-result";
  result.setAttribute("role", "status");
  result.style.cssText = "white-space:pre;font-family:monospace;font-size:.75rem;margin:.5em 0;";
  document.body.appendChild(button);
  text.parentNode.insertBefore(result, text);

  // The page's text as stored: the reference marks [1] are the page's, not the source's.
  function words(range) {
    var box = document.createElement("div");
    box.appendChild(range.cloneContents());
    box.querySelectorAll("sup.dq-ref").forEach(function (sup) { sup.remove(); });
    return box.textContent;
  }
  function offset(range) {
    var before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(range.startContainer, range.startOffset);
    return Array.from(words(before)).length; // code points, as the source's offsets count
  }
  function picked() {
    var sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return null;
    var range = sel.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) return null;
    return range;
  }
  var current = null; // the words and their place, kept when the selection is made
  document.addEventListener("mouseup", function (event) {
    if (event.target === button) return;
    var range = picked();
    current = range ? { source: source, text: words(range), at: offset(range) } : null;
    if (!range) { button.hidden = true; return; }
    var box = range.getBoundingClientRect();
    button.style.left = (window.scrollX + box.left) + "px";
    button.style.top = (window.scrollY + box.bottom + 4) + "px";
    button.hidden = false;
  });
  button.addEventListener("click", function () {
    if (!current) return;
    var body = JSON.stringify(current);
    fetch("/_dossier/passage", { method: "POST", headers: { "Content-Type": "application/json" }, body: body })
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        if (answer.error) { result.textContent = answer.error; return; }
        result.textContent = answer.yaml;
        return navigator.clipboard.writeText(answer.yaml).then(
          function () { result.textContent = "Copied (line " + answer.line + "):\n" + answer.yaml; },
          function () { result.textContent = "Copy this (line " + answer.line + "):\n" + answer.yaml; }
        );
      })
      .catch(function () { result.textContent = "The preview did not answer: is `dossier serve` running?"; });
    button.hidden = true;
  });
})();
