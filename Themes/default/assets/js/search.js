// Site search, entirely in the browser: loaded by site.js when someone starts to type in the search field.
// The index (search-index.js, written by the build) is a script too, so it also loads from file://.
(function () {
  "use strict";
  var MV = window.Mengvorm;
  var t = MV.t, el = MV.el, lang = MV.lang, doc = document;

  function fold(text) {
    return String(text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function enhanceSearch(box) {
    var input = box.querySelector("input");
    var results = box.querySelector(".site-search__results");
    var list = results.querySelector("ul");
    var status = results.querySelector("[role=status]");
    var root = box.getAttribute("data-root") || "";
    var state = "idle";
    var entries = [];
    var timer = null;

    function load() {
      if (state !== "idle") return;
      state = "loading";
      var script = el("script", { src: box.getAttribute("data-index") });
      script.onload = function () {
        var all = window.MENGVORM_SEARCH_INDEX || [];
        var mine = all.filter(function (entry) { return entry.l === lang; });
        if (!mine.length) mine = all.filter(function (entry) { return !entry.l; });
        entries = mine.map(function (entry) {
          return { entry: entry, title: fold(entry.t), headings: fold(entry.h), description: fold(entry.d), text: fold(entry.x) };
        });
        state = "ready";
        run();
      };
      script.onerror = function () { state = "failed"; run(); };
      doc.body.appendChild(script);
    }

    function run() {
      var query = input.value.trim();
      if (query.length < 2) { results.hidden = true; list.textContent = ""; status.textContent = ""; return; }
      results.hidden = false;
      if (state !== "ready") {
        status.textContent = t(state === "failed" ? "search_failed" : "search_loading");
        load();
        return;
      }
      var words = fold(query).split(/\s+/).filter(Boolean);
      var found = [];
      entries.forEach(function (item) {
        var score = 0;
        for (var i = 0; i < words.length; i++) {
          var word = words[i];
          var points = (item.title.indexOf(word) >= 0 ? 10 : 0) + (item.headings.indexOf(word) >= 0 ? 4 : 0) +
            (item.description.indexOf(word) >= 0 ? 3 : 0) + (item.text.indexOf(word) >= 0 ? 1 : 0);
          if (!points) return;
          score += points;
        }
        found.push({ entry: item.entry, score: score });
      });
      found.sort(function (a, b) { return b.score - a.score; });
      list.textContent = "";
      found.slice(0, 8).forEach(function (hit) {
        var entry = hit.entry;
        list.appendChild(el("li", {}, [
          el("a", { href: root + entry.u, text: entry.t }),
          entry.s ? el("span", { class: "site-search__section", text: entry.s }) : null,
          entry.d ? el("p", { text: entry.d }) : null
        ]));
      });
      status.textContent = !found.length ? t("search_none", { query: query }) :
        found.length === 1 ? t("search_count_one", { query: query }) : t("search_count", { count: found.length, query: query });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 120);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; run(); }
    });
    input.addEventListener("focus", function () { if (input.value.trim().length >= 2) run(); });
    // The results close when focus or a click goes elsewhere on the page.
    box.addEventListener("focusout", function () {
      window.setTimeout(function () { if (!box.contains(doc.activeElement)) results.hidden = true; }, 0);
    });
    doc.addEventListener("click", function (event) { if (!box.contains(event.target)) results.hidden = true; });
  }

  document.querySelectorAll(".site-search[data-index]").forEach(function (box) {
    enhanceSearch(box);
    box.querySelector("input").dispatchEvent(new Event("input"));
  });
})();
