// The week planner's allowance summary, loaded once a half day is planned: what the week means for the
// allowances, from Content/_data/allowances.yml (tax-free maximums) and policy.yml (what Lindehof pays).
(function () {
  "use strict";
  var MV = window.Mengvorm, el = MV.el, t; // t: the planner's own strings (api.t)

  function cents(amount) { return Math.round(Number(amount) * 100); }
  function decimal(value) { return String(Math.round(value * 10) / 10).replace(".", t("number_decimal")); }
  /** "1 dag", "2,5 dagen". */
  function dayCount(value) { return t(value === 1 ? "wp_day_one" : "wp_day_many", { count: decimal(value) }); }
  function filled(value) { return value !== undefined && value !== null && value !== ""; }

  window.MengvormWeekPlannerSummary = function (api) {
    t = api.t;
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
      var policy = data.policy;
      if (filled(policy.expected)) {
        var expected = Number(policy.expected);
        box.appendChild(el("p", { class: "wp-expected", text: t(officeHalves / 2 >= expected ? "wp_expected_met" : "wp_expected_below",
          { expected: dayCount(expected), days: dayCount(officeHalves / 2) }) }));
      }
      var code = country(), part = el("div", { class: "wp-allowance", "data-country": code }, [
        el("h4", { text: t(code === "BE" ? "wp_allowance_be_title" : "wp_allowance_nl_title") })]);
      if (code === "NL") {
        var year = friday.slice(0, 4), max = rate("NL", "home_day", friday), paid = filled(policy.home_day) ? cents(policy.home_day) : null;
        if (paid !== null) part.appendChild(line("home-total", "wp_nl_home_total", { count: home, amount: MV.money(paid), total: MV.money(paid * home) }));
        if (max) {
          part.appendChild(line("max", "wp_nl_max", { amount: MV.money(cents(max.home_day)), year: max.year }));
          if (max.year !== year) part.appendChild(unconfirmed(t("wp_nl_unconfirmed", { year: year, known: max.year })));
          if (paid !== null && paid > cents(max.home_day)) part.appendChild(line("above", "wp_nl_above_max", { amount: MV.money(paid - cents(max.home_day)) }));
        }
        if (mixed) part.appendChild(line("mixed", "wp_nl_mixed"));
        part.appendChild(line("travel", "wp_nl_travel"));
      } else {
        // Structural telework: on average at least one working day a week, which two half days also make.
        var structural = homeHalves >= 2, be = rate("BE", "office_month", friday);
        part.appendChild(line("structural", structural ? "wp_be_structural" : "wp_be_not_structural",
          { halves: homeHalves, days: dayCount(homeHalves / 2) }, { "data-structural": structural ? "yes" : "no" }));
        if (be && structural) {
          part.appendChild(line("max", "wp_be_max", { amount: MV.money(cents(be.office_month)), date: MV.longDate(be.valid_from) }));
          if (!be.verified) part.appendChild(unconfirmed(t("wp_be_unverified")));
        }
        part.appendChild(line("month", "wp_be_month"));
      }
      box.appendChild(part);
      return box;
    }

    return { summary: summary };
  };
})();
