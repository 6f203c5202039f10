// Site search, entirely in the browser: loaded by site.js when someone starts to type in the search field,
// and at once by the full results page (layouts/search-results.mustache). It loads the engine
// (search-engine.js), the stemmer of the page's language (stem-nl.js, stem-en.js) and the index
// (search-index.js, written by the build), all as scripts so that search also works from file://, and
// shows the results: the first eight under the header field as you type, all of them on the results page.
(function () {
  "use strict";
  var MV = window.Mengvorm;
  // The results page loads this script itself; site.js may load it again when someone types in the header.
  if (!MV || MV.search) return;
  var t = MV.t, el = MV.el, lang = MV.lang, doc = document;
  var here = doc.currentScript && doc.currentScript.src ? doc.currentScript.src.replace(/[^/]*$/, "") : "";

  var STEMMERS = { nl: true, en: true };

  // ---- Loading the index (and the stemmer) once ----

  var state = "idle", engine = null, waiting = [], resultsURLs = {};

  function whenReady(indexURL, callback) {
    if (state === "ready" || state === "failed") { callback(engine); return; }
    waiting.push(callback);
    if (state === "loading") return;
    state = "loading";
    var pending = 2 + (STEMMERS[lang] ? 1 : 0);
    function done() {
      if (--pending > 0) return;
      var index = window.MENGVORM_SEARCH_INDEX || {};
      var all = (Array.isArray(index) ? index : index.pages) || [];
      var mine = all.filter(function (entry) { return entry.l === lang; });
      if (!mine.length) mine = all.filter(function (entry) { return !entry.l; });
      var started = Date.now();
      var search = window.MengvormSearchEngine;
      engine = new search.Engine(mine, (index.synonyms || {})[lang], (window.MengvormStem || {})[lang], search.stopWords[lang]);
      engine.buildMs = Date.now() - started;
      resultsURLs = index.results || {};
      state = "ready";
      finish();
    }
    function failed() { state = "failed"; finish(); }
    function finish() { var list = waiting; waiting = []; list.forEach(function (callback) { callback(engine); }); }
    loadScript(here + "search-engine.js", done, failed);
    if (STEMMERS[lang]) loadScript(here + "stem-" + lang + ".js", done, failed);
    loadScript(indexURL, done, failed);
  }

  function loadScript(src, onload, onerror) {
    var script = el("script", { src: src });
    script.onload = onload;
    script.onerror = onerror;
    doc.body.appendChild(script);
  }

  // ---- Showing results ----

  function resultsPageURL(root, query) {
    var url = resultsURLs[lang];
    return url ? root + url + "?q=" + encodeURIComponent(query) : null;
  }

  function hitItem(hit, found, root, size) {
    var entry = hit.entry;
    var pieces = engine.snippet(entry, found.marks, size);
    var snippet = el("p", { class: "search-hit__snippet" });
    if (pieces) {
      pieces.forEach(function (piece) { snippet.appendChild(piece.mark ? el("mark", { text: piece.text }) : doc.createTextNode(piece.text)); });
    } else {
      snippet.textContent = entry.d || (entry.x || "").slice(0, size);
    }
    return el("li", { class: "search-hit" }, [
      el("a", { href: root + entry.u, text: entry.t }),
      entry.s ? el("span", { class: "site-search__section", text: entry.s }) : null,
      snippet.textContent ? snippet : null
    ]);
  }

  function countText(found, query) {
    var count = found.hits.length;
    if (!count) return t("search_none", { query: query });
    return count === 1 ? t("search_count_one", { query: query }) : t("search_count", { count: count, query: query });
  }

  /**
   * Writes the count into the live region `status`; when nothing was found and a nearby word is known, adds
   * "Bedoelde je …?" with the word as a button that searches for it (read out with the count).
   */
  function announce(status, found, query, use) {
    status.textContent = countText(found, query);
    if (!found.suggestion) return;
    var parts = t("search_did_you_mean").split("{query}");
    var button = el("button", { type: "button", class: "search-suggest__button", text: found.suggestion });
    button.addEventListener("click", function () { use(found.suggestion); });
    status.appendChild(el("span", { class: "search-suggest" }, [" " + parts[0], button, parts[1] || ""]));
  }

  // ---- The search field in the header: the first eight results as you type ----

  function enhanceBox(box) {
    var input = box.querySelector("input");
    var results = box.querySelector(".site-search__results");
    var list = results.querySelector("ul");
    var status = results.querySelector("[role=status]");
    var extra = el("div", { class: "site-search__extra" });
    results.appendChild(extra);
    var root = box.getAttribute("data-root") || "";
    var timer = null;

    function run() {
      var query = input.value.trim();
      if (query.length < 2) { results.hidden = true; list.textContent = ""; extra.textContent = ""; status.textContent = ""; return; }
      results.hidden = false;
      if (state !== "ready") {
        status.textContent = t(state === "failed" ? "search_failed" : "search_loading");
        if (state !== "failed") whenReady(box.getAttribute("data-index"), run);
        return;
      }
      var started = window.performance ? performance.now() : Date.now();
      var found = engine.search(input.value, true);
      list.textContent = "";
      extra.textContent = "";
      found.hits.slice(0, 8).forEach(function (hit) { list.appendChild(hitItem(hit, found, root, 140)); });
      var page = resultsPageURL(root, query);
      if (page && found.hits.length > 8) {
        extra.appendChild(el("p", { class: "site-search__all" }, [el("a", { href: page, text: t("search_all", { count: found.hits.length }) })]));
      }
      announce(status, found, query, function (suggestion) { input.value = suggestion; run(); input.focus(); });
      MV.search.lastMs = (window.performance ? performance.now() : Date.now()) - started;
    }

    function links() { return Array.prototype.slice.call(results.querySelectorAll("a, button")); }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 60);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        if (!results.hidden) { results.hidden = true; } else { input.value = ""; run(); }
        event.preventDefault();
      } else if (event.key === "ArrowDown" && !results.hidden) {
        var first = links()[0];
        if (first) { first.focus(); event.preventDefault(); }
      } else if (event.key === "Enter") {
        var query = input.value.trim(), page = resultsPageURL(root, query);
        if (query.length >= 2 && page) { event.preventDefault(); window.location.href = page; }
      }
    });
    // Arrows move between the results, Escape goes back to the field.
    results.addEventListener("keydown", function (event) {
      var all = links(), at = all.indexOf(doc.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown") { if (at + 1 < all.length) all[at + 1].focus(); event.preventDefault(); }
      else if (event.key === "ArrowUp") { (at > 0 ? all[at - 1] : input).focus(); event.preventDefault(); }
      else if (event.key === "Escape") { results.hidden = true; input.focus(); event.preventDefault(); }
    });
    // Coming back to the field from elsewhere shows the results again; from the list itself (Escape) it does not.
    input.addEventListener("focus", function (event) {
      if (input.value.trim().length >= 2 && !(event.relatedTarget && box.contains(event.relatedTarget))) run();
    });
    // The results close when focus or a click goes elsewhere on the page.
    box.addEventListener("focusout", function () {
      window.setTimeout(function () { if (!box.contains(doc.activeElement)) results.hidden = true; }, 0);
    });
    // (A click on "bedoelde je" replaces the button it hit: a target no longer in the page is not "elsewhere".)
    doc.addEventListener("click", function (event) {
      if (!box.contains(event.target) && doc.contains(event.target)) results.hidden = true;
    });
  }

  // ---- The results page (zoeken/?q=…): every result, in steps ----

  var PAGE_STEP = 20;

  function enhancePage(page) {
    var form = page.querySelector(".search-page__form");
    var input = form.querySelector("input");
    var status = page.querySelector(".search-page__status");
    var list = page.querySelector(".search-page__results");
    var extra = page.querySelector(".search-page__extra");
    var everything = page.querySelector(".search-page__all");
    var root = page.getAttribute("data-root") || "";
    var shown = PAGE_STEP, found = null, timer = null;
    form.hidden = false;
    var nojs = page.querySelector(".search-page__nojs");
    if (nojs) nojs.hidden = true;
    var params = window.location.search.replace(/^\?/, "").split("&");
    params.forEach(function (pair) {
      var parts = pair.split("=");
      if (parts[0] === "q" && parts[1]) input.value = decodeURIComponent(parts[1].replace(/\+/g, " "));
    });

    function remember(query) {
      try { window.history.replaceState(null, "", window.location.pathname + (query ? "?q=" + encodeURIComponent(query) : "")); } catch (e) { /* file:// may refuse */ }
    }

    function render() {
      list.textContent = "";
      extra.textContent = "";
      found.hits.slice(0, shown).forEach(function (hit) { list.appendChild(hitItem(hit, found, root, 220)); });
      if (found.hits.length > shown) {
        var more = MV.button(t("search_more"), function () {
          var next = shown;
          shown += PAGE_STEP;
          render();
          var link = list.children[next] && list.children[next].querySelector("a");
          if (link) link.focus();
        });
        extra.appendChild(el("div", { class: "mv-actions" }, [more]));
      }
    }

    function run() {
      var query = input.value.trim();
      remember(query);
      if (query.length < 2) {
        list.textContent = ""; extra.textContent = ""; status.textContent = "";
        if (everything) everything.hidden = false;
        return;
      }
      if (state !== "ready") {
        status.textContent = t(state === "failed" ? "search_failed" : "search_loading");
        if (state !== "failed") whenReady(page.getAttribute("data-index"), run);
        return;
      }
      if (everything) everything.hidden = true;
      found = engine.search(query, false);
      shown = PAGE_STEP;
      render();
      announce(status, found, query, function (suggestion) { input.value = suggestion; run(); input.focus(); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 120);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { window.clearTimeout(timer); run(); event.preventDefault(); }
    });
    page.setAttribute("data-ready", "true");
    run();
  }

  MV.search = {
    /** Loads the index (once) and calls back with the engine, or null when it cannot load. */
    load: function (callback) {
      var source = doc.querySelector("[data-index]");
      whenReady(source ? source.getAttribute("data-index") : "search-index.js", callback);
    },
    /** The engine once the index is loaded (null before), for tests and Benchmarks/search_latency.py. */
    engineReady: function () { return engine; },
    /** How long the last answer in the header took (search and drawing the results), in ms. */
    lastMs: 0
  };

  doc.querySelectorAll(".site-search[data-index]").forEach(function (box) {
    enhanceBox(box);
    box.querySelector("input").dispatchEvent(new Event("input"));
  });
  doc.querySelectorAll(".search-page[data-index]").forEach(enhancePage);
})();
