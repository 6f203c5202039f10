// Place chooser: the werkplekspel from Content/_data/activities.yml. Tick activities and see, for each, the
// places that suit it (best first) and why, and whether everyone must be there or hybrid works.
// The ticks are kept in this browser only.
(function () {
  "use strict";
  var MV = window.Mengvorm;
  var el = MV.el, t = MV.t;
  var FITS = ["best", "good", "possible"];

  /** The component's own stylesheet, beside site.css (css/components/NAME.css). */
  function loadStyle(name) {
    if (document.querySelector("link[data-style='" + name + "']")) return;
    var src = document.currentScript ? document.currentScript.src : "";
    document.head.appendChild(el("link", { rel: "stylesheet", "data-style": name, href: src.replace(/js\/components\/[^/]*$/, "css/components/" + name + ".css") }));
  }
  loadStyle("place-chooser");

  MV.register("place-chooser", function (root) {
    var data = MV.readJSON(root.querySelector(".mv-data")) || {};
    var activities = data.activities || [];
    var places = data.places || [];
    var form = root.querySelector(".pc-form");
    var results = root.querySelector(".pc-results");
    var status = root.querySelector(".pc-status");
    var key = MV.store.key("place-chooser");
    root.querySelectorAll(".mv-js-only").forEach(function (node) { node.hidden = false; });

    function place(id) { return places.filter(function (p) { return p.id === id; })[0] || { id: id, name: id }; }
    function boxes() { return Array.prototype.slice.call(form.querySelectorAll("input[name=activity]")); }
    function chosen() { return boxes().filter(function (box) { return box.checked; }).map(function (box) { return box.value; }); }

    function card(activity) {
      var ranked = (activity.places || []).slice().sort(function (a, b) { return FITS.indexOf(a.fit) - FITS.indexOf(b.fit); });
      var items = ranked.map(function (entry) {
        var where = place(entry.place);
        return el("li", { class: "pc-place pc-place--" + (entry.fit || "possible"), "data-place": where.id, "data-fit": entry.fit || "possible" }, [
          el("span", { class: "pc-fit", text: t("pc_fit_" + (FITS.indexOf(entry.fit) >= 0 ? entry.fit : "possible")) }), " ",
          el("strong", { class: "pc-place__name", text: where.name }),
          el("span", { class: "pc-why", text: entry.why ? ": " + entry.why : "" })
        ]);
      });
      var facts = [];
      if (activity.presence) facts.push(el("li", { class: "pc-presence", "data-presence": activity.presence, text: t("pc_presence_" + activity.presence) }));
      if (activity.anchor_day) facts.push(el("li", { class: "pc-anchor", text: t("pc_anchor_day") }));
      var id = root.id + "-" + activity.id;
      return el("article", { class: "pc-card", "data-activity": activity.id, "aria-labelledby": id }, [
        el("h3", { id: id, text: activity.name }),
        activity.description ? el("p", { class: "pc-description", text: activity.description }) : null,
        el("ol", { class: "pc-places" }, items),
        facts.length ? el("ul", { class: "pc-facts" }, facts) : null
      ]);
    }

    function render(announce) {
      var ids = chosen();
      results.textContent = "";
      activities.forEach(function (activity) {
        if (ids.indexOf(activity.id) >= 0) results.appendChild(card(activity));
      });
      if (!ids.length) results.appendChild(el("p", { class: "pc-empty", text: t("pc_none") }));
      if (announce) status.textContent = ids.length === 1 ? t("pc_count_one") : t("pc_count", { count: ids.length });
      clear.disabled = !ids.length;
    }

    var clear = MV.button(t("pc_clear"), function () {
      boxes().forEach(function (box) { box.checked = false; });
      MV.store.remove(key);
      render(true);
    }, "mv-button--quiet");
    root.querySelector(".pc-output .mv-actions").appendChild(clear);

    var saved = MV.store.get(key);
    if (saved && saved.length) boxes().forEach(function (box) { box.checked = saved.indexOf(box.value) >= 0; });
    form.addEventListener("change", function () {
      var ids = chosen();
      if (ids.length) MV.store.set(key, ids); else MV.store.remove(key);
      render(true);
    });
    render(false);
  });
})();
