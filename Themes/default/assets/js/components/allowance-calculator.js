// Allowance calculator: tax-free maximums per month and per year from the rates in Content/_data/allowances.yml.
// Nothing is stored or sent. All money is computed in whole cents with integer arithmetic, rounded half up.
(function () {
  "use strict";
  var MV = window.Mengvorm;
  var t = MV.t, el = MV.el;
  // The 214-day rule for fixed allowances: 214 days a year for 5 days a week, pro rata for fewer days.
  var DAYS_PER_YEAR_FULL_WEEK = 214;
  var FULL_WEEK = 5;

  function cents(amount) { return Math.round(Number(amount) * 100); }
  /** numerator / denominator rounded half up, for non-negative integers. */
  function divRound(numerator, denominator) { return Math.floor((2 * numerator + denominator) / (2 * denominator)); }
  function decimal(value) { return String(Math.round(value * 10) / 10).replace(".", t("number_decimal")); }

  /** The rate in force on the first day of each month of `year`: [{rate, months: [1, 2, …]}] in order. */
  function periods(country, year) {
    var sorted = (country.rates || []).slice().sort(function (a, b) { return String(a.valid_from) < String(b.valid_from) ? -1 : 1; });
    var result = [];
    for (var month = 1; month <= 12; month++) {
      var day = year + "-" + (month < 10 ? "0" : "") + month + "-01";
      var current = null;
      sorted.forEach(function (rate) { if (String(rate.valid_from) <= day) current = rate; });
      if (!current) continue;
      var last = result[result.length - 1];
      if (last && last.rate === current) last.months.push(month);
      else result.push({ rate: current, months: [month] });
    }
    return result;
  }

  function years(country) {
    var seen = {};
    (country.rates || []).forEach(function (rate) { seen[rate.year] = true; });
    return Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
  }

  /** Parses "18,5" or "18.5"; null when it is not a number. */
  function parseNumber(text) {
    var clean = String(text).trim().replace(",", ".");
    if (clean === "") return 0;
    if (!/^\d+(\.\d+)?$/.test(clean)) return null;
    return Number(clean);
  }

  /** Lines of the result: [{key, label, day, month, year}] in cents. */
  function computeNL(input, list) {
    var home = { key: "home", label: t("calc_row_home"), yearNum: 0 };
    var travel = { key: "travel", label: t("calc_row_travel"), yearNum: 0 };
    // Days per year = halfDays × 214 / 10; a month is a twelfth: × months / 12, so everything is over 120.
    list.forEach(function (period) {
      var dayCents = cents(period.rate.home_day || 0);
      var travelDayCents = divRound(2 * input.distanceTenths * cents(period.rate.travel_km || 0), 10);
      home.day = dayCents;
      travel.day = travelDayCents;
      home.month = divRound(input.homeHalf * DAYS_PER_YEAR_FULL_WEEK * dayCents, 120);
      travel.month = divRound(input.officeHalf * DAYS_PER_YEAR_FULL_WEEK * travelDayCents, 120);
      home.yearNum += input.homeHalf * DAYS_PER_YEAR_FULL_WEEK * dayCents * period.months.length;
      travel.yearNum += input.officeHalf * DAYS_PER_YEAR_FULL_WEEK * travelDayCents * period.months.length;
    });
    home.year = divRound(home.yearNum, 120);
    travel.year = divRound(travel.yearNum, 120);
    return [home, travel];
  }

  function computeBE(input, list) {
    var structural = input.homeHalf >= 2;
    var lines = [
      { key: "office", label: t("calc_row_office"), field: "office_month", on: structural },
      { key: "internet", label: t("calc_row_internet"), field: "internet_month", on: input.internet },
      { key: "pc", label: t("calc_row_pc"), field: "pc_month", on: input.pc }
    ];
    lines.forEach(function (line) {
      line.year = 0;
      list.forEach(function (period) {
        var monthCents = line.on ? cents(period.rate[line.field] || 0) : 0;
        line.month = monthCents;
        line.year += monthCents * period.months.length;
      });
    });
    return lines;
  }

  MV.register("allowance-calculator", function (root) {
    var data = MV.readJSON(root.querySelector(".mv-data")) || {};
    var countries = data.countries || [];
    var form = root.querySelector(".calc-form");
    var output = root.querySelector(".calc-output");
    var error = form.querySelector(".calc-error");
    var fields = form.elements;
    root.querySelectorAll(".mv-js-only").forEach(function (node) { node.hidden = false; });

    function country() {
      var code = fields.country.value;
      return countries.filter(function (c) { return c.code === code; })[0] || countries[0];
    }

    function fillYears() {
      var previous = fields.year.value;
      var list = years(country());
      var now = new Date().getFullYear();
      fields.year.textContent = "";
      list.forEach(function (year) { fields.year.appendChild(el("option", { value: String(year), text: String(year) })); });
      var pick = list.indexOf(Number(previous)) >= 0 ? Number(previous) : null;
      if (pick === null) {
        var past = list.filter(function (year) { return year <= now; });
        pick = past.length ? past[past.length - 1] : list[list.length - 1];
      }
      fields.year.value = String(pick);
      var code = country().code;
      form.querySelectorAll("[data-country]").forEach(function (node) {
        node.hidden = node.getAttribute("data-country") !== code;
      });
    }

    function readInput() {
      var home = parseNumber(fields.home.value);
      var office = fields.office.closest("[data-country]").hidden ? 0 : parseNumber(fields.office.value);
      var distance = fields.distance.closest("[data-country]").hidden ? 0 : parseNumber(fields.distance.value);
      if (home === null || office === null) return { error: t("calc_error_days") };
      if (distance === null || distance > 1000) return { error: t("calc_error_distance") };
      var homeHalf = Math.round(home * 2), officeHalf = Math.round(office * 2);
      if (Math.abs(home * 2 - homeHalf) > 1e-9 || Math.abs(office * 2 - officeHalf) > 1e-9) return { error: t("calc_error_halves") };
      if (homeHalf + officeHalf > 14) return { error: t("calc_error_week") };
      return {
        homeHalf: homeHalf, officeHalf: officeHalf, distanceTenths: Math.round(distance * 10),
        internet: fields.internet.checked, pc: fields.pc.checked
      };
    }

    function money(value) { return value === undefined ? "" : MV.money(value); }

    function table(lines, withDay) {
      var head = [el("th", { scope: "col", text: t("calc_col_item") })];
      if (withDay) head.push(el("th", { scope: "col", class: "calc-day", text: t("calc_col_day") }));
      head.push(el("th", { scope: "col", text: t("calc_col_month") }), el("th", { scope: "col", text: t("calc_col_year") }));
      var totalMonth = 0, totalYear = 0;
      var rows = lines.map(function (line) {
        totalMonth += line.month || 0;
        totalYear += line.year || 0;
        var cells = [el("th", { scope: "row", text: line.label })];
        if (withDay) cells.push(el("td", { class: "calc-day", "data-cell": line.key + "-day", text: money(line.day) }));
        cells.push(el("td", { "data-cell": line.key + "-month", text: money(line.month) }),
                   el("td", { "data-cell": line.key + "-year", text: money(line.year) }));
        return el("tr", {}, cells);
      });
      var total = [el("th", { scope: "row", text: t("calc_row_total") })];
      if (withDay) total.push(el("td", { class: "calc-day" }));
      total.push(el("td", { "data-cell": "total-month", text: money(totalMonth) }), el("td", { "data-cell": "total-year", text: money(totalYear) }));
      return {
        node: el("table", { class: "calc-results" }, [
          el("caption", { text: t("calc_caption") }),
          el("thead", {}, [el("tr", {}, head)]),
          el("tbody", {}, rows),
          el("tfoot", {}, [el("tr", {}, total)])
        ]),
        month: totalMonth, year: totalYear
      };
    }

    function sources(list, chosen) {
      var box = el("div");
      box.appendChild(el("h3", { text: t("calc_sources_title") }));
      if (data.checked) box.appendChild(el("p", { text: t("calc_checked", { date: MV.longDate(data.checked) }) }));
      list.forEach(function (period) {
        var rate = period.rate;
        var months = period.months;
        var item = el("div", { class: "calc-period" + (rate.verified === false ? " calc-period--unverified" : ""), "data-valid-from": rate.valid_from });
        item.appendChild(el("h4", { text: t("calc_valid_from", { date: MV.longDate(rate.valid_from) }) }));
        item.appendChild(el("p", { text: t("calc_months", { count: months.length, year: chosen }) + " " + rateSummary(rate) }));
        if (rate.verified === false) {
          item.appendChild(el("p", { class: "mv-warning", role: "note" }, [
            el("strong", { text: t("calc_unverified_title") }), " " + t("calc_unverified")
          ]));
        }
        if (rate.note) item.appendChild(el("p", { class: "calc-note", text: rate.note }));
        if (rate.sources && rate.sources.length) {
          item.appendChild(el("ul", { class: "calc-source-list" }, rate.sources.map(function (source) {
            return el("li", {}, [source.url ? el("a", { href: source.url, text: source.title || source.url }) : (source.title || "")]);
          })));
        }
        box.appendChild(item);
      });
      return box;
    }

    function rateSummary(rate) {
      var parts = [];
      [["home_day", "calc_rate_home_day"], ["travel_km", "calc_rate_travel_km"], ["office_month", "calc_rate_office_month"],
       ["internet_month", "calc_rate_internet_month"], ["pc_month", "calc_rate_pc_month"]].forEach(function (pair) {
        if (rate[pair[0]] !== undefined && rate[pair[0]] !== "") parts.push(t(pair[1], { amount: MV.money(cents(rate[pair[0]])) }));
      });
      return parts.join("; ") + (parts.length ? "." : "");
    }

    function update() {
      var input = readInput();
      var current = country();
      var year = Number(fields.year.value);
      var list = periods(current, year);
      error.textContent = input.error || "";
      form.classList.toggle("has-error", !!input.error);
      if (input.error) { output.hidden = true; return; }
      if (!list.length) { error.textContent = t("calc_error_no_rates"); output.hidden = true; return; }
      output.hidden = false;
      var isNL = current.code === "NL";
      var lines = isNL ? computeNL(input, list) : computeBE(input, list);
      var result = table(lines, isNL);
      var box = output.querySelector(".calc-table");
      box.textContent = "";
      var described = [current.name, String(year), t("calc_input_home", { days: decimal(input.homeHalf / 2) })];
      if (isNL) {
        described.push(t("calc_input_office", { days: decimal(input.officeHalf / 2) }), t("calc_input_distance", { km: decimal(input.distanceTenths / 10) }));
      }
      box.appendChild(el("p", { class: "calc-for", text: t("calc_for", { input: described.join(", ") }) }));
      box.appendChild(result.node);

      var assumptions = output.querySelector(".calc-assumptions");
      assumptions.textContent = "";
      assumptions.appendChild(el("h3", { text: t("calc_assumptions_title") }));
      if (isNL) {
        assumptions.appendChild(el("p", { text: t("calc_assumption_nl_days", {
          home: decimal(input.homeHalf * DAYS_PER_YEAR_FULL_WEEK / 10), office: decimal(input.officeHalf * DAYS_PER_YEAR_FULL_WEEK / 10),
          full: DAYS_PER_YEAR_FULL_WEEK, week: FULL_WEEK }) }));
        assumptions.appendChild(el("p", { text: t("calc_assumption_nl_one") }));
      } else {
        assumptions.appendChild(el("p", { text: t(input.homeHalf >= 2 ? "calc_assumption_be" : "calc_assumption_be_not_structural") }));
        assumptions.appendChild(el("p", { text: t("calc_assumption_be_extras") }));
      }
      assumptions.appendChild(el("p", { text: t("calc_assumption_max") }));

      var sourceBox = output.querySelector(".calc-sources");
      sourceBox.textContent = "";
      sourceBox.appendChild(sources(list, year));
      var unverified = list.some(function (period) { return period.rate.verified === false; });
      output.querySelector(".calc-summary").textContent = t("calc_summary", { month: MV.money(result.month), year: MV.money(result.year) }) +
        (unverified ? " " + t("calc_unverified_title") : "");
    }

    fields.country.addEventListener("change", function () { fillYears(); update(); });
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    output.querySelector(".mv-actions").appendChild(MV.button(t("print_or_pdf"), function () { window.print(); }));
    fillYears();
    update();
  });
})();
