// Mail signature helper: name, working days and hours, an optional note → a preview and a copy button.
// Nothing is stored or sent.
(function () {
  "use strict";
  var MV = window.Mengvorm;
  var t = MV.t, el = MV.el;

  function clean(text) { return String(text || "").replace(/\s+/g, " ").trim(); }

  /** "8.30", "8:30" or "830" → "8:30"; "" for empty; null when it is not a time. */
  function time(text) {
    var value = String(text || "").trim();
    if (!value) return "";
    var match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(value);
    if (!match) return null;
    var hours = Number(match[1]), minutes = match[2] ? Number(match[2]) : 0;
    if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
    return hours + ":" + (minutes < 10 ? "0" : "") + minutes;
  }

  /** "maandag, dinsdag en donderdag", or "van maandag tot en met vrijdag" for a run of three or more days. */
  function days(numbers) {
    if (!numbers.length) return "";
    var names = numbers.map(function (n) { return t("day_" + n); });
    var consecutive = numbers.every(function (n, i) { return i === 0 || n === numbers[i - 1] + 1; });
    if (consecutive && numbers.length >= 3) return t("sig_days_range", { first: names[0], last: names[names.length - 1] });
    var list = names.length === 1 ? names[0] : names.slice(0, -1).join(", ") + " " + t("list_and") + " " + names[names.length - 1];
    return t("sig_days_list", { list: list });
  }

  MV.register("mail-signature", function (root) {
    var form = root.querySelector(".sig-form");
    var output = root.querySelector(".sig-output");
    var preview = root.querySelector(".sig-preview");
    var status = output.querySelector(".mv-status");
    var error = form.querySelector(".sig-error");
    var fields = form.elements;
    root.querySelectorAll(".mv-js-only").forEach(function (node) { node.hidden = false; });
    var nojs = root.querySelector(".mv-nojs");
    if (nojs) nojs.hidden = true;

    function text() {
      var lines = [];
      var first = [fields.name.value, fields.role.value, fields.org.value].map(clean).filter(Boolean).join(" | ");
      if (first) lines.push(first);
      var chosen = Array.prototype.slice.call(form.querySelectorAll("input[name=day]:checked")).map(function (box) { return Number(box.value); });
      var start = time(fields.start.value), end = time(fields.end.value);
      var problem = start === null || end === null || (!!start !== !!end) ? t("sig_error_time") : "";
      var dayText = days(chosen);
      var hours = !problem && start ? t("sig_hours", { start: start, end: end }) : "";
      if (dayText && hours) lines.push(t("sig_sentence_days_hours", { days: dayText, hours: hours }));
      else if (dayText) lines.push(t("sig_sentence_days", { days: dayText }));
      else if (hours) lines.push(t("sig_sentence_hours", { hours: hours }));
      var note = clean(fields.note.value);
      if (note) lines.push(note);
      if (fields.noreply.checked) lines.push(t("sig_noreply"));
      return { lines: lines, problem: problem };
    }

    var current = "";
    function update() {
      var result = text();
      error.textContent = result.problem;
      fields.start.setAttribute("aria-invalid", result.problem ? "true" : "false");
      fields.end.setAttribute("aria-invalid", result.problem ? "true" : "false");
      current = result.lines.join("\n");
      preview.textContent = "";
      result.lines.forEach(function (line) { preview.appendChild(el("p", { text: line })); });
      if (!result.lines.length) preview.appendChild(el("p", { class: "mv-hint", text: t("sig_empty") }));
    }

    output.querySelector(".mv-actions").appendChild(MV.button(t("sig_copy"), function () {
      MV.copy(current, preview, status);
    }, "sig-copy"));
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  });
})();
