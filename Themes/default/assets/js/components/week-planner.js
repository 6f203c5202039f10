// Week planner: where you work per half day and what you do, checked against your team (teams.yml) and the
// activity list (week-planner-summary.js, loaded once something is planned). Saved in this browser only; a
// share link holds the week in the URL fragment (never sent).
(function () {
  "use strict";
  var MV = window.Mengvorm, el = MV.el, t = MV.t;
  var here = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";
  var KEY = "mengvorm:week-planner";
  var DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"], HALVES = ["am", "pm"], SLOTS = [];
  DAYS.forEach(function (d, i) { HALVES.forEach(function (h) { SLOTS.push((i + 1) + h); }); });
  var OK_FIT = { best: true, good: true };

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function iso(date) { return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()); }
  function parse(text) {
    var m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text || ""), d = m && new Date(+m[1], m[2] - 1, +m[3], 12);
    return d && iso(d) === text ? d : null;
  }
  function addDays(day, n) { var d = parse(day); d.setDate(d.getDate() + n); return iso(d); }
  /** This week's Monday on a working day, next week's at the weekend. */
  function thisMonday() {
    var d = new Date(), w = d.getDay();
    return iso(new Date(d.getFullYear(), d.getMonth(), d.getDate() + (w === 0 ? 1 : w === 6 ? 2 : 1 - w), 12));
  }
  /** ISO 8601 week number: counted from the year of the week's Thursday. */
  function weekNumber(monday) {
    var thu = parse(addDays(monday, 3));
    return Math.floor(Math.round((thu - new Date(thu.getFullYear(), 0, 1, 12)) / 864e5) / 7) + 1;
  }
  function list(items) {
    return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " " + t("wp_and") + " " + items[items.length - 1];
  }
  function sentence(text) { return text.charAt(0).toUpperCase() + text.slice(1); }
  function attr(node, name) { return (node && node.getAttribute(name)) || ""; }
  function words(text) { return String(text).split(" ").filter(Boolean); }
  function all(parent, selector) { return Array.prototype.slice.call(parent.querySelectorAll(selector)); }
  function find(items, id, key) { return items.filter(function (x) { return x[key || "id"] === id; })[0] || null; }

  /** The data, from the attributes the template wrote (lighter than JSON). */
  function readData(root) {
    var box = root.querySelector(".wp-data"), rates = {};
    all(box, "[data-rate]").forEach(function (r) {
      var code = attr(r, "data-rate");
      (rates[code] = rates[code] || []).push({ year: attr(r, "data-year"), valid_from: attr(r, "data-from"), home_day: attr(r, "data-home-day"),
        office_month: attr(r, "data-office-month"), verified: attr(r, "data-verified") !== "false" });
    });
    var policy = box.querySelector("[data-policy]");
    return {
      teams: all(root, "[data-team]").map(function (o) {
        var core = attr(o.querySelector("[data-core]"), "data-core").split("-");
        return { slug: attr(o, "data-team"), name: o.querySelector("a").textContent, office: attr(o, "data-office"),
          anchor_days: words(attr(o.querySelector("[data-anchor]"), "data-anchor")), core: core.length === 2 ? core : null,
          meetings: words(attr(o, "data-meetings")), base: attr(o, "data-base"), shared: attr(o, "data-shared") };
      }),
      offices: all(box, "[data-office]").map(function (o) {
        return { id: attr(o, "data-office"), name: attr(o, "data-name"), city: attr(o, "data-city"), country: attr(o, "data-country"),
          quiet: words(attr(o, "data-quiet")), bhv: attr(o, "data-bhv"),
          hours: all(o, "[data-days]").map(function (h) { return { days: words(attr(h, "data-days")), from: attr(h, "data-from"), until: attr(h, "data-until") }; }) };
      }),
      places: all(box, "[data-place]").map(function (p) { return { id: attr(p, "data-place"), kind: attr(p, "data-kind"), name: attr(p, "data-name") }; }),
      activities: all(box, "[data-activity]").map(function (a) {
        return { id: attr(a, "data-activity"), name: attr(a, "data-name"), anchor_day: attr(a, "data-anchor-day") === "true",
          places: words(attr(a, "data-places")).map(function (p) { p = p.split("="); return { place: p[0], fit: p[1] }; }) };
      }),
      rates: rates,
      policy: { NL: { home_day: attr(policy, "data-nl-home-day"), expected: attr(policy, "data-nl-expected"), above: attr(policy, "data-nl-above") },
        BE: { office_month: attr(policy, "data-be-office-month"), expected: attr(policy, "data-be-expected") } }
    };
  }

  /** The component's own stylesheet, beside site.css (css/components/NAME.css). */
  function loadStyle(name) {
    if (document.querySelector("link[data-style='" + name + "']")) return;
    var src = document.currentScript ? document.currentScript.src : "";
    document.head.appendChild(el("link", { rel: "stylesheet", "data-style": name, href: src.replace(/js\/components\/[^/]*$/, "css/components/" + name + ".css") }));
  }
  loadStyle("week-planner");

  MV.register("week-planner", function (root) {
    var data = readData(root), teams = data.teams, offices = data.offices, activities = data.activities;
    function $(selector) { return root.querySelector(selector); }
    var form = $(".wp-form"), teamSelect = $("select[name=team]"), status = $(".wp-status"), shared = $(".wp-shared");
    var times = {};
    [["am", "data-morning", "09:00-12:30"], ["pm", "data-afternoon", "13:00-17:00"]].forEach(function (h) {
      var m = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(attr(root, h[1])) || /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(h[2]);
      times[h[0]] = { from: m[1] + m[2], until: m[3] + m[4] };
    });
    all(root, ".mv-js-only").forEach(function (node) { node.hidden = false; });
    root.classList.add("wp--live");
    teams.forEach(function (x) { teamSelect.appendChild(el("option", { value: x.slug, text: x.name })); });

    function team() { return find(teams, state.team, "slug"); }
    function officeOf(where) { return /^office:/.test(where || "") ? find(offices, where.slice(7)) : null; }
    function dayName(i) { return t("day_" + (i + 1)); }
    function slotName(slot) { return t("wp_slot_name", { day: dayName(slot[0] - 1), half: t(slot[1] === "a" ? "wp_morning" : "wp_afternoon") }); }
    function kindOf(placeId) { var p = find(data.places, placeId); return p ? p.kind : ""; }
    function fitting(activity, kind) {
      return activity.places.filter(function (p) { return OK_FIT[p.fit] && (!kind || kindOf(p.place) === kind); })
        .map(function (p) { var place = find(data.places, p.place); return place ? place.name : p.place; });
    }

    // The grid's choices: made here, so the page without JavaScript is an empty week to print.
    var choices = {
      where: [["", t("wp_not_planned")], ["home", t("wp_where_home")]].concat(offices.map(function (o) { return ["office:" + o.id, o.name]; }),
        [["elsewhere", t("wp_where_elsewhere")], ["off", t("wp_where_off")]]),
      what: [["", t("wp_no_activity")]].concat(activities.map(function (a) { return [a.id, a.name]; }))
    };
    SLOTS.forEach(function (slot) {
      var cells = root.querySelectorAll("tr[data-slot='" + slot + "'] td");
      ["where", "what"].forEach(function (field, i) {
        var id = root.id + "-" + slot + "-" + field;
        cells[i].appendChild(el("label", { class: "wp-sr", for: id, text: sentence(slotName(slot)) + ": " + t(field === "where" ? "wp_col_where" : "wp_col_what") }));
        cells[i].appendChild(el("select", { id: id, name: field + "-" + slot, "data-field": field },
          choices[field].map(function (c) { return el("option", { value: c[0], text: c[1] }); })));
      });
    });
    function valid(field, value) { return choices[field].some(function (c) { return c[0] === value; }); }

    // ---- State: {team, weeks: {monday: {slot: {where, what}}}}; a shared week is saved once changed ----
    var state = MV.store.get(KEY);
    if (!state || typeof state.weeks !== "object") state = { team: "", weeks: {} };
    var monday = thisMonday(), viewingLink = false;
    function readLink() {
      var params = {};
      location.hash.replace(/^#/, "").split("&").forEach(function (part) {
        var i = part.indexOf("=");
        try { if (i > 0) params[part.slice(0, i)] = decodeURIComponent(part.slice(i + 1)); } catch (e) { /* a broken link: ignored */ }
      });
      var day = params["wp-week"];
      if (!parse(day) || parse(day).getDay() !== 1) return false;
      var cells = (params["wp-plan"] || "").split(","), plan = {};
      SLOTS.forEach(function (slot, i) {
        var c = (cells[i] || "").split("."), where = valid("where", c[0] || "") ? c[0] || "" : "", what = valid("what", c[1] || "") ? c[1] || "" : "";
        if (where || what) plan[slot] = { where: where, what: what };
      });
      monday = day;
      state = { team: find(teams, params["wp-team"], "slug") ? params["wp-team"] : "", weeks: JSON.parse(JSON.stringify(state.weeks)) };
      state.weeks[monday] = plan;
      viewingLink = true;
      return true;
    }
    function shareURL() {
      var plan = week();
      return location.href.split("#")[0] + "#wp-week=" + monday + "&wp-team=" + encodeURIComponent(state.team || "") + "&wp-plan=" +
        SLOTS.map(function (s) { var c = plan[s] || {}; return (c.where || "") + "." + (c.what || ""); }).join(",");
    }
    function week() { return state.weeks[monday] || {}; }
    function isEmpty(plan) { return !Object.keys(plan || {}).length; }
    function save() {
      if (viewingLink) {
        viewingLink = false;
        shared.hidden = true;
        if (history.replaceState) history.replaceState(null, "", location.href.split("#")[0]);
      }
      Object.keys(state.weeks).forEach(function (w) { if (isEmpty(state.weeks[w])) delete state.weeks[w]; });
      if (!state.team && isEmpty(state.weeks)) { MV.store.remove(KEY); return true; }
      return MV.store.set(KEY, state);
    }

    function fill() {
      var plan = week();
      SLOTS.forEach(function (slot) {
        var c = plan[slot] || {};
        form.elements["where-" + slot].value = c.where || "";
        form.elements["what-" + slot].value = c.what || "";
        $("tr[data-slot='" + slot + "'] .wp-day").setAttribute("title", MV.longDate(addDays(monday, slot[0] - 1)));
      });
      teamSelect.value = state.team || "";
      root.setAttribute("data-week", monday);
      var label = t("wp_week_label", { number: weekNumber(monday), from: MV.longDate(monday), until: MV.longDate(addDays(monday, 4)) });
      $(".wp-week-label").textContent = label;
      $(".wp-grid caption").textContent = t("wp_grid_caption") + " " + label;
      showTeam();
    }

    function showTeam() {
      var current = team(), box = $(".wp-team-info");
      box.textContent = "";
      box.hidden = !current;
      if (!current) return;
      var office = find(offices, current.office), none = t("wp_none");
      var dl = el("dl", { class: "wp-team-facts" });
      [["wp_team_office", office ? office.name : current.office],
       ["wp_anchor_days", list(current.anchor_days.map(function (d) { return dayName(DAYS.indexOf(d)); })) || none],
       ["wp_core_hours", current.core ? t("wp_time_range", { from: current.core[0], until: current.core[1] }) : none],
       ["wp_meeting_lengths", current.meetings.length ? t("wp_minutes", { list: list(current.meetings) }) : none],
       ["wp_home_base", current.base || none], ["wp_location_shared", current.shared || none]].forEach(function (pair) {
        dl.appendChild(el("dt", { text: t(pair[0]) }));
        dl.appendChild(el("dd", { text: pair[1] }));
      });
      box.appendChild(dl);
      box.appendChild(el("p", {}, [el("a", { class: "wp-team-link", href: attr(root, "data-root") + t("wp_teams_path") + current.slug + "/index.html",
        text: t("wp_team_page", { team: current.name }) })]));
    }

    // ---- What the plan means: per day the number of half days at home, at an office, elsewhere, off ----
    function analyse(plan) {
      return DAYS.map(function (id, i) {
        var day = { id: id, index: i, home: 0, office: 0, elsewhere: 0, off: 0 };
        HALVES.forEach(function (h) {
          var where = (plan[(i + 1) + h] || {}).where || "";
          if (where) day[/^office:/.test(where) ? "office" : where] += 1;
        });
        return day;
      });
    }
    // ---- What the plan means (warnings, allowances) and the .ics export load when first needed ----
    var parts = {}, waiting = {}, globals = { summary: "MengvormWeekPlannerSummary", ics: "MengvormWeekPlannerCalendar" };
    function withPart(name, then) {
      if (parts[name]) return then(parts[name]);
      if (waiting[name]) return waiting[name].push(then);
      waiting[name] = [then];
      var script = el("script", { src: here + "week-planner-" + name + ".js" });
      script.onload = function () {
        parts[name] = window[globals[name]](api);
        waiting[name].splice(0).forEach(function (f) { f(parts[name]); });
      };
      document.body.appendChild(script);
    }
    var api = { root: root, data: data, times: times, days: DAYS, halves: HALVES, slots: SLOTS, officeOf: officeOf, team: team,
      slotName: slotName, dayName: dayName, weekNumber: weekNumber, addDays: addDays, week: week, monday: function () { return monday; },
      analyse: analyse, pad: pad, find: find, list: list, sentence: sentence, fitting: fitting, isEmpty: isEmpty, say: say };

    function render(message) {
      var plan = week();
      $(".wp-share").hidden = true;
      if (isEmpty(plan)) {
        $(".wp-warnings").textContent = $(".wp-summary").textContent = "";
        all(root, ".wp-row--warn").forEach(function (row) { row.classList.remove("wp-row--warn"); });
        if (message) say(message);
      } else {
        withPart("summary", function (part) { part.render(message); });
      }
    }
    function say(text) { status.textContent = text; }

    form.addEventListener("change", function (event) {
      var select = event.target, slot = select.name.slice(select.name.indexOf("-") + 1);
      // An activity for a half day with no place yet goes where it fits best: home, else the team's office.
      var where = form.elements["where-" + slot], activity = find(activities, select.value);
      if (select.getAttribute("data-field") === "what" && activity && !where.value) {
        where.value = fitting(activity, "home").length ? "home" : team() ? "office:" + team().office : "";
      }
      var plan = {};
      SLOTS.forEach(function (s) {
        var w = form.elements["where-" + s].value, a = form.elements["what-" + s].value;
        if (w || a) plan[s] = { where: w, what: a };
      });
      state.weeks[monday] = plan;
      render(save() ? t("wp_saved") : t("wp_not_saved"));
    });
    teamSelect.addEventListener("change", function () {
      state.team = teamSelect.value;
      var ok = save();
      showTeam();
      render(ok ? t(team() ? "wp_team_chosen" : "wp_team_cleared", { team: team() ? team().name : "" }) : t("wp_not_saved"));
    });
    window.addEventListener("hashchange", function () { if (readLink()) { fill(); showLink(); } });

    function show(day, message) { monday = day; fill(); render(); say(message || t("wp_week_shown", { number: weekNumber(monday) })); }
    var nav = $(".wp-week-buttons");
    nav.appendChild(MV.button(t("wp_prev_week"), function () { show(addDays(monday, -7)); }, "mv-button--quiet"));
    nav.appendChild(MV.button(t("wp_this_week"), function () { show(thisMonday()); }, "mv-button--quiet"));
    nav.appendChild(MV.button(t("wp_next_week"), function () { show(addDays(monday, 7)); }, "mv-button--quiet"));

    var actions = $(".wp-actions");
    [["wp_copy_next", "wp-copy-next", function () {
      if (isEmpty(week())) return say(t("wp_nothing_to_copy"));
      var next = addDays(monday, 7), replaced = !isEmpty(state.weeks[next]);
      state.weeks[next] = JSON.parse(JSON.stringify(week()));
      save();
      show(next, t(replaced ? "wp_copied_replaced" : "wp_copied", { number: weekNumber(next) }));
    }], ["wp_export", "wp-export", function () {
      withPart("ics", function (part) { say(part.download()); });
    }], ["wp_share", "wp-share-button", function () {
      var input = $(".wp-share__link");
      input.value = shareURL();
      $(".wp-share").hidden = false;
      MV.copy(input.value, input, status);
    }], ["wp_print", "mv-button--quiet", function () { window.print(); }],
     ["wp_clear_week", "mv-button--quiet wp-clear-week", function () {
      delete state.weeks[monday];
      save();
      show(monday, t("wp_week_cleared"));
    }], ["wp_clear_all", "mv-button--quiet wp-clear-all", function () {
      state = { team: "", weeks: {} };
      save();
      MV.store.remove(KEY);
      show(monday, t("wp_all_cleared"));
    }]].forEach(function (b) { actions.appendChild(MV.button(t(b[0]), b[2], b[1])); });

    function showLink() {
      shared.hidden = false;
      shared.textContent = t("wp_shared_view", { number: weekNumber(monday) });
      render();
      say(t("wp_shared_loaded"));
    }
    if (!find(teams, state.team, "slug")) state.team = "";
    var fromLink = readLink();
    fill();
    if (fromLink) showLink(); else render();
  });
})();
