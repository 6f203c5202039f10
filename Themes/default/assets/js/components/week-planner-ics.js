// The week planner's .ics export (RFC 5545), loaded when someone asks for it: one free event per planned
// half day with its place, made in the browser as a download, so it works from file:// and nothing is sent.
(function () {
  "use strict";
  var MV = window.Mengvorm, el = MV.el, t = MV.t;

  // ---- iCalendar text: escaping, and folding at 75 octets without splitting a UTF-8 character ----
  function text(value) { return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n"); }
  function fold(line) {
    var out = [], current = "", size = 0;
    Array.from(line).forEach(function (ch) {
      var code = ch.codePointAt(0), n = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (size + n > 75) { out.push(current); current = " "; size = 1; }
      current += ch;
      size += n;
    });
    return out.concat(current).join("\r\n");
  }
  function utc(date) {
    return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  }
  // Central European Time, which the Netherlands and Belgium both keep (EU summer time since 1996).
  function timezone(tzid) {
    return ["BEGIN:VTIMEZONE", "TZID:" + tzid,
      "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
      "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
      "END:VTIMEZONE"];
  }

  window.MengvormWeekPlannerCalendar = function (api) {
    var data = api.data;

    /** The week as an iCalendar file: one free (TRANSP:TRANSPARENT) event per planned half day, with its place. */
    function calendar() {
      var plan = api.week(), monday = api.monday(), now = utc(new Date()), current = api.team(), zones = {}, events = [], count = 0;
      var host = (location.hostname || "mengvorm.local").replace(/[^a-z0-9.-]/gi, "") || "mengvorm.local";
      Object.keys(plan).sort().forEach(function (slot) {
        var c = plan[slot];
        if (!c.where || c.where === "off") return;
        var office = api.officeOf(c.where), tzid = office && office.country === "BE" ? "Europe/Brussels" : "Europe/Amsterdam";
        var date = api.addDays(monday, slot[0] - 1).replace(/-/g, ""), half = api.times[slot.slice(1)];
        var where = office ? office.name : t(c.where === "home" ? "wp_where_home" : "wp_where_elsewhere");
        var activity = data.activities.filter(function (a) { return a.id === c.what; })[0];
        var description = t("wp_ics_description", { when: api.slotName(slot) }) + (current ? "\n" + t("wp_ics_team", { team: current.name }) : "");
        zones[tzid] = true;
        count += 1;
        events.push("BEGIN:VEVENT", "UID:" + monday + "-" + slot + "-week-planner@" + host, "DTSTAMP:" + now,
          "DTSTART;TZID=" + tzid + ":" + date + "T" + half.from + "00", "DTEND;TZID=" + tzid + ":" + date + "T" + half.until + "00",
          "SUMMARY:" + text(activity ? t("wp_ics_summary", { where: where, what: activity.name }) : where),
          "LOCATION:" + text(office ? office.name + (office.city ? ", " + office.city : "") : where),
          "DESCRIPTION:" + text(description), "TRANSP:TRANSPARENT", "X-MICROSOFT-CDO-BUSYSTATUS:FREE", "END:VEVENT");
      });
      var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mengvorm//Week planner//" + MV.lang.toUpperCase(), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
      Object.keys(zones).sort().forEach(function (z) { lines = lines.concat(timezone(z)); });
      lines = lines.concat(events, "END:VCALENDAR");
      return { text: lines.map(fold).join("\r\n") + "\r\n", count: count };
    }

    function download() {
      var ics = calendar(), monday = api.monday();
      if (!ics.count) return t("wp_export_empty");
      var name = t("wp_ics_filename", { year: api.addDays(monday, 3).slice(0, 4), number: api.pad(api.weekNumber(monday)) }) + ".ics";
      var url = URL.createObjectURL(new Blob([ics.text], { type: "text/calendar;charset=utf-8" }));
      var link = el("a", { href: url, download: name, hidden: true });
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      return t("wp_exported", { count: ics.count, file: name });
    }

    return { calendar: calendar, download: download };
  };
})();
