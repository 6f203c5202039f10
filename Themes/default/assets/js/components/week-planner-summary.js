// What a planned week means, loaded once a half day is planned: the warnings (the team's office days, the
// activity list, opening hours, quiet days) and the allowances, from Content/_data/allowances.yml (tax-free
// maximums) and policy.yml (what Lindehof pays).
(function () {
  "use strict";
  var MV = window.Mengvorm, el = MV.el, t = MV.t;

  function cents(amount) { return Math.round(Number(amount) * 100); }
  function decimal(value) { return String(Math.round(value * 10) / 10).replace(".", t("number_decimal")); }
  /** "1 dag", "2,5 dagen". */
  function dayCount(value) { return t(value === 1 ? "wp_day_one" : "wp_day_many", { count: decimal(value) }); }
  function filled(value) { return value !== undefined && value !== null && value !== ""; }

  window.MengvormWeekPlannerSummary = function (api) {
    var data = api.data;

    /** The rate in force on `day` that has `field` (the latest earlier one when that year's row lacks it). */
    function rate(code, field, day) {
      var found = null;
      (data.rates[code] || []).slice().sort(function (a, b) { return a.valid_from < b.valid_from ? -1 : 1; }).forEach(function (r) {
        if (r.valid_from <= day && filled(r[field])) found = r;
      });
      return found;
    }
    function country() {
      var current = api.team(), office = current && api.data.offices.filter(function (o) { return o.id === current.office; })[0];
      if (!office) {
        var plan = api.week();
        Object.keys(plan).sort().some(function (slot) { office = api.officeOf(plan[slot].where); return !!office; });
      }
      return office && office.country === "BE" ? "BE" : "NL";
    }
    function line(name, key, values, extra) {
      var node = el("p", { "data-line": name, text: t(key, values) });
      Object.keys(extra || {}).forEach(function (k) { node.setAttribute(k, extra[k]); });
      return node;
    }
    function unconfirmed(message) {
      return el("p", { class: "mv-warning", role: "note", "data-line": "unconfirmed" }, [el("strong", { text: t("wp_nl_unconfirmed_title") }), " " + message]);
    }

    function summary() {
      var days = api.analyse(api.week()), monday = api.monday(), friday = api.addDays(monday, 4);
      var count = function (test) { return days.filter(test).length; };
      var home = count(function (d) { return d.home && !d.office; }), office = count(function (d) { return d.office; });
      var mixed = count(function (d) { return d.office && d.home; }), away = count(function (d) { return d.elsewhere && !d.office && !d.home; });
      var off = count(function (d) { return d.off === 2; });
      var officeHalves = days.reduce(function (s, d) { return s + d.office; }, 0), homeHalves = days.reduce(function (s, d) { return s + d.home; }, 0);
      var box = el("div", {}, [el("h3", { text: t("wp_summary_title") }), el("ul", { class: "wp-counts" }, [
        el("li", { "data-count": "home", text: t("wp_count_home", { count: home }) }),
        el("li", { "data-count": "office", text: t("wp_count_office", { count: office, days: dayCount(officeHalves / 2) }) }),
        mixed ? el("li", { "data-count": "mixed", text: t("wp_count_mixed", { count: mixed }) }) : null,
        away ? el("li", { "data-count": "elsewhere", text: t("wp_count_elsewhere", { count: away }) }) : null,
        off ? el("li", { "data-count": "off", text: t("wp_count_off", { count: off }) }) : null])]);
      var code = country(), policy = data.policy[code] || {};
      if (filled(policy.expected)) {
        var expected = Number(policy.expected);
        box.appendChild(el("p", { class: "wp-expected", text: t(officeHalves / 2 >= expected ? "wp_expected_met" : "wp_expected_below",
          { expected: dayCount(expected), days: dayCount(officeHalves / 2) }) }));
      }
      var part = el("div", { class: "wp-allowance", "data-country": code }, [
        el("h4", { text: t(code === "BE" ? "wp_allowance_be_title" : "wp_allowance_nl_title") })]);
      if (code === "NL") {
        var year = friday.slice(0, 4), max = rate("NL", "home_day", friday), paid = filled(policy.home_day) ? cents(policy.home_day) : null;
        if (paid !== null) part.appendChild(line("home-total", "wp_nl_home_total", { count: home, amount: MV.money(paid), total: MV.money(paid * home) }));
        if (max) {
          part.appendChild(line("max", "wp_nl_max", { amount: MV.money(cents(max.home_day)), year: max.year }));
          if (max.year !== year) part.appendChild(unconfirmed(t("wp_nl_unconfirmed", { year: year, known: max.year })));
          if (paid !== null && paid > cents(max.home_day)) {
            part.appendChild(line("above", policy.above === "free_space" ? "wp_nl_above_max_free" : "wp_nl_above_max", { amount: MV.money(paid - cents(max.home_day)) }));
          }
        }
        if (mixed) part.appendChild(line("mixed", "wp_nl_mixed"));
        part.appendChild(line("travel", "wp_nl_travel"));
      } else {
        // Structural telework: on average at least one working day a week, which two half days also make.
        var structural = homeHalves >= 2, be = rate("BE", "office_month", friday);
        part.appendChild(line("structural", structural ? "wp_be_structural" : "wp_be_not_structural",
          { halves: homeHalves, days: dayCount(homeHalves / 2) }, { "data-structural": structural ? "yes" : "no" }));
        if (be && structural) {
          if (filled(policy.office_month)) part.appendChild(line("paid", "wp_be_paid", { amount: MV.money(cents(policy.office_month)) }));
          part.appendChild(line("max", "wp_be_max", { amount: MV.money(cents(be.office_month)), date: MV.longDate(be.valid_from) }));
          if (!be.verified) part.appendChild(unconfirmed(t("wp_be_unverified")));
        }
        part.appendChild(line("month", "wp_be_month"));
      }
      box.appendChild(part);
      return box;
    }

    function $(selector) { return api.root.querySelector(selector); }
    function openOn(office, dayIndex, half) {
      var minutes = function (hhmm) { hhmm = hhmm.replace(":", ""); return hhmm.slice(0, 2) * 60 + +hhmm.slice(2, 4); };
      return office.hours.some(function (h) {
        if (h.days.indexOf(api.days[dayIndex]) < 0) return false;
        // Open for the half day when at least an hour of it falls within the opening hours.
        return Math.min(minutes(h.until), minutes(api.times[half].until)) - Math.max(minutes(h.from), minutes(api.times[half].from)) >= 60;
      });
    }

    function warnings(plan, days) {
      var out = [], current = api.team(), anchors = current ? current.anchor_days : [];
      function add(kind, key, values, where) { out.push({ kind: kind, slot: where.slot, day: where.day, text: api.sentence(t(key, values)) }); }
      api.slots.forEach(function (slot) {
        var c = plan[slot];
        if (!c) return;
        var i = slot[0] - 1, activity = api.find(data.activities, c.what), office = api.officeOf(c.where), when = api.slotName(slot);
        if (activity && c.where === "home" && !api.fitting(activity, "home").length) {
          var other = api.fitting(activity, "outside"), places = api.fitting(activity, "office").concat(other);
          add("activity", other.length ? "wp_warn_activity_home_other" : "wp_warn_activity_home",
            { activity: activity.name, when: when, places: api.list(places.length ? places : [t("wp_where_office")]) }, { slot: slot });
        }
        if (activity && c.where === "off") add("off", "wp_warn_activity_off", { activity: activity.name, when: when }, { slot: slot });
        if (activity && activity.anchor_day && anchors.length && anchors.indexOf(api.days[i]) < 0 && c.where !== "off") {
          add("anchor-activity", "wp_warn_activity_not_anchor", { activity: activity.name, day: api.dayName(i),
            days: api.list(anchors.map(function (d) { return api.dayName(api.days.indexOf(d)); })) }, { slot: slot });
        }
        if (office && !openOn(office, i, slot.slice(1))) add("closed", "wp_warn_closed", { office: office.name, when: when }, { slot: slot });
      });
      anchors.forEach(function (id) {
        var day = days[api.days.indexOf(id)], wrong = null;
        if (!day) return;
        if (!day.office && day.home) add("anchor", "wp_warn_anchor_home", { day: api.dayName(day.index) }, { day: id });
        else if (!day.office && day.elsewhere) add("anchor", "wp_warn_anchor_elsewhere", { day: api.dayName(day.index) }, { day: id });
        api.halves.forEach(function (h) { var o = api.officeOf((plan[(day.index + 1) + h] || {}).where); if (o && o.id !== current.office) wrong = wrong || o; });
        if (wrong) {
          var home = api.find(data.offices, current.office);
          add("other-office", "wp_warn_other_office", { day: api.dayName(day.index), office: wrong.name, team_office: home ? home.name : current.office }, { day: id });
        }
      });
      return out;
    }

    /** Quiet days at an office: what its emergency response (BHV) arrangement asks of you. */
    function notes(plan) {
      var seen = {};
      return api.slots.map(function (slot) {
        var office = api.officeOf((plan[slot] || {}).where), i = slot[0] - 1;
        if (!office || office.quiet.indexOf(api.days[i]) < 0 || seen[office.id + i]) return null;
        seen[office.id + i] = true;
        return api.sentence(t("wp_note_quiet_day", { office: office.name, day: api.dayName(i) })) + " " + office.bhv;
      }).filter(Boolean);
    }

    function render(message) {
      var plan = api.week(), days = api.analyse(plan), found = warnings(plan, days), extra = notes(plan);
      var box = $(".wp-warnings");
      box.textContent = "";
      if (found.length) {
        box.appendChild(el("h3", { text: t("wp_warnings_title", { count: found.length }) }));
        box.appendChild(el("ul", { class: "wp-warning-list" }, found.map(function (w) {
          return el("li", { class: "mv-warning", "data-kind": w.kind, "data-slot": w.slot, "data-day": w.day, text: w.text });
        })));
      } else {
        box.appendChild(el("p", { class: "wp-ok", text: t("wp_no_warnings") }));
      }
      if (extra.length) box.appendChild(el("ul", { class: "wp-notes" }, extra.map(function (text) { return el("li", { text: text }); })));
      api.slots.forEach(function (slot) {
        $("tr[data-slot='" + slot + "']").classList.toggle("wp-row--warn", found.some(function (w) {
          return w.slot === slot || (w.day && api.days.indexOf(w.day) === slot[0] - 1);
        }));
      });
      var box2 = $(".wp-summary");
      box2.textContent = "";
      box2.appendChild(summary());
      if (message) api.say(message + " " + t("wp_warnings_count", { count: found.length }));
    }
    return { summary: summary, render: render };
  };
})();
