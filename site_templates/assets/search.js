/* The header's search (partials/dq-search.html): Material's search box and result list, with
   Pagefind's index (site/pagefind/) behind them. Nothing is fetched until the reader types; then
   Pagefind's script, its wasm, its metadata, the index chunks of the words typed and the
   fragments of the results shown. The filters' values are fetched only when "Filters" is opened.
   Loaded once: Material's instant navigation swaps the page's content, never the header. */
(function () {
  var box = document.querySelector(".dq-search");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  if (location.protocol === "file:") {
    document.documentElement.classList.add("dq-no-search");
    return;
  }
  /* Absolute, from the first page loaded: later pages arrive by instant navigation. The 404 page
     gets an absolute root ("/"): "//" would be a URL with an empty host, which throws. */
  var given = box.getAttribute("data-dq-root").replace(/\/+$/, "");
  var root = new URL(given + "/", location.href).pathname;
  var input = box.querySelector(".md-search__input");
  var form = box.querySelector(".md-search__form");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var details = box.querySelector(".dq-search__filters");
  var selects = box.querySelector(".dq-search__selects");
  var placeholder = meta.textContent.trim();
  var engine = null;
  var chosen = {};
  var latest = 0;
  var MAX = 10;

  function pagefind() {
    if (!engine) {
      engine = import(root + box.getAttribute("data-dq-bundle") + "pagefind.js").then(function (pf) {
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
      meta.textContent = placeholder;
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
      selects.getAttribute("data-dq-filters").split(" ").forEach(function (key) {
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
