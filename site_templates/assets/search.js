/* The header's search: Material's search box and result list (its styles, its look), with
   Pagefind's index (site/pagefind/) behind them instead of Material's lunr plugin. This script
   writes the box into the header where Material puts its own (after the title and before the
   repository's link), so a page carries none of it and a reader without JavaScript, whom it
   cannot serve, sees no box. No data-md-component and no form named "search" (Material would
   fetch its lunr index): Material's script leaves it alone. Nothing is fetched until the reader
   types; then Pagefind's script, its wasm, its metadata, the index chunks of the words typed
   and the fragments of the results shown. The filters' values are fetched only when "Filters"
   is opened. Loaded once: Material's instant navigation swaps the page's content, never the
   header. Not from disk (file://), where browsers refuse the module and the fetches Pagefind
   needs, as they did Material's search. */
(function () {
  var header = document.querySelector(".md-header__inner");
  var toggle = document.getElementById("__search");
  var script = document.currentScript;
  if (!header || !toggle || !script || location.protocol === "file:") return;
  /* Material's icons (.icons/material/magnify, arrow-left and close: tests/test_house.py holds
     them equal to the installed theme's) and its markup, as its header partial writes it. */
  function icon(path) {
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="' + path + '"/></svg>';
  }
  var MAGNIFY = icon("M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5");
  var BACK = icon("M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z");
  var CLOSE = icon("M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z");
  var FILTERS = ["kind", "actor", "proposal", "stance", "year", "source", "language"];
  var PLACEHOLDER = "Type to start searching";
  var MARKUP =
    '<label class="md-header__button md-icon" for="__search">\n' + MAGNIFY + '\n<span class="dq-sr">Search</span>\n</label>\n' +
    '<div class="md-search dq-search" role="dialog" aria-label="Search">\n' +
    '<label class="md-search__overlay" for="__search"></label>\n' +
    '<div class="md-search__inner" role="search">\n' +
    '<form class="md-search__form" name="dq-search">\n' +
    '<input type="text" class="md-search__input" name="query" aria-label="Search" placeholder="Search"' +
    ' autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" required>\n' +
    '<label class="md-search__icon md-icon" for="__search">\n' + MAGNIFY + '\n' + BACK + '\n</label>\n' +
    '<nav class="md-search__options" aria-label="Search">\n' +
    '<button type="reset" class="md-search__icon md-icon" title="Clear" aria-label="Clear" tabindex="-1">\n' +
    CLOSE + '\n</button>\n</nav>\n</form>\n' +
    '<div class="md-search__output">\n<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>\n' +
    '<details class="dq-search__filters">\n<summary>Filters</summary>\n<div class="dq-search__selects"></div>\n</details>\n' +
    '<div class="md-search-result">\n<div class="md-search-result__meta" aria-live="polite">' + PLACEHOLDER + '</div>\n' +
    '<ol class="md-search-result__list"></ol>\n</div>\n</div>\n</div>\n</div>\n</div>\n';
  var source = header.querySelector(".md-header__source");
  if (source) source.insertAdjacentHTML("beforebegin", MARKUP);
  else header.insertAdjacentHTML("beforeend", MARKUP);
  var box = header.querySelector(".dq-search");
  /* The site's root, absolute, from this script's address (assets/search.js): later pages
     arrive by instant navigation, and the 404 page is served at any depth. */
  var root = new URL("../", script.src).pathname;
  var bundle = root + "pagefind/";
  var input = box.querySelector(".md-search__input");
  var form = box.querySelector(".md-search__form");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var details = box.querySelector(".dq-search__filters");
  var selects = box.querySelector(".dq-search__selects");
  var engine = null;
  var chosen = {};
  var latest = 0;
  var MAX = 10;

  function pagefind() {
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (pf) {
        return pf.options({ baseUrl: root }).then(function () { return pf; });
      });
    }
    return engine;
  }

  /* An excerpt from Pagefind (escaped text with <mark>s): only <mark> survives, all else is text;
     parsed in a document of its own, where nothing loads or runs. */
  function inert(html, into) {
    var doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(node.textContent));
      }
    });
    return into;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = data.meta.title || data.url; /* plain text (excerpts are HTML-escaped) */
    article.appendChild(title);
    if (data.meta.said) {
      var when = document.createElement("p");
      when.className = "dq-search__said";
      when.textContent = data.meta.said;
      article.appendChild(when);
    }
    /* A claim's own excerpt (its first quote) as plain text; Pagefind's, cut around the matched
       words, would often be the claim's list of the speaker's aliases. */
    var text = document.createElement("p");
    if (data.meta.excerpt) text.textContent = data.meta.excerpt;
    else inert(data.excerpt || "", text);
    article.appendChild(text);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function filters() {
    var out = {};
    Object.keys(chosen).forEach(function (key) { if (chosen[key]) out[key] = chosen[key]; });
    return out;
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      meta.textContent = PLACEHOLDER;
      return;
    }
    pagefind().then(function (pf) {
      return pf.debouncedSearch(query, { filters: filters() }, 150);
    }).then(function (search) {
      if (!search || ticket !== latest) return null;
      return Promise.all(search.results.slice(0, MAX).map(function (r) { return r.data(); })).then(function (rows) {
        if (ticket !== latest) return;
        var n = search.results.length;
        meta.textContent = n === 0 ? "No matching documents" : n === 1 ? "1 matching document"
          : n + " matching documents" + (n > MAX ? ", the first " + MAX + " shown" : "");
        list.replaceChildren.apply(list, rows.map(item));
      });
    }).catch(function (err) {
      meta.textContent = "Search is unavailable (" + err.message + ")";
    });
  }

  function fillFilters() {
    if (selects.childElementCount) return;
    pagefind().then(function (pf) { return pf.filters(); }).then(function (all) {
      FILTERS.forEach(function (key) {
        if (!all[key]) return;
        var label = document.createElement("label");
        label.textContent = key.charAt(0).toUpperCase() + key.slice(1) + " ";
        var select = document.createElement("select");
        select.name = key;
        select.appendChild(new Option("any", ""));
        Object.keys(all[key]).sort().forEach(function (value) {
          select.appendChild(new Option(value + " (" + all[key][value] + ")", value));
        });
        select.addEventListener("change", function () { chosen[key] = select.value; run(); });
        label.appendChild(select);
        selects.appendChild(label);
      });
    });
  }

  function open() {
    toggle.checked = true;
    input.focus();
  }
  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", function () { toggle.checked = true; });
  input.addEventListener("input", run);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { run(); input.focus(); }); });
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".md-search-result__link")) close();
  });
  details.addEventListener("toggle", function () { if (details.open) fillFilters(); });
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });

  function links() { return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link")); }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var el = document.activeElement;
    var typing = el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" ||
      el.isContentEditable);
    if (!toggle.checked) {
      if (!typing && (event.key === "f" || event.key === "s" || event.key === "/")) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var all = links();
      if (!all.length) return;
      event.preventDefault();
      var at = all.indexOf(el);
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    }
  });

  /* A followed result: close the search (the page below changed, or only its #fragment). */
  if (typeof document$ !== "undefined") document$.subscribe(function () { if (toggle.checked) close(); });
  window.addEventListener("hashchange", close);
})();
