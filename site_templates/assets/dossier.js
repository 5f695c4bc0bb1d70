/* Land on the cited passage. Material's instant navigation swaps pages without a real load and
   now and then keeps the previous page's scroll offset instead of jumping to the #fragment;
   after every page swap, bring the target into view and mark it (a pushState does not update
   :target, so the highlight uses a class). */
(function () {
  function land() {
    var id = decodeURIComponent(location.hash.slice(1));
    var old = document.querySelectorAll(".dq-landed");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("dq-landed");
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    /* a busy actor's card moved to its proposal's page: its old address leads there */
    var moved = target.getAttribute("data-moved-to");
    if (moved) { location.replace(moved); return; }
    target.classList.add("dq-landed");
    requestAnimationFrame(function () {
      /* centred, unless taller than most of the window: then its top, below the header */
      var tall = target.getBoundingClientRect().height > window.innerHeight * 0.8;
      target.scrollIntoView({ block: tall ? "start" : "center" });
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(land);
  } else {
    document.addEventListener("DOMContentLoaded", land);
  }
  window.addEventListener("hashchange", land);
})();

/* "Cite this": the citation, composed from the card when it is first opened, of the card's own
   words: "Speaker (date). Summary. “Excerpt” In “Source”, outlet, date. Recorded in the dossier
   at PERMALINK." (the excerpt is the passage whose source is marked .dq-src; the dates without
   their "inferred" disclosures). Written into each card, it repeated the card (5 MiB at 10,000
   claims). "Copy the citation" copies its text with the permalink made absolute;
   navigator.clipboard needs a secure context (https, localhost): from a file:// copy, the text
   is selected for the reader to copy. */
(function () {
  /* An element's words without its disclosures (an inferred value's reason, and the space before it). */
  function plain(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll("details").forEach(function (reason) {
      var before = reason.previousSibling;
      if (before && before.nodeType === 3) before.data = before.data.replace(/\s$/, "");
      reason.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  /* An address as the page's own links write it, relative to the page (site/plan.py's
     Links.to; Material has made every link of the page absolute by now). */
  function relative(address) {
    var to = new URL(address, location.href);
    if (to.origin !== location.origin) return address;
    var base = location.pathname.replace(/[^/]*$/, "").split("/").filter(Boolean);
    var path = to.pathname.split("/").filter(Boolean);
    var same = 0;
    while (same < base.length && same < path.length && base[same] === path[same]) same++;
    var up = base.slice(same).map(function () { return ".."; });
    var rel = up.concat(path.slice(same)).join("/") || ".";
    if (/\/$/.test(to.pathname)) rel = rel === "." ? "./" : rel + "/";
    return rel + to.hash;
  }
  function compose(cite) {
    var made = cite.querySelector(".dq-citation");
    if (made) return made;
    var card = cite.closest(".dq-card");
    var who = card.querySelector(".dq-card__who");
    var head = card.querySelector(".dq-card__head").cloneNode(true);
    head.removeChild(head.querySelector(".dq-card__who"));
    var summary = plain(card.querySelector(".dq-card__summary"));
    var source = card.querySelector(".dq-src");
    var passage = cite.hasAttribute("data-bare") ? "" : plain(source.closest(".dq-evidence").firstElementChild);
    var link = document.createElement("a");
    link.className = "dq-permalink";
    link.textContent = relative(who.href);
    link.setAttribute("href", link.textContent);
    made = document.createElement("p");
    made.className = "dq-citation";
    made.append(
      plain(who) + " (" + plain(head).replace(/^· /, "") + "). " + summary +
        (/[.!?]["”]?$/.test(summary) ? "" : ".") + " " + (passage ? passage + " " : "") +
        "In " + plain(source) + ". Recorded in the dossier at ",
      link,
      "."
    );
    cite.insertBefore(made, cite.querySelector("summary").nextSibling);
    return made;
  }
  /* The disclosure itself, on every card that holds its evidence (not a card repeated under a
     further proposal), with its tools: copying the citation, and the claim's CSL-JSON, taken from
     the CSL-JSON of every claim beside this script (data/claims.csl.json.zip, the link's target). */
  var script = document.currentScript;
  var csl = script ? new URL("../data/claims.csl.json.zip", script.src).href : "";
  function addCites() {
    if (!csl) return;
    document.querySelectorAll("article.dq-card:not(.dq-card--again)").forEach(function (card) {
      if (card.querySelector(":scope > details.dq-cite")) return;
      var cite = document.createElement("details");
      cite.className = "dq-cite";
      if (card.hasAttribute("data-bare")) cite.setAttribute("data-bare", "");
      cite.innerHTML = '<summary>Cite this</summary><p class="dq-cite__tools"><button type="button" ' +
        'class="dq-copy">Copy the citation</button> <a class="dq-csl">Download CSL-JSON</a> (for Zotero ' +
        "and other reference managers)</p>";
      cite.querySelector(".dq-csl").setAttribute("href", relative(csl));
      card.appendChild(cite);
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(addCites);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addCites);
  } else {
    addCites();
  }
  document.addEventListener("toggle", function (event) {
    var cite = event.target;
    if (cite.matches && cite.matches("details.dq-cite") && cite.open) compose(cite);
  }, true);

  function citationText(cite) {
    var link = cite.querySelector(".dq-permalink");
    var text = cite.textContent.replace(/\s+/g, " ").trim();
    return link ? text.replace(link.textContent.trim(), link.href) : text;
  }
  function fallback(cite, text) {
    var range = document.createRange();
    range.selectNodeContents(cite);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { document.execCommand("copy"); } catch (e) { /* the text stays selected */ }
    return Promise.resolve(text);
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".dq-copy") : null;
    if (!button) return;
    var cite = compose(button.closest(".dq-cite"));
    var text = citationText(cite);
    var copying = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(text).catch(function () { return fallback(cite, text); })
      : fallback(cite, text);
    copying.then(function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = "Copy the citation"; }, 2000);
    });
  });
})();

/* Printing: every inferred date's reason and every disclosure is part of the printed record, so
   open them for the print and restore them afterwards. */
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details.dq-reason:not([open]), details.dq-cond:not([open])");
    for (var i = 0; i < closed.length; i++) { closed[i].open = true; opened.push(closed[i]); }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) opened.pop().open = false;
  });
})();

/* A basis mark's tooltip: what the mark means (views.BASIS_MARKS, as in the page's legend), set when
   the pointer first reaches it rather than written into each of a page's thousand marks. */
(function () {
  var MEANING = {
    "quoted": "quoted: rests on the speaker's own words, in quotation marks",
    "reported": "reported: rests on the outlet's report of what was said, without a direct quote",
    "outlets-account": "outlet's account: rests only on the outlet's framing or paraphrase"
  };
  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest ? event.target.closest(".dq-basis") : null;
    if (!mark || mark.title) return;
    for (var kind in MEANING) {
      if (mark.classList.contains("dq-basis--" + kind)) mark.title = MEANING[kind];
    }
  });
})();

/* "Download CSL-JSON": the claim's items, taken from the CSL-JSON of every claim (the link's
   target, data/claims.csl.json.zip: a zip archive of one file, deflated). The archive is fetched
   once per page (then from the browser's cache) and inflated by the browser's DecompressionStream;
   the file saved is the claim's items as the generator writes them (export.csl). The claim is the
   one the card's permalink names (#claim-ID). A browser without DecompressionStream follows the
   link, as does any failure (an older one without "deflate-raw", a failed fetch): the archive of
   every claim. */
(function () {
  var archives = {};
  function inflated(url) {
    if (!archives[url]) {
      archives[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.arrayBuffer();
      }).then(function (buffer) {
        /* the local file header: compressed size at 18, name and extra field lengths at 26 and 28 */
        var head = new DataView(buffer);
        var start = 30 + head.getUint16(26, true) + head.getUint16(28, true);
        var member = new Blob([buffer.slice(start, start + head.getUint32(18, true))]);
        return new Response(member.stream().pipeThrough(new DecompressionStream("deflate-raw"))).json();
      });
      archives[url].catch(function () { delete archives[url]; });
    }
    return archives[url];
  }
  function save(name, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "application/vnd.citationstyles.csl+json" }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".dq-csl") : null;
    if (!link || typeof DecompressionStream === "undefined") return;
    var permalink = link.closest(".dq-cite").querySelector(".dq-permalink");
    var claim = permalink ? decodeURIComponent(permalink.hash).replace(/^#claim-/, "") : "";
    if (!claim) return;
    event.preventDefault();
    inflated(link.href).then(function (items) {
      var mine = items.filter(function (item) {
        var found = /^(.*)-[0-9]+$/.exec(item.id);
        return found && found[1] === claim;
      });
      save(claim + ".json", JSON.stringify(mine) + "\n");
    }, function () { location.href = link.href; });
  });
})();
