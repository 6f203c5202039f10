// Allowance calculator: tax-free maximums per month and per year from Content/_data/allowances.yml, beside what
// Lindehof itself pays (Content/_data/policy.yml) and the part of that which is taxed.
// The year follows today's date; a year without a confirmed amount says so and uses the latest known amount.
// Nothing is stored or sent. All money is computed in whole cents with integer arithmetic, rounded half up.
(function () {
  "use strict";
  var MV = window.Mengvorm;
  var t = MV.t, el = MV.el;
  // The 214-day rule for fixed allowances: 214 days a year for 5 days a week, pro rata for fewer days.
  var DAYS_PER_YEAR_FULL_WEEK = 214;
  var FULL_WEEK = 5;
  var FIELDS = {
    NL: ["home_day", "travel_km"],
    BE: ["office_month", "internet_month", "pc_month", "device_month", "device_max_month"]
  };

  function cents(amount) { return Math.round(Number(amount) * 100); }
  /** numerator / denominator rounded half up, for non-negative integers. */
  function divRound(numerator, denominator) { return Math.floor((2 * numerator + denominator) / (2 * denominator)); }
  function decimal(value) { return String(Math.round(value * 10) / 10).replace(".", t("number_decimal")); }
  function isNumber(value) { return typeof value === "number" && isFinite(value); }
  function monthStart(year, month) { return year + "-" + (month < 10 ? "0" : "") + month + "-01"; }
  function isoToday(date) {
    var m = date.getMonth() + 1, d = date.getDate();
    return date.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
  }

  function sortedRates(country) {
    return (country.rates || []).slice().sort(function (a, b) { return String(a.valid_from) < String(b.valid_from) ? -1 : 1; });
  }

  /** The amount of `field` on `day`: the latest verified rate that has it, else the latest unverified one. */
  function lookup(rates, field, day) {
    var verified = null, any = null;
    rates.forEach(function (rate) {
      if (String(rate.valid_from) > day || !isNumber(rate[field])) return;
      any = rate;
      if (rate.verified !== false) verified = rate;
    });
    var rate = verified || any;
    return rate ? { rate: rate, value: rate[field] } : null;
  }

  function pendingNote(country, year) {
    var entry = (country.pending || []).filter(function (p) { return Number(p.year) === year; })[0];
    return entry ? (entry.note || "") : null;
  }

  /**
   * Per month of `year`: the rate used for each field and whether that amount is confirmed for the month.
   * An amount is confirmed when it comes from the newest row in force, that row is verified, and it is either a row
   * of this year or a later row exists (so it is known to have held until then). A year listed in `pending` never is.
   * Returns [{months: [1, …], used: {field: rate}, rates: [rate], confirmed}] in order.
   */
  function periods(country, year) {
    var rates = sortedRates(country);
    var fields = FIELDS[country.code] || [];
    var pending = pendingNote(country, year) !== null;
    var result = [];
    for (var month = 1; month <= 12; month++) {
      var day = monthStart(year, month);
      var newest = null, later = false;
      rates.forEach(function (rate) { if (String(rate.valid_from) <= day) newest = rate; else later = true; });
      var used = {}, list = [], confirmed = !pending, found = false;
      fields.forEach(function (field) {
        var hit = lookup(rates, field, day);
        if (!hit) return;
        found = true;
        used[field] = hit.rate;
        if (list.indexOf(hit.rate) < 0) list.push(hit.rate);
        if (hit.rate !== newest || hit.rate.verified === false || (Number(hit.rate.year) < year && !later)) confirmed = false;
      });
      if (!found) continue;
      var last = result[result.length - 1];
      var same = last && last.confirmed === confirmed && fields.every(function (f) { return last.used[f] === used[f]; });
      if (same) last.months.push(month);
      else result.push({ months: [month], used: used, rates: list, confirmed: confirmed });
    }
    return result;
  }

  /** The years to choose from: those in the data, the pending ones and this year. */
  function years(country, now) {
    var seen = {};
    (country.rates || []).forEach(function (rate) { seen[Number(rate.year)] = true; });
    (country.pending || []).forEach(function (entry) { seen[Number(entry.year)] = true; });
    var list = Object.keys(seen).map(Number).filter(isFinite);
    var first = Math.min.apply(null, list);
    for (var year = first; year <= now; year++) seen[year] = true;
    return Object.keys(seen).map(Number).filter(isFinite).sort(function (a, b) { return a - b; });
  }

  /** Parses "18,5" or "18.5"; null when it is not a number. */
  function parseNumber(text) {
    var clean = String(text).trim().replace(",", ".");
    if (clean === "") return 0;
    if (!/^\d+(\.\d+)?$/.test(clean)) return null;
    return Number(clean);
  }

  function value(rate, field) { return rate && isNumber(rate[field]) ? rate[field] : 0; }

  /** NL lines: [{key, label, day, month, year, paidDay, paidYear, taxedYear}] in cents. */
  function computeNL(input, list, policy) {
    var home = { key: "home", label: t("calc_row_home"), yearNum: 0, paidNum: 0, taxedNum: 0 };
    var travel = { key: "travel", label: t("calc_row_travel"), yearNum: 0, paidNum: 0, taxedNum: 0 };
    var homeDays = input.homeHalf * DAYS_PER_YEAR_FULL_WEEK, officeDays = input.officeHalf * DAYS_PER_YEAR_FULL_WEEK;
    var paidHome = policy && isNumber(policy.home_day) ? cents(policy.home_day) : null;
    var paidTravel = policy && isNumber(policy.travel_km) ? divRound(2 * input.distanceTenths * cents(policy.travel_km), 10) : null;
    // Days per year = halfDays × 214 / 10; a month is a twelfth: × months / 12, so everything is over 120.
    list.forEach(function (period) {
      var dayCents = cents(value(period.used.home_day, "home_day"));
      var travelDayCents = divRound(2 * input.distanceTenths * cents(value(period.used.travel_km, "travel_km")), 10);
      var n = period.months.length;
      home.day = dayCents;
      travel.day = travelDayCents;
      home.month = divRound(homeDays * dayCents, 120);
      travel.month = divRound(officeDays * travelDayCents, 120);
      home.yearNum += homeDays * dayCents * n;
      travel.yearNum += officeDays * travelDayCents * n;
      if (paidHome !== null) {
        home.paidNum += homeDays * paidHome * n;
        home.taxedNum += homeDays * Math.max(0, paidHome - dayCents) * n;
      }
      if (paidTravel !== null) {
        travel.paidNum += officeDays * paidTravel * n;
        travel.taxedNum += officeDays * Math.max(0, paidTravel - travelDayCents) * n;
      }
    });
    [home, travel].forEach(function (line) {
      line.year = divRound(line.yearNum, 120);
      line.paidYear = divRound(line.paidNum, 120);
      line.taxedYear = divRound(line.taxedNum, 120);
    });
    home.paidDay = paidHome;
    travel.paidDay = paidTravel;
    return [home, travel];
  }

  /** BE lines per month; `maximum(rate)` and `paid(policy)` give cents per month. */
  function computeBE(input, list, policy) {
    var structural = input.homeHalf >= 2;
    function devices(rate) {
      var count = (input.screen ? 1 : 0) + (input.printer ? 1 : 0);
      return Math.min(count * cents(value(rate, "device_month")), cents(value(rate, "device_max_month")));
    }
    var lines = [
      { key: "office", label: t("calc_row_office"), field: "office_month", on: structural },
      { key: "internet", label: t("calc_row_internet"), field: "internet_month", on: input.internet },
      { key: "pc", label: t("calc_row_pc"), field: "pc_month", on: input.pc },
      { key: "devices", label: t("calc_row_devices"), field: "device_month", on: input.screen || input.printer, perDevice: true }
    ];
    lines.forEach(function (line) {
      line.year = 0; line.paidYear = 0; line.taxedYear = 0;
      var paidMonth = 0;
      if (policy && line.on) paidMonth = line.perDevice ? devices(policy) : cents(value(policy, line.field));
      list.forEach(function (period) {
        var rate = period.used[line.field];
        var maxMonth = line.on ? (line.perDevice ? devices(rate) : cents(value(rate, line.field))) : 0;
        var n = period.months.length;
        line.month = maxMonth;
        line.year += maxMonth * n;
        line.paidYear += paidMonth * n;
        line.taxedYear += Math.max(0, paidMonth - maxMonth) * n;
      });
      line.paidMonth = paidMonth;
    });
    return lines;
  }

  MV.register("allowance-calculator", function (root) {
    var json = MV.readJSON(root.querySelector(".mv-data")) || {};
    // `data: [allowances, policy]` gives {allowances, policy}; a block naming one file gives that file.
    var data = json.countries ? json : (json.allowances || {});
    var policyData = json.countries ? null : (json.policy || null);
    var organisation = (policyData && policyData.organisation) || "";
    /** A UI string that names the organisation whose arrangement policy.yml describes. */
    function tp(key, values) {
      var all = { organisation: organisation };
      Object.keys(values || {}).forEach(function (name) { all[name] = values[name]; });
      return t(key, all);
    }
    var countries = data.countries || [];
    var form = root.querySelector(".calc-form");
    var output = root.querySelector(".calc-output");
    var error = form.querySelector(".calc-error");
    var fields = form.elements;
    var now = new Date();
    var thisYear = now.getFullYear();
    root.querySelectorAll(".mv-js-only").forEach(function (node) { node.hidden = false; });

    function country() {
      var code = fields.country.value;
      return countries.filter(function (c) { return c.code === code; })[0] || countries[0];
    }

    /** What Lindehof pays in this country, when its arrangement is in force in `year`. */
    function policyFor(code) {
      if (!policyData) return null;
      var entry = (policyData.countries || {})[code];
      return entry && typeof entry === "object" ? entry : null;
    }

    function fillYears() {
      var previous = fields.year.value;
      var list = years(country(), thisYear);
      fields.year.textContent = "";
      list.forEach(function (year) { fields.year.appendChild(el("option", { value: String(year), text: String(year) })); });
      var pick = list.indexOf(Number(previous)) >= 0 ? Number(previous) : (list.indexOf(thisYear) >= 0 ? thisYear : list[list.length - 1]);
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
      var isBE = country().code === "BE";
      var input = {
        homeHalf: homeHalf, officeHalf: officeHalf, distanceTenths: Math.round(distance * 10),
        internet: isBE && fields.internet.checked, pc: isBE && fields.pc.checked,
        screen: isBE && fields.screen.checked, printer: isBE && fields.printer.checked
      };
      if (input.pc && (input.screen || input.printer)) return { error: t("calc_error_pc_devices") };
      return input;
    }

    function money(amount) { return amount === undefined || amount === null ? "" : MV.money(amount); }

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

    /** What Lindehof pays per year, beside the tax-free maximum and the part that is taxed. */
    function policyBox(lines, policy, year, isNL, input) {
      var box = el("div", { class: "calc-policy" });
      box.appendChild(el("h3", { text: tp("calc_policy_title") }));
      if (policyData && policyData.example_note) box.appendChild(el("p", { class: "mv-hint", text: policyData.example_note }));
      if (String(policy.valid_from || "") > year + "-12-31") {
        box.appendChild(el("p", { text: tp("calc_policy_not_yet", { date: MV.longDate(policy.valid_from) }) }));
        return { node: box, paid: null };
      }
      var shown = lines;
      var paid = 0, free = 0, taxed = 0;
      var rows = shown.map(function (line) {
        paid += line.paidYear; taxed += line.taxedYear; free += line.paidYear - line.taxedYear;
        return el("tr", {}, [
          el("th", { scope: "row", text: line.label }),
          el("td", { "data-cell": "paid-" + line.key, text: money(line.paidYear) }),
          el("td", { class: "calc-col-max", "data-cell": "max-" + line.key, text: money(line.year) }),
          el("td", { "data-cell": "taxed-" + line.key, text: money(line.taxedYear) })
        ]);
      });
      box.appendChild(el("table", { class: "calc-results calc-results--policy" }, [
        el("caption", { text: tp("calc_policy_caption", { year: year }) }),
        el("thead", {}, [el("tr", {}, [
          el("th", { scope: "col", text: t("calc_col_item") }),
          el("th", { scope: "col", text: tp("calc_col_paid") }),
          el("th", { scope: "col", class: "calc-col-max", text: t("calc_col_max") }),
          el("th", { scope: "col", text: t("calc_col_taxed") })
        ])]),
        el("tbody", {}, rows),
        el("tfoot", {}, [el("tr", {}, [
          el("th", { scope: "row", text: t("calc_row_total") }),
          el("td", { "data-cell": "paid-total", text: money(paid) }),
          el("td", { class: "calc-col-max" }),
          el("td", { "data-cell": "taxed-total", text: money(taxed) })
        ])])
      ]));
      var rates = [];
      if (isNL) {
        if (isNumber(policy.home_day)) rates.push(t("calc_rate_home_day", { amount: MV.money(cents(policy.home_day)) }));
        if (isNumber(policy.travel_km)) rates.push(t("calc_rate_travel_km", { amount: MV.money(cents(policy.travel_km)) }));
      } else {
        if (isNumber(policy.office_month)) rates.push(t("calc_rate_office_month", { amount: MV.money(cents(policy.office_month)) }));
        if (isNumber(policy.internet_month)) rates.push(t("calc_rate_internet_month", { amount: MV.money(cents(policy.internet_month)) }));
        if (isNumber(policy.pc_month)) rates.push(t("calc_rate_pc_month", { amount: MV.money(cents(policy.pc_month)) }));
        if (isNumber(policy.device_month)) rates.push(t("calc_rate_device_month", { amount: MV.money(cents(policy.device_month)), max: MV.money(cents(value(policy, "device_max_month"))) }));
      }
      box.appendChild(el("p", { class: "calc-policy__rates", text: tp("calc_policy_rates", { rates: rates.join("; "), date: MV.longDate(policy.valid_from) }) }));
      box.appendChild(el("p", { class: "calc-policy__result", text: t("calc_policy_result", { paid: money(paid), free: money(free), taxed: money(taxed) }) }));
      if (taxed > 0) box.appendChild(el("p", { text: tp(policy.above_maximum === "free_space" ? "calc_policy_above_free_space" : "calc_policy_above_wage") }));
      if (policy.note) box.appendChild(el("p", { class: "calc-note", text: policy.note }));
      if (isNumber(policy.expected_office_days)) {
        var expected = tp("calc_policy_office_days", { days: decimal(policy.expected_office_days) });
        if (isNL && input.officeHalf < policy.expected_office_days * 2) expected += " " + t("calc_policy_office_days_less", { days: decimal(input.officeHalf / 2) });
        box.appendChild(el("p", { class: "calc-policy__office", text: expected }));
      }
      if (policy.equipment && isNumber(policy.equipment.amount)) {
        box.appendChild(el("p", { text: t("calc_policy_equipment", { amount: MV.money(cents(policy.equipment.amount)), years: policy.equipment.every_years || "" }) +
          (policy.equipment.note ? " " + policy.equipment.note : "") }));
      }
      if (policyData && policyData.contact) box.appendChild(el("p", { text: t("calc_policy_contact", { contact: policyData.contact }) }));
      return { node: box, paid: paid, taxed: taxed };
    }

    /** The notice for a year without a confirmed amount: which amounts we use instead, and from when. */
    function pendingNotice(current, year, list) {
      var open = list.filter(function (period) { return !period.confirmed; });
      if (!open.length) return null;
      var used = [];
      open.forEach(function (period) { period.rates.forEach(function (rate) { if (used.indexOf(rate) < 0) used.push(rate); }); });
      var box = el("div", { class: "mv-warning calc-pending", role: "note" });
      box.appendChild(el("p", {}, [el("strong", { text: t("calc_pending_title", { year: year }) })]));
      used.forEach(function (rate) {
        box.appendChild(el("p", { text: t(rate.verified === false ? "calc_pending_using_unverified" : "calc_pending_using", {
          year: rate.year, date: MV.longDate(rate.valid_from), amounts: rateSummary(rate, current.code) }) }));
      });
      var note = pendingNote(current, year);
      if (!note) {
        var inForce = null;
        sortedRates(current).forEach(function (rate) { if (Number(rate.year) === year) inForce = rate; });
        note = inForce && used.indexOf(inForce) < 0 ? inForce.note : "";
      }
      if (note) box.appendChild(el("p", { text: note }));
      box.appendChild(el("p", { text: t("calc_pending_ask") }));
      return box;
    }

    function sources(list, chosen) {
      var box = el("div");
      box.appendChild(el("h3", { text: t("calc_sources_title") }));
      if (data.checked) box.appendChild(el("p", { text: t("calc_checked", { date: MV.longDate(data.checked) }) }));
      var shown = [];
      list.forEach(function (period) {
        period.rates.forEach(function (rate) {
          var entry = shown.filter(function (s) { return s.rate === rate; })[0];
          if (!entry) shown.push(entry = { rate: rate, months: [] });
          period.months.forEach(function (m) { if (entry.months.indexOf(m) < 0) entry.months.push(m); });
        });
      });
      shown.forEach(function (entry) {
        var rate = entry.rate;
        var item = el("div", { class: "calc-period" + (rate.verified === false ? " calc-period--unverified" : ""), "data-valid-from": rate.valid_from });
        item.appendChild(el("h4", { text: t("calc_valid_from", { date: MV.longDate(rate.valid_from) }) }));
        item.appendChild(el("p", { text: t("calc_months", { count: entry.months.length, year: chosen }) + " " + rateSummary(rate, null) }));
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

    function rateSummary(rate, code) {
      var parts = [];
      [["home_day", "calc_rate_home_day"], ["travel_km", "calc_rate_travel_km"], ["office_month", "calc_rate_office_month"],
       ["internet_month", "calc_rate_internet_month"], ["pc_month", "calc_rate_pc_month"]].forEach(function (pair) {
        if (isNumber(rate[pair[0]])) parts.push(t(pair[1], { amount: MV.money(cents(rate[pair[0]])) }));
      });
      if (isNumber(rate.device_month)) {
        parts.push(t("calc_rate_device_month", { amount: MV.money(cents(rate.device_month)), max: MV.money(cents(value(rate, "device_max_month"))) }));
      }
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
      var policy = policyFor(current.code);
      var lines = isNL ? computeNL(input, list, policy) : computeBE(input, list, policy);
      var result = table(lines, isNL);
      var box = output.querySelector(".calc-table");
      box.textContent = "";
      var notice = pendingNotice(current, year, list);
      if (notice) box.appendChild(notice);
      var described = [current.name, String(year), t("calc_input_home", { days: decimal(input.homeHalf / 2) })];
      if (isNL) {
        described.push(t("calc_input_office", { days: decimal(input.officeHalf / 2) }), t("calc_input_distance", { km: decimal(input.distanceTenths / 10) }));
      }
      box.appendChild(el("p", { class: "calc-for", text: t("calc_for", { input: described.join(", ") }) }));
      box.appendChild(result.node);

      var policyPart = output.querySelector(".calc-policy-box");
      policyPart.textContent = "";
      var paid = null;
      if (policy) {
        var made = policyBox(lines, policy, year, isNL, input);
        policyPart.appendChild(made.node);
        paid = made.paid;
      }

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
        var last = list[list.length - 1].used.device_month;
        if (last) {
          assumptions.appendChild(el("p", { class: "calc-devices", text: t("calc_assumption_be_devices", {
            amount: MV.money(cents(last.device_month)), max: MV.money(cents(value(last, "device_max_month"))), years: last.device_max_years || 3 }) }));
        }
      }
      assumptions.appendChild(el("p", { text: t("calc_assumption_max") }));

      var sourceBox = output.querySelector(".calc-sources");
      sourceBox.textContent = "";
      sourceBox.appendChild(sources(list, year));
      var summary = t("calc_summary", { month: MV.money(result.month), year: MV.money(result.year) });
      if (paid !== null) summary += " " + tp("calc_summary_paid", { paid: MV.money(paid) });
      if (notice) summary += " " + t("calc_pending_title", { year: year });
      else if (list.some(function (period) { return period.rates.some(function (rate) { return rate.verified === false; }); })) summary += " " + t("calc_unverified_title");
      output.querySelector(".calc-summary").textContent = summary;
    }

    fields.country.addEventListener("change", function () { fillYears(); update(); });
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    output.querySelector(".mv-actions").appendChild(MV.button(t("print_or_pdf"), function () { window.print(); }));
    root.setAttribute("data-today", isoToday(now));
    fillYears();
    update();
  });
})();
