// Week planner: per half day where you work and what you do, checked against your team's office days and
// the activity list (Content/_data/teams.yml, offices.yml, activities.yml), with what the week means for the
// allowances (allowances.yml, policy.yml). Saved in this browser only; the share link carries the week in
// the URL fragment, which browsers never send to a server. The .ics file is made here, as a download.
(function () {
  "use strict";
  var MV = window.Mengvorm;
  var t = MV.t, el = MV.el;
  var STORE_KEY = "mengvorm:week-planner";
  var DAY_IDS = ["monday", "tuesday", "wednesday", "thursday", "friday"];
  var HALVES = ["am", "pm"];
  var SLOTS = [];
  DAY_IDS.forEach(function (day, index) { HALVES.forEach(function (half) { SLOTS.push((index + 1) + half); }); });

  function cents(amount) { return Math.round(Number(amount) * 100); }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function isoDate(date) { return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()); }
  function parseDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ""));
    if (!m) return null;
    var date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
    return isoDate(date) === iso ? date : null;
  }
  function addDays(iso, days) {
    var date = parseDate(iso);
    date.setDate(date.getDate() + days);
    return isoDate(date);
  }
  /** The Monday of the week to plan: this week on a working day, next week at the weekend. */
  function defaultMonday(today) {
    var day = today.getDay(); // 0 Sunday … 6 Saturday
    var shift = day === 0 ? 1 : day === 6 ? 2 : 1 - day;
    var monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() + shift, 12);
    return isoDate(monday);
  }
  function isMonday(iso) { var date = parseDate(iso); return !!date && date.getDay() === 1; }
  /** ISO 8601 week number of the week starting on `monday`. */
  function weekNumber(monday) {
    var thursday = parseDate(addDays(monday, 3));
    var jan1 = new Date(thursday.getFullYear(), 0, 1, 12);
    return Math.floor(Math.round((thursday - jan1) / 86400000) / 7) + 1;
  }
  /** The ISO week-numbering year (the year of the week's Thursday). */
  function weekYear(monday) { return addDays(monday, 3).slice(0, 4); }
  function list(items) {
    if (items.length <= 1) return items.join("");
    return items.slice(0, -1).join(", ") + " " + t("wp_and") + " " + items[items.length - 1];
  }
  function decimal(value) { return String(Math.round(value * 10) / 10).replace(".", t("number_decimal")); }
  /** "1 dag", "2,5 dagen": a number of days with the word that goes with it. */
  function dayCount(value) { return t(value === 1 ? "wp_day_one" : "wp_day_many", { count: decimal(value) }); }

  // ---- iCalendar (RFC 5545) ----
  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  function utf8Length(ch) {
    var code = ch.codePointAt(0);
    return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  /** Folds a content line at 75 octets (never inside a UTF-8 character); continuation lines start with a space. */
  function fold(line) {
    var out = [], current = "", size = 0, limit = 75;
    Array.from(line).forEach(function (ch) {
      var n = utf8Length(ch);
      if (size + n > limit) {
        out.push(current);
        current = " ";
        size = 1;
      }
      current += ch;
      size += n;
    });
    out.push(current);
    return out.join("\r\n");
  }
  function stamp(date) {
    return date.getUTCFullYear() + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) + "T" +
      pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds()) + "Z";
  }
  // Central European time, as the Netherlands and Belgium both keep it (EU summer time rules since 1996).
  function vtimezone(tzid) {
    return ["BEGIN:VTIMEZONE", "TZID:" + tzid,
      "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
      "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
      "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"];
  }

  // ---- The data, from the attributes the template wrote (Content/_data/*.yml) ----
  function attr(node, name) { return node.getAttribute(name) || ""; }
  function words(text) { return String(text || "").split(" ").filter(Boolean); }
  function all(parent, selector) { return Array.prototype.slice.call(parent.querySelectorAll(selector)); }
  function readData(root) {
    var box = root.querySelector(".wp-data");
    var teams = all(root, "select[name=team] option[value]").filter(function (o) { return o.value; }).map(function (o) {
      var core = attr(o, "data-core").split("-");
      return { slug: o.value, name: o.textContent, office: attr(o, "data-office"), anchor_days: words(attr(o, "data-anchor")),
        core_hours: core.length === 2 ? { from: core[0], until: core[1] } : null,
        meeting_lengths: words(attr(o, "data-meetings")), home_base: attr(o, "data-base"), location_shared: attr(o, "data-shared") };
    });
    var offices = all(box, "[data-office]").map(function (o) {
      return { id: attr(o, "data-office"), name: attr(o, "data-name"), city: attr(o, "data-city"), country: attr(o, "data-country"),
        bhv: { quiet_days: words(attr(o, "data-quiet")), arrangement: attr(o, "data-bhv") },
        opening_hours: all(o, "[data-days]").map(function (h) { return { days: words(attr(h, "data-days")), from: attr(h, "data-from"), until: attr(h, "data-until") }; }),
        zones: all(o, "[data-zone]").map(function (z) { return { name: attr(z, "data-zone"), floor: attr(z, "data-floor") }; }) };
    });
    var places = all(box, "[data-place]").map(function (p) { return { id: attr(p, "data-place"), kind: attr(p, "data-kind"), name: attr(p, "data-name") }; });
    var activities = all(box, "[data-activity]").map(function (a) {
      return { id: attr(a, "data-activity"), name: attr(a, "data-name"), anchor_day: attr(a, "data-anchor-day") === "true",
        places: words(attr(a, "data-places")).map(function (pair) { var kv = pair.split("="); return { place: kv[0], fit: kv[1] }; }) };
    });
    var countries = {};
    all(box, "[data-rate]").forEach(function (r) {
      var code = attr(r, "data-rate");
      (countries[code] = countries[code] || { code: code, rates: [] }).rates.push({ year: attr(r, "data-year"), valid_from: attr(r, "data-from"),
        home_day: attr(r, "data-home-day"), office_month: attr(r, "data-office-month"), verified: attr(r, "data-verified") !== "false" });
    });
    var policy = box.querySelector("[data-policy]");
    return { teams: teams, offices: offices, places: places, activities: activities,
      countries: Object.keys(countries).map(function (code) { return countries[code]; }),
      policy: { home_day: attr(policy, "data-home-day"), expected_office_days: attr(policy, "data-expected") } };
  }

  MV.register("week-planner", function (root) {
    var data = readData(root);
    var teams = data.teams, offices = data.offices, activities = data.activities, places = data.places;
    var policy = data.policy, countries = data.countries;
    var form = root.querySelector(".wp-form");
    var teamSelect = root.querySelector("select[name=team]");
    var weekLabel = root.querySelector(".wp-week-label");
    var caption = root.querySelector(".wp-grid caption");
    var teamInfo = root.querySelector(".wp-team-info");
    var sharedNote = root.querySelector(".wp-shared");
    var status = root.querySelector(".wp-status");
    var warningsBox = root.querySelector(".wp-warnings");
    var summaryBox = root.querySelector(".wp-summary");
    var actions = root.querySelector(".wp-actions");
    var shareBox = root.querySelector(".wp-share");
    var shareInput = root.querySelector(".wp-share__link");
    var times = { am: parseRange(root.getAttribute("data-morning"), "09:00", "12:30"),
                  pm: parseRange(root.getAttribute("data-afternoon"), "13:00", "17:00") };
    root.querySelectorAll(".mv-js-only").forEach(function (node) { node.hidden = false; });
    root.classList.add("wp--live");
    var whereOptions = [["", t("wp_not_planned")], ["home", t("wp_where_home")]].concat(
      offices.map(function (o) { return ["office:" + o.id, o.name]; }), [["elsewhere", t("wp_where_elsewhere")], ["off", t("wp_where_off")]]);
    var whatOptions = [["", t("wp_no_activity")]].concat(activities.map(function (a) { return [a.id, a.name]; }));
    SLOTS.forEach(function (slot) {
      var cells = root.querySelectorAll("tr[data-slot='" + slot + "'] td");
      [["where", "wp_col_where", whereOptions], ["what", "wp_col_what", whatOptions]].forEach(function (field, index) {
        var id = root.id + "-" + slot + "-" + field[0];
        cells[index].appendChild(el("label", { class: "wp-sr", for: id, text: sentence(slotName(slot)) + ": " + t(field[1]) }));
        cells[index].appendChild(el("select", { id: id, name: field[0] + "-" + slot, "data-field": field[0] },
          field[2].map(function (option) { return el("option", { value: option[0], text: option[1] }); })));
      });
    });

    function parseRange(text, from, until) {
      var m = /^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$/.exec(text || "");
      if (!m) { m = [null].concat(from.split(":"), until.split(":")); }
      return { from: pad(Number(m[1])) + pad(Number(m[2])), until: pad(Number(m[3])) + pad(Number(m[4])) };
    }
    function byId(items, id, key) { return items.filter(function (item) { return item[key || "id"] === id; })[0] || null; }
    function team() { return byId(teams, state.team, "slug"); }
    function officeOf(where) { return where && where.indexOf("office:") === 0 ? byId(offices, where.slice(7)) : null; }
    function dayName(index) { return t("day_" + (index + 1)); }
    function slotName(slot) { return t("wp_slot_name", { day: dayName(Number(slot[0]) - 1), half: t(slot[1] === "a" ? "wp_morning" : "wp_afternoon") }); }
    function sentence(text) { return text.charAt(0).toUpperCase() + text.slice(1); }
    function validWhere(value) {
      return value === "" || value === "home" || value === "elsewhere" || value === "off" || !!officeOf(value);
    }
    function validWhat(value) { return value === "" || !!byId(activities, value); }

    // ---- State: {team, weeks: {monday: {slot: {where, what}}}} ----
    var saved = MV.store.get(STORE_KEY);
    var state = saved && typeof saved === "object" && saved.weeks ? saved : { team: "", weeks: {} };
    if (!byId(teams, state.team, "slug")) state.team = "";
    var monday = defaultMonday(new Date());
    var fromLink = readFragment();
    var viewingShared = false;
    if (fromLink) {
      viewingShared = true;
      monday = fromLink.monday;
      state = { team: fromLink.team, weeks: JSON.parse(JSON.stringify(state.weeks)) };
      state.weeks[monday] = fromLink.plan;
    }

    function readFragment() {
      var hash = window.location.hash.replace(/^#/, "");
      if (hash.indexOf("wp-week=") !== 0) return null;
      var params = {};
      hash.split("&").forEach(function (part) {
        var pair = part.split("=");
        params[decodeURIComponent(pair[0])] = decodeURIComponent(pair.slice(1).join("=") || "");
      });
      if (!isMonday(params["wp-week"])) return null;
      var cells = String(params["wp-plan"] || "").split(",");
      var plan = {};
      SLOTS.forEach(function (slot, index) {
        var parts = String(cells[index] || "").split(".");
        var where = parts[0] || "", what = parts[1] || "";
        if (!validWhere(where)) where = "";
        if (!validWhat(what)) what = "";
        if (where || what) plan[slot] = { where: where, what: what };
      });
      return { monday: params["wp-week"], team: byId(teams, params["wp-team"], "slug") ? params["wp-team"] : "", plan: plan };
    }
    function shareURL() {
      var plan = week();
      var cells = SLOTS.map(function (slot) { var c = plan[slot] || {}; return (c.where || "") + "." + (c.what || ""); });
      var base = window.location.href.split("#")[0];
      return base + "#wp-week=" + monday + "&wp-team=" + encodeURIComponent(state.team || "") + "&wp-plan=" + cells.join(",");
    }
    function week() { return state.weeks[monday] || {}; }
    function isEmpty(plan) { return !Object.keys(plan).some(function (slot) { return plan[slot].where || plan[slot].what; }); }
    function save() {
      Object.keys(state.weeks).forEach(function (key) { if (isEmpty(state.weeks[key])) delete state.weeks[key]; });
      if (!state.team && !Object.keys(state.weeks).length) { MV.store.remove(STORE_KEY); return true; }
      return MV.store.set(STORE_KEY, state);
    }
    /** The first change to a shared week makes it this browser's own plan. */
    function adopt() {
      if (!viewingShared) return;
      viewingShared = false;
      sharedNote.hidden = true;
      if (window.history && window.history.replaceState) window.history.replaceState(null, "", window.location.href.split("#")[0]);
    }

    // ---- The grid ----
    function fill() {
      var plan = week();
      SLOTS.forEach(function (slot) {
        var cell = plan[slot] || {};
        form.elements["where-" + slot].value = cell.where || "";
        form.elements["what-" + slot].value = cell.what || "";
      });
      teamSelect.value = state.team || "";
      root.setAttribute("data-week", monday);
      var friday = addDays(monday, 4);
      var label = t("wp_week_label", { number: weekNumber(monday), from: MV.longDate(monday), until: MV.longDate(friday) });
      weekLabel.textContent = label;
      caption.textContent = t("wp_grid_caption") + " " + label;
      SLOTS.forEach(function (slot) {
        var date = MV.longDate(addDays(monday, Number(slot[0]) - 1));
        root.querySelector("tr[data-slot='" + slot + "'] .wp-day").setAttribute("title", date);
      });
    }
    function readGrid() {
      var plan = {};
      SLOTS.forEach(function (slot) {
        var where = form.elements["where-" + slot].value, what = form.elements["what-" + slot].value;
        if (where || what) plan[slot] = { where: where, what: what };
      });
      return plan;
    }

    // ---- What the plan means ----
    function analyse(plan) {
      var days = DAY_IDS.map(function (id, index) {
        var cells = HALVES.map(function (half) { return plan[(index + 1) + half] || {}; });
        var count = function (test) { return cells.filter(function (c) { return test(c.where || ""); }).length; };
        return {
          id: id, index: index, cells: cells,
          home: count(function (w) { return w === "home"; }),
          office: count(function (w) { return w.indexOf("office:") === 0; }),
          elsewhere: count(function (w) { return w === "elsewhere"; }),
          off: count(function (w) { return w === "off"; }),
          planned: count(function (w) { return w !== ""; })
        };
      });
      return days;
    }

    function bestPlaces(activity, kind) {
      return (activity.places || []).filter(function (p) {
        var place = byId(places, p.place);
        return (p.fit === "best" || p.fit === "good") && (!kind || (place && place.kind === kind));
      }).map(function (p) { var place = byId(places, p.place); return place ? place.name : p.place; });
    }
    function suits(activity, kind) {
      return (activity.places || []).some(function (p) {
        var place = byId(places, p.place);
        return place && place.kind === kind && (p.fit === "best" || p.fit === "good");
      });
    }
    function openOn(office, dayIndex, half) {
      var hours = (office.opening_hours || []).filter(function (h) { return (h.days || []).indexOf(DAY_IDS[dayIndex]) >= 0; })[0];
      if (!hours) return false;
      var slot = times[half];
      var from = String(hours.from || "00:00").replace(":", ""), until = String(hours.until || "24:00").replace(":", "");
      // Open for the half day when the office is open for part of it that is at least an hour.
      var start = Math.max(toMinutes(from), toMinutes(slot.from)), end = Math.min(toMinutes(until), toMinutes(slot.until));
      return end - start >= 60;
    }
    function toMinutes(hhmm) { return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2, 4)); }

    function warnings(plan, days) {
      var out = [];
      var current = team();
      var anchors = current ? current.anchor_days || [] : [];
      SLOTS.forEach(function (slot) {
        var cell = plan[slot];
        if (!cell) return;
        var dayIndex = Number(slot[0]) - 1, half = slot.slice(1);
        var activity = byId(activities, cell.what);
        var office = officeOf(cell.where);
        var when = slotName(slot);
        if (activity && cell.where === "home" && !suits(activity, "home")) {
          var atOffice = bestPlaces(activity, "office"), other = bestPlaces(activity, "outside");
          out.push({ kind: "activity", slot: slot, text: t(other.length ? "wp_warn_activity_home_other" : "wp_warn_activity_home",
            { activity: activity.name, when: when, places: list(atOffice.concat(other).length ? atOffice.concat(other) : [t("wp_where_office")]) }) });
        }
        if (activity && cell.where === "off") {
          out.push({ kind: "off", slot: slot, text: t("wp_warn_activity_off", { activity: activity.name, when: when }) });
        }
        if (activity && activity.anchor_day && current && anchors.length && anchors.indexOf(DAY_IDS[dayIndex]) < 0 && cell.where !== "off") {
          out.push({ kind: "anchor-activity", slot: slot, text: t("wp_warn_activity_not_anchor",
            { activity: activity.name, day: dayName(dayIndex), days: list(anchors.map(function (d) { return dayName(DAY_IDS.indexOf(d)); })) }) });
        }
        if (office && !openOn(office, dayIndex, half)) {
          out.push({ kind: "closed", slot: slot, text: t("wp_warn_closed", { office: office.name, when: when }) });
        }
      });
      if (current) {
        anchors.forEach(function (dayId) {
          var day = days[DAY_IDS.indexOf(dayId)];
          if (!day || day.off === 2 || day.office > 0) return;
          if (day.home > 0) out.push({ kind: "anchor", day: dayId, text: t("wp_warn_anchor_home", { day: dayName(day.index) }) });
          else if (day.elsewhere > 0) out.push({ kind: "anchor", day: dayId, text: t("wp_warn_anchor_elsewhere", { day: dayName(day.index) }) });
        });
        anchors.forEach(function (dayId) {
          var index = DAY_IDS.indexOf(dayId);
          HALVES.some(function (half) {
            var office = officeOf((plan[(index + 1) + half] || {}).where);
            if (office && office.id !== current.office) {
              var home = byId(offices, current.office);
              out.push({ kind: "other-office", day: dayId, text: t("wp_warn_other_office",
                { day: dayName(index), office: office.name, team_office: home ? home.name : current.office }) });
              return true;
            }
            return false;
          });
        });
      }
      return out;
    }

    function notes(plan) {
      var out = [];
      var seen = {};
      SLOTS.forEach(function (slot) {
        var office = officeOf((plan[slot] || {}).where);
        var dayIndex = Number(slot[0]) - 1;
        if (!office || !office.bhv || (office.bhv.quiet_days || []).indexOf(DAY_IDS[dayIndex]) < 0) return;
        var key = office.id + dayIndex;
        if (seen[key]) return;
        seen[key] = true;
        out.push(sentence(t("wp_note_quiet_day", { office: office.name, day: dayName(dayIndex) })) + " " + (office.bhv.arrangement || ""));
      });
      return out;
    }

    // ---- Allowances ----
    function country() {
      var current = team();
      var office = current ? byId(offices, current.office) : null;
      if (!office) {
        var plan = week();
        SLOTS.some(function (slot) { office = officeOf((plan[slot] || {}).where); return !!office; });
      }
      return office && office.country === "BE" ? "BE" : "NL";
    }
    function rates(code) {
      var c = countries.filter(function (entry) { return entry.code === code; })[0];
      return c ? (c.rates || []).slice().sort(function (a, b) { return String(a.valid_from) < String(b.valid_from) ? -1 : 1; }) : [];
    }
    /** The rate in force on `day` that has `field`; `exact` says whether it is the row of that year. */
    function rateFor(code, field, day) {
      var inForce = null, withField = null;
      rates(code).forEach(function (rate) {
        if (String(rate.valid_from) > day) return;
        inForce = rate;
        if (rate[field] !== undefined && rate[field] !== null && rate[field] !== "") withField = rate;
      });
      if (!withField) return null;
      return { rate: withField, exact: inForce === withField || String(inForce.year) === String(withField.year), wanted: inForce };
    }

    function summary(days) {
      var box = el("div");
      box.appendChild(el("h3", { text: t("wp_summary_title") }));
      var homeDays = days.filter(function (d) { return d.home > 0 && d.office === 0; }).length;
      var officeDays = days.filter(function (d) { return d.office > 0; }).length;
      var mixed = days.filter(function (d) { return d.office > 0 && d.home > 0; }).length;
      var officeHalves = days.reduce(function (s, d) { return s + d.office; }, 0);
      var homeHalves = days.reduce(function (s, d) { return s + d.home; }, 0);
      var elsewhere = days.filter(function (d) { return d.elsewhere > 0 && d.office === 0 && d.home === 0; }).length;
      var offDays = days.filter(function (d) { return d.off === 2; }).length;
      var counts = el("ul", { class: "wp-counts" }, [
        el("li", { "data-count": "home", text: t("wp_count_home", { count: homeDays }) }),
        el("li", { "data-count": "office", text: t("wp_count_office", { count: officeDays, days: dayCount(officeHalves / 2) }) }),
        mixed ? el("li", { "data-count": "mixed", text: t("wp_count_mixed", { count: mixed }) }) : null,
        elsewhere ? el("li", { "data-count": "elsewhere", text: t("wp_count_elsewhere", { count: elsewhere }) }) : null,
        offDays ? el("li", { "data-count": "off", text: t("wp_count_off", { count: offDays }) }) : null
      ]);
      box.appendChild(counts);
      if (policy.expected_office_days !== undefined && policy.expected_office_days !== "") {
        var expected = Number(policy.expected_office_days);
        box.appendChild(el("p", { class: "wp-expected", text: t(officeHalves / 2 >= expected ? "wp_expected_met" : "wp_expected_below",
          { expected: dayCount(expected), days: dayCount(officeHalves / 2) }) }));
      }
      var code = country();
      var section = el("div", { class: "wp-allowance", "data-country": code });
      section.appendChild(el("h4", { text: t(code === "BE" ? "wp_allowance_be_title" : "wp_allowance_nl_title") }));
      if (code === "NL") nlAllowance(section, homeDays, mixed); else beAllowance(section, homeHalves);
      box.appendChild(section);
      return box;
    }

    function nlAllowance(section, homeDays, mixed) {
      var year = monday.slice(0, 4);
      var found = rateFor("NL", "home_day", addDays(monday, 4));
      var paid = policy.home_day !== undefined && policy.home_day !== "" ? cents(policy.home_day) : null;
      if (paid !== null) {
        section.appendChild(el("p", { "data-line": "home-total", text: t("wp_nl_home_total",
          { count: homeDays, amount: MV.money(paid), total: MV.money(paid * homeDays) }) }));
      }
      if (found) {
        var max = cents(found.rate.home_day);
        section.appendChild(el("p", { "data-line": "max", text: t("wp_nl_max", { amount: MV.money(max), year: found.rate.year }) }));
        if (!found.exact || String(found.rate.year) !== year) {
          section.appendChild(el("p", { class: "mv-warning", role: "note", "data-line": "unconfirmed" },
            [el("strong", { text: t("wp_nl_unconfirmed_title") }), " " + t("wp_nl_unconfirmed", { year: year, known: found.rate.year })]));
        }
        if (paid !== null && paid > max) {
          section.appendChild(el("p", { text: t("wp_nl_above_max", { amount: MV.money(paid - max) }) }));
        }
      }
      if (mixed) section.appendChild(el("p", { "data-line": "mixed", text: t("wp_nl_mixed") }));
      section.appendChild(el("p", { text: t("wp_nl_travel") }));
    }

    function beAllowance(section, homeHalves) {
      var structural = homeHalves >= 2;
      section.appendChild(el("p", { "data-line": "structural", "data-structural": structural ? "yes" : "no",
        text: t(structural ? "wp_be_structural" : "wp_be_not_structural", { halves: homeHalves, days: dayCount(homeHalves / 2) }) }));
      var found = rateFor("BE", "office_month", addDays(monday, 4));
      if (found && structural) {
        section.appendChild(el("p", { "data-line": "max", text: t("wp_be_max",
          { amount: MV.money(cents(found.rate.office_month)), date: MV.longDate(found.rate.valid_from) }) }));
        if (found.rate.verified === false) {
          section.appendChild(el("p", { class: "mv-warning", role: "note" }, [el("strong", { text: t("wp_nl_unconfirmed_title") }), " " + t("wp_be_unverified")]));
        }
      }
      section.appendChild(el("p", { text: t("wp_be_month") }));
    }

    // ---- Team information ----
    function showTeam() {
      var current = team();
      teamInfo.textContent = "";
      teamInfo.hidden = !current;
      if (!current) return;
      var office = byId(offices, current.office);
      var zone = office ? byId(office.zones || [], current.home_base) : null;
      var anchors = (current.anchor_days || []).map(function (d) { return dayName(DAY_IDS.indexOf(d)); });
      var items = [
        [t("wp_team_office"), office ? office.name : current.office],
        [t("wp_anchor_days"), anchors.length ? list(anchors) : t("wp_none")],
        [t("wp_core_hours"), current.core_hours ? t("wp_time_range", { from: current.core_hours.from, until: current.core_hours.until }) : t("wp_none")],
        [t("wp_meeting_lengths"), (current.meeting_lengths || []).length ? t("wp_minutes", { list: list(current.meeting_lengths.map(String)) }) : t("wp_none")],
        [t("wp_home_base"), zone ? zone.name + (zone.floor ? " (" + zone.floor + ")" : "") : (current.home_base || t("wp_none"))],
        [t("wp_location_shared"), current.location_shared || t("wp_none")]
      ];
      var dl = el("dl", { class: "wp-team-facts" });
      items.forEach(function (pair) { dl.appendChild(el("dt", { text: pair[0] })); dl.appendChild(el("dd", { text: pair[1] })); });
      teamInfo.appendChild(dl);
      var link = el("a", { href: (root.getAttribute("data-root") || "") + "teams/" + current.slug + "/index.html", class: "wp-team-link",
        text: t("wp_team_page", { team: current.name }) });
      teamInfo.appendChild(el("p", {}, [link]));
    }

    // ---- Rendering ----
    var lastWarnings = -1;
    function render(announce) {
      var plan = week();
      var days = analyse(plan);
      var found = warnings(plan, days);
      warningsBox.textContent = "";
      if (found.length) {
        warningsBox.appendChild(el("h3", { text: t("wp_warnings_title", { count: found.length }) }));
        warningsBox.appendChild(el("ul", { class: "wp-warning-list" }, found.map(function (w) {
          return el("li", { class: "mv-warning", "data-kind": w.kind, "data-slot": w.slot || null, "data-day": w.day || null, text: sentence(w.text) });
        })));
      } else if (!isEmpty(plan)) {
        warningsBox.appendChild(el("p", { class: "wp-ok", text: t("wp_no_warnings") }));
      }
      var extra = notes(plan);
      if (extra.length) {
        warningsBox.appendChild(el("ul", { class: "wp-notes" }, extra.map(function (text) { return el("li", { text: text }); })));
      }
      summaryBox.textContent = "";
      summaryBox.appendChild(summary(days));
      SLOTS.forEach(function (slot) {
        var row = root.querySelector("tr[data-slot='" + slot + "']");
        row.classList.toggle("wp-row--warn", found.some(function (w) { return w.slot === slot || (w.day && DAY_IDS.indexOf(w.day) === Number(slot[0]) - 1); }));
      });
      if (announce) status.textContent = announce + (found.length !== lastWarnings || found.length ? " " + t("wp_warnings_count", { count: found.length }) : "");
      lastWarnings = found.length;
      shareBox.hidden = true;
    }

    function changed(message) {
      adopt();
      state.weeks[monday] = readGrid();
      var ok = save();
      render(ok ? message || t("wp_saved") : t("wp_not_saved"));
    }

    form.addEventListener("change", function (event) {
      var select = event.target;
      // Choosing an activity for a half day with no place yet puts it where the activity fits best.
      if (select.getAttribute("data-field") === "what" && select.value) {
        var slot = select.name.slice(5);
        var where = form.elements["where-" + slot];
        if (!where.value) {
          var current = team();
          var activity = byId(activities, select.value);
          where.value = activity && suits(activity, "home") ? "home" : (current ? "office:" + current.office : where.value);
        }
      }
      changed();
    });
    teamSelect.addEventListener("change", function () {
      adopt();
      state.team = teamSelect.value;
      var ok = save();
      showTeam();
      render(ok ? t(state.team ? "wp_team_chosen" : "wp_team_cleared", { team: team() ? team().name : "" }) : t("wp_not_saved"));
    });

    function go(days) {
      monday = addDays(monday, days);
      fill();
      render(t("wp_week_shown", { number: weekNumber(monday) }));
    }
    var buttons = root.querySelector(".wp-week-buttons");
    buttons.appendChild(MV.button(t("wp_prev_week"), function () { go(-7); }, "mv-button--quiet"));
    buttons.appendChild(MV.button(t("wp_this_week"), function () { monday = defaultMonday(new Date()); fill(); render(t("wp_week_shown", { number: weekNumber(monday) })); }, "mv-button--quiet"));
    buttons.appendChild(MV.button(t("wp_next_week"), function () { go(7); }, "mv-button--quiet"));

    actions.appendChild(MV.button(t("wp_copy_next"), function () {
      var plan = week();
      if (isEmpty(plan)) { status.textContent = t("wp_nothing_to_copy"); return; }
      adopt();
      var next = addDays(monday, 7);
      var replaced = state.weeks[next] && !isEmpty(state.weeks[next]);
      state.weeks[next] = JSON.parse(JSON.stringify(plan));
      save();
      monday = next;
      fill();
      render(t(replaced ? "wp_copied_replaced" : "wp_copied", { number: weekNumber(monday) }));
    }, "wp-copy-next"));
    actions.appendChild(MV.button(t("wp_export"), exportICS, "wp-export"));
    actions.appendChild(MV.button(t("wp_share"), function () {
      shareInput.value = shareURL();
      shareBox.hidden = false;
      MV.copy(shareInput.value, shareInput, status);
    }, "wp-share-button"));
    actions.appendChild(MV.button(t("wp_print"), function () { window.print(); }, "mv-button--quiet wp-print"));
    actions.appendChild(MV.button(t("wp_clear_week"), function () {
      adopt();
      delete state.weeks[monday];
      save();
      fill();
      render(t("wp_week_cleared"));
    }, "mv-button--quiet wp-clear-week"));
    actions.appendChild(MV.button(t("wp_clear_all"), function () {
      adopt();
      state = { team: "", weeks: {} };
      MV.store.remove(STORE_KEY);
      fill();
      showTeam();
      render(t("wp_all_cleared"));
    }, "mv-button--quiet wp-clear-all"));

    // ---- .ics export ----
    function buildICS() {
      var plan = week();
      var now = stamp(new Date());
      var current = team();
      var host = (window.location.hostname || "mengvorm.local").replace(/[^a-z0-9.-]/gi, "") || "mengvorm.local";
      var zones = {};
      var events = [];
      SLOTS.forEach(function (slot) {
        var cell = plan[slot];
        if (!cell || !cell.where || cell.where === "off") return;
        var office = officeOf(cell.where);
        var tzid = office && office.country === "BE" ? "Europe/Brussels" : "Europe/Amsterdam";
        zones[tzid] = true;
        var date = addDays(monday, Number(slot[0]) - 1).replace(/-/g, "");
        var half = slot.slice(1);
        var where = office ? office.name : t(cell.where === "home" ? "wp_where_home" : "wp_where_elsewhere");
        var location = office ? office.name + (office.city ? ", " + office.city : "") : where;
        var activity = byId(activities, cell.what);
        var summaryText = activity ? t("wp_ics_summary", { where: where, what: activity.name }) : where;
        var description = [t("wp_ics_description", { when: slotName(slot) })];
        if (current) description.push(t("wp_ics_team", { team: current.name }));
        events.push(["BEGIN:VEVENT",
          "UID:" + monday + "-" + slot + "-week-planner@" + host,
          "DTSTAMP:" + now,
          "DTSTART;TZID=" + tzid + ":" + date + "T" + times[half].from + "00",
          "DTEND;TZID=" + tzid + ":" + date + "T" + times[half].until + "00",
          "SUMMARY:" + icsText(summaryText),
          "LOCATION:" + icsText(location),
          "DESCRIPTION:" + icsText(description.join("\n")),
          "TRANSP:TRANSPARENT",
          "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
          "STATUS:CONFIRMED",
          "END:VEVENT"]);
      });
      var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mengvorm//Weekplanner//" + MV.lang.toUpperCase(), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
      Object.keys(zones).sort().forEach(function (tzid) { lines = lines.concat(vtimezone(tzid)); });
      events.forEach(function (event) { lines = lines.concat(event); });
      lines.push("END:VCALENDAR");
      return { text: lines.map(fold).join("\r\n") + "\r\n", count: events.length };
    }
    function exportICS() {
      var ics = buildICS();
      if (!ics.count) { status.textContent = t("wp_export_empty"); return; }
      var name = t("wp_ics_filename", { year: weekYear(monday), number: pad(weekNumber(monday)) }) + ".ics";
      var blob = new Blob([ics.text], { type: "text/calendar;charset=utf-8" });
      var url = URL.createObjectURL(blob);
      var link = el("a", { href: url, download: name, hidden: true });
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      status.textContent = t("wp_exported", { count: ics.count, file: name });
    }
    root.weekPlannerICS = buildICS; // for the browser tests and for debugging

    fill();
    showTeam();
    if (fromLink) {
      sharedNote.hidden = false;
      sharedNote.textContent = t("wp_shared_view", { number: weekNumber(monday) });
    }
    render(fromLink ? t("wp_shared_loaded") : "");
  });
})();
