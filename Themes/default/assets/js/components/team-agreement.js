// Team agreement builder: choices per topic → a printable agreement and a Markdown copy.
// Nothing is stored or sent: the team prints, saves as PDF or copies the text.
(function () {
  "use strict";
  var MV = window.Mengvorm;
  var t = MV.t, el = MV.el;

  function clean(text) { return String(text || "").replace(/\s+/g, " ").trim(); }

  MV.register("team-agreement", function (root) {
    var data = MV.readJSON(root.querySelector(".mv-data")) || {};
    var topics = data.topics || [];
    var prefix = root.id || "ta";
    root.querySelector(".ta-topics").hidden = true;
    var nojs = root.querySelector(".mv-nojs");
    if (nojs) nojs.hidden = true;

    var teamInput = el("input", { id: prefix + "-team", name: "team", type: "text", autocomplete: "off" });
    var form = el("form", { class: "ta-form", id: prefix + "-form" }, [
      el("div", { class: "mv-field" }, [el("label", { for: prefix + "-team", text: t("ta_team_name") }), teamInput])
    ]);

    topics.forEach(function (topic, topicIndex) {
      var base = prefix + "-" + (topic.id || topicIndex);
      var legendChildren = [el("span", { class: "ta-field__title", text: topic.title || "" })];
      if (topic.question) legendChildren.push(el("span", { class: "ta-field__question", text: topic.question }));
      var set = el("fieldset", { class: "ta-field", "data-topic": topic.id }, [el("legend", {}, legendChildren)]);
      if (topic.help) set.appendChild(el("p", { class: "mv-hint", text: topic.help }));
      var type = topic.type === "single" || topic.type === "text" ? topic.type : "multiple";
      var choices = el("div", { class: "ta-choices" });
      if (type === "text") {
        choices.appendChild(el("label", { class: "ta-text-label", for: base + "-text", text: t("ta_your_answer") }));
        choices.appendChild(el("textarea", { id: base + "-text", name: base + "-text", rows: "3", "data-role": "text" }));
      } else {
        var inputType = type === "single" ? "radio" : "checkbox";
        (topic.options || []).forEach(function (option) {
          choices.appendChild(el("label", { class: "mv-check" }, [
            el("input", { type: inputType, name: base, value: String(option) }), " " + option
          ]));
        });
        if (topic.allow_other) {
          var otherId = base + "-other";
          var otherText = el("input", { type: "text", id: otherId, name: otherId, "data-role": "other", autocomplete: "off" });
          if (type === "single") {
            var otherRadio = el("input", { type: "radio", name: base, value: "", "data-role": "other-choice" });
            choices.appendChild(el("div", { class: "ta-other" }, [
              el("label", { class: "mv-check" }, [otherRadio, " " + t("ta_other_choice")]),
              el("label", { class: "ta-other__label", for: otherId, text: t("ta_other_text") }), otherText
            ]));
            otherText.addEventListener("input", function () { if (otherText.value.trim()) otherRadio.checked = true; });
          } else {
            choices.appendChild(el("div", { class: "ta-other" }, [
              el("label", { class: "ta-other__label", for: otherId, text: t("ta_other_extra") }), otherText
            ]));
          }
        }
      }
      set.appendChild(choices);
      if (topic.link) set.appendChild(el("p", { class: "ta-topic__link" }, [el("a", { href: topic.link, text: t("ta_read_more") + ": " + topic.title })]));
      form.appendChild(set);
    });

    var preview = el("div", { class: "ta-preview", id: prefix + "-preview" });
    var markdown = el("textarea", { id: prefix + "-markdown", class: "ta-markdown", rows: "12", readonly: true, spellcheck: "false" });
    var status = el("p", { class: "mv-status", role: "status" });
    var result = el("section", { class: "ta-result", "aria-labelledby": prefix + "-result-title" }, [
      el("h3", { id: prefix + "-result-title", text: t("ta_result_title") }),
      preview,
      el("div", { class: "mv-field ta-markdown-field" }, [
        el("label", { for: prefix + "-markdown", text: t("ta_markdown_label") }),
        el("p", { class: "mv-hint", text: t("ta_markdown_hint") }),
        markdown
      ]),
      el("div", { class: "mv-actions" }, [
        MV.button(t("ta_copy"), function () { MV.copy(markdown.value, markdown, status); }, "ta-copy"),
        MV.button(t("print_or_pdf"), function () { window.print(); }),
        MV.button(t("ta_clear"), function () { form.reset(); update(); status.textContent = t("ta_cleared"); }, "mv-button--quiet")
      ]),
      status
    ]);
    root.appendChild(form);
    root.appendChild(result);
    root.classList.add("ta--live");

    /** The choices per topic: [{topic, answers: [text]}]. */
    function choicesMade() {
      return topics.map(function (topic, topicIndex) {
        var set = form.querySelectorAll(".ta-field")[topicIndex];
        var answers = [];
        set.querySelectorAll("input[type=radio]:checked, input[type=checkbox]:checked").forEach(function (input) {
          if (input.getAttribute("data-role") !== "other-choice") answers.push(input.value);
          else {
            var other = clean(set.querySelector("[data-role=other]").value);
            if (other) answers.push(other);
          }
        });
        if (topic.type !== "single") {
          var extra = set.querySelector("[data-role=other]");
          if (extra && clean(extra.value)) answers.push(clean(extra.value));
        }
        var text = set.querySelector("[data-role=text]");
        if (text && clean(text.value)) answers.push(clean(text.value));
        return { topic: topic, answers: answers };
      });
    }

    function update() {
      var team = clean(teamInput.value);
      var title = (data.title || t("ta_result_title")) + (team ? " \u2013 " + team : "");
      var made = choicesMade();
      var lines = ["# " + title, ""];
      if (data.intro) lines.push(data.intro, "");
      preview.textContent = "";
      preview.appendChild(el("p", { class: "ta-preview__title", text: title }));
      if (data.intro) preview.appendChild(el("p", { text: data.intro }));
      var list = el("dl", { class: "ta-preview__list" });
      made.forEach(function (entry) {
        lines.push("## " + entry.topic.title, "");
        list.appendChild(el("dt", { text: entry.topic.title }));
        var dd = el("dd");
        if (!entry.answers.length) {
          lines.push("_" + t("ta_open") + "_");
          dd.appendChild(el("p", { class: "ta-open", text: t("ta_open") }));
        } else if (entry.answers.length === 1 && entry.topic.type !== "multiple") {
          lines.push(entry.answers[0]);
          dd.appendChild(el("p", { text: entry.answers[0] }));
        } else {
          entry.answers.forEach(function (answer) { lines.push("- " + answer); });
          dd.appendChild(el("ul", {}, entry.answers.map(function (answer) { return el("li", { text: answer }); })));
        }
        list.appendChild(dd);
        lines.push("");
      });
      preview.appendChild(list);
      markdown.value = lines.join("\n").replace(/\n+$/, "\n");
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  });
})();
