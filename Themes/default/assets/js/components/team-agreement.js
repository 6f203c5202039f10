// Team agreement builder: choices per topic → a printable agreement, a Markdown copy, the team's entry for
// Content/_data/teams.yml (to hand to HR) and a share link that carries the choices in its #fragment.
// Nothing is stored or sent: the team prints, saves as PDF, copies the text or shares the link.
(function () {
  "use strict";
  var MV = window.Mengvorm;
  var t = MV.t, el = MV.el;

  function clean(text) { return String(text || "").replace(/\s+/g, " ").trim(); }
  var DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
  var SHARE_KEY = "ta=";

  /** A YAML scalar that is always read back as this text (JSON strings are valid YAML). */
  function yamlText(text) { return JSON.stringify(String(text)); }

  /** The last part of a team page address: lowercase letters, digits and hyphens ("Team Salaris" → "salaris"). */
  function slugOf(name) {
    var folded = String(name).normalize ? String(name).normalize("NFD").replace(/[\u0300-\u036f]/g, "") : String(name);
    var slug = folded.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return slug.replace(/^team-(?=.)/, "");
  }

  /** "9:30" → "09:30"; null for anything that is not a time of day. */
  function time(text) {
    var match = /^(\d{1,2})[:.](\d{2})$/.exec(text);
    if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
    return (match[1].length === 1 ? "0" : "") + match[1] + ":" + match[2];
  }

  MV.register("team-agreement", function (root) {
    // Everything comes from the page's own markup: the topics list readers without JavaScript see, and the offices
    // with their zones as data attributes (from offices.yml, when the block names it).
    function text(node) { return node ? clean(node.textContent) : ""; }
    var title = root.querySelector(".mv-component__title");
    var data = { title: text(title), intro: root.getAttribute("data-intro") || "" };
    var topics = Array.prototype.map.call(root.querySelectorAll(".ta-topic[data-topic]"), function (item) {
      var link = item.querySelector(".ta-topic__link a");
      return {
        id: item.getAttribute("data-topic"),
        title: text(item.querySelector(".ta-topic__title")),
        question: text(item.querySelector(".ta-topic__question")),
        help: text(item.querySelector(".mv-hint")),
        type: item.getAttribute("data-type") || "",
        allow_other: item.hasAttribute("data-allow-other"),
        options: Array.prototype.map.call(item.querySelectorAll("li[data-option]"), text),
        link: link ? link.getAttribute("href") : ""
      };
    });
    var offices = Array.prototype.map.call(root.querySelectorAll(".ta-office"), function (office) {
      return {
        id: office.getAttribute("data-id"), name: office.getAttribute("data-name"),
        zones: Array.prototype.map.call(office.querySelectorAll(".ta-zone"), function (zone) {
          return { id: zone.getAttribute("data-id"), name: zone.getAttribute("data-name") };
        })
      };
    });
    var mapping = {
      anchor_days: root.getAttribute("data-anchor-days") || "",
      core_hours: root.getAttribute("data-core-hours") || "",
      meeting_lengths: root.getAttribute("data-meeting-lengths") || "",
      location_shared: root.getAttribute("data-location-shared") || ""
    };
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
        MV.button(t("ta_clear"), function () {
          form.reset();
          fillZones();
          if (window.location.hash.indexOf("#" + SHARE_KEY) === 0 && window.history.replaceState) {
            window.history.replaceState(null, "", window.location.href.split("#")[0]);
          }
          update();
          status.textContent = t("ta_cleared");
        }, "mv-button--quiet")
      ]),
      status
    ]);
    // ---- The team's entry for teams.yml: the fields HR needs besides the agreements ----
    function field(id, label, input, hint) {
      var children = [el("label", { for: id, text: label })];
      if (hint) {
        input.setAttribute("aria-describedby", id + "-hint");
        children.push(el("p", { class: "mv-hint", id: id + "-hint", text: hint }));
      }
      children.push(input);
      return el("div", { class: "mv-field" }, children);
    }
    var officeInput, baseInput;
    if (offices.length) {
      officeInput = el("select", { id: prefix + "-office", name: "office" },
        [el("option", { value: "", text: t("ta_choose") })].concat(offices.map(function (office) {
          return el("option", { value: String(office.id || ""), text: office.name || office.id });
        })));
      baseInput = el("select", { id: prefix + "-home-base", name: "home_base" });
    } else {
      officeInput = el("input", { id: prefix + "-office", name: "office", type: "text", autocomplete: "off" });
      baseInput = el("input", { id: prefix + "-home-base", name: "home_base", type: "text", autocomplete: "off" });
    }
    var description = el("input", { id: prefix + "-description", name: "description", type: "text", autocomplete: "off" });
    var contactName = el("input", { id: prefix + "-contact-name", name: "contact_name", type: "text", autocomplete: "off" });
    var contactRole = el("input", { id: prefix + "-contact-role", name: "contact_role", type: "text", autocomplete: "off" });
    var contactEmail = el("input", { id: prefix + "-contact-email", name: "contact_email", type: "email", autocomplete: "off" });
    var teamSet = el("fieldset", { class: "ta-field ta-team" }, [
      el("legend", {}, [el("span", { class: "ta-field__title", text: t("ta_team_fields") }),
                        el("span", { class: "ta-field__question", text: t("ta_team_fields_question") })]),
      field(prefix + "-description", t("ta_description"), description, t("ta_description_hint")),
      field(prefix + "-office", t("ta_office"), officeInput),
      field(prefix + "-home-base", t("ta_home_base"), baseInput, t("ta_home_base_hint")),
      field(prefix + "-contact-name", t("ta_contact_name"), contactName),
      field(prefix + "-contact-role", t("ta_contact_role"), contactRole, t("ta_contact_role_hint")),
      field(prefix + "-contact-email", t("ta_contact_email"), contactEmail)
    ]);
    form.insertBefore(teamSet, form.children[1] || null);

    function fillZones() {
      if (!offices.length) return;
      var previous = baseInput.value;
      var office = offices.filter(function (o) { return String(o.id) === officeInput.value; })[0];
      baseInput.textContent = "";
      baseInput.appendChild(el("option", { value: "", text: office ? t("ta_choose") : t("ta_choose_office_first") }));
      ((office && office.zones) || []).forEach(function (zone) {
        baseInput.appendChild(el("option", { value: String(zone.id || ""), text: zone.name || zone.id }));
      });
      baseInput.value = previous;
      if (baseInput.value !== previous) baseInput.value = "";
    }
    officeInput.addEventListener("change", fillZones);
    fillZones();

    var yaml = el("textarea", { id: prefix + "-yaml", class: "ta-yaml", rows: "12", readonly: true, spellcheck: "false", "aria-describedby": prefix + "-yaml-hint " + prefix + "-yaml-missing" });
    var missing = el("p", { class: "ta-yaml-missing", id: prefix + "-yaml-missing" });
    var yamlStatus = el("p", { class: "mv-status", role: "status" });
    var share = el("input", { id: prefix + "-share", class: "ta-share", type: "text", readonly: true, spellcheck: "false", "aria-describedby": prefix + "-share-hint" });
    var shareStatus = el("p", { class: "mv-status", role: "status" });
    var hr = el("section", { class: "ta-hr", "aria-labelledby": prefix + "-hr-title" }, [
      el("h3", { id: prefix + "-hr-title", text: t("ta_hr_title") }),
      el("p", { text: t("ta_hr_intro") }),
      el("div", { class: "mv-field" }, [
        el("label", { for: prefix + "-yaml", text: t("ta_yaml_label") }),
        el("p", { class: "mv-hint", id: prefix + "-yaml-hint", text: t("ta_yaml_hint") }),
        yaml
      ]),
      missing,
      el("div", { class: "mv-actions" }, [
        MV.button(t("ta_yaml_copy"), function () { MV.copy(yaml.value, yaml, yamlStatus); }, "ta-yaml-copy")
      ]),
      yamlStatus,
      el("h3", { id: prefix + "-share-title", text: t("ta_share_title") }),
      el("div", { class: "mv-field" }, [
        el("label", { for: prefix + "-share", text: t("ta_share_label") }),
        el("p", { class: "mv-hint", id: prefix + "-share-hint", text: t("ta_share_hint") }),
        share
      ]),
      el("div", { class: "mv-actions" }, [
        MV.button(t("ta_share_copy"), function () { MV.copy(share.value, share, shareStatus); }, "ta-share-copy")
      ]),
      shareStatus
    ]);

    root.appendChild(form);
    root.appendChild(result);
    root.appendChild(hr);
    root.classList.add("ta--live");

    /** The choices per topic: [{topic, answers: [text]}]. */
    function choicesMade() {
      return topics.map(function (topic, topicIndex) {
        var set = form.querySelectorAll(".ta-field[data-topic]")[topicIndex];
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
      teamsEntry(team, made);
      share.value = shareLink();
    }

    function answersOf(made, topicId) {
      var entry = made.filter(function (m) { return m.topic.id === topicId; })[0];
      return entry ? entry.answers : [];
    }

    /** The team's entry for teams.yml, in the shape the team pages and the week planner read. */
    function teamsEntry(team, made) {
      var lines = [], notes = [], open = [];
      var dayNames = DAYS.map(function (day, index) { return t("day_" + (index + 1)).toLowerCase(); });
      var anchor = [];
      answersOf(made, mapping.anchor_days).forEach(function (answer) {
        var index = dayNames.indexOf(clean(answer).toLowerCase());
        if (index >= 0) { if (anchor.indexOf(DAYS[index]) < 0) anchor.push(DAYS[index]); }
        else notes.push(t("ta_yaml_note_days", { answer: answer }));
      });
      anchor.sort(function (a, b) { return DAYS.indexOf(a) - DAYS.indexOf(b); });
      var times = [];
      answersOf(made, mapping.core_hours).forEach(function (answer) {
        (answer.match(/\d{1,2}[:.]\d{2}/g) || []).forEach(function (found) { var value = time(found); if (value) times.push(value); });
      });
      var lengths = [];
      answersOf(made, mapping.meeting_lengths).forEach(function (answer) {
        (answer.match(/\d+/g) || []).forEach(function (found) {
          var minutes = Number(found);
          if (minutes > 0 && minutes <= 480 && lengths.indexOf(minutes) < 0) lengths.push(minutes);
        });
      });
      var shared = answersOf(made, mapping.location_shared).map(function (answer) { return clean(answer).replace(/[.]$/, ""); });

      var slug = slugOf(team);
      if (team) { lines.push("- slug: " + slug, "  name: " + yamlText(team)); } else { open.push(t("ta_team_name_short")); }
      var office = clean(officeInput.value);
      if (office) lines.push("  office: " + yamlText(office)); else open.push(t("ta_office").toLowerCase());
      if (anchor.length) lines.push("  anchor_days: [" + anchor.join(", ") + "]"); else open.push(t("ta_field_anchor_days"));
      var base = clean(baseInput.value);
      if (base) lines.push("  home_base: " + yamlText(base)); else open.push(t("ta_home_base").toLowerCase());
      if (times.length) {
        lines.push("  core_hours: {from: " + yamlText(times[0]) + ", until: " + yamlText(times[times.length - 1]) + "}");
      } else if (answersOf(made, mapping.core_hours).length) {
        notes.push(t("ta_yaml_note_core_hours"));
      } else {
        open.push(t("ta_field_core_hours"));
      }
      if (lengths.length) lines.push("  meeting_lengths: [" + lengths.join(", ") + "]");
      else if (answersOf(made, mapping.meeting_lengths).length) notes.push(t("ta_yaml_note_lengths"));
      else open.push(t("ta_field_meeting_lengths"));
      if (shared.length) lines.push("  location_shared: " + yamlText(shared.join(". ") + "."));
      else open.push(t("ta_field_location_shared"));
      var contact = [];
      if (clean(contactName.value)) contact.push("name: " + yamlText(clean(contactName.value)));
      if (clean(contactRole.value)) contact.push("role: " + yamlText(clean(contactRole.value)));
      if (clean(contactEmail.value)) contact.push("email: " + yamlText(clean(contactEmail.value)));
      if (contact.length) lines.push("  contact: {" + contact.join(", ") + "}"); else open.push(t("ta_field_contact"));
      if (clean(description.value)) lines.push("  description: " + yamlText(clean(description.value)));

      var head = ["# " + t("ta_yaml_comment", { date: new Date().toISOString().slice(0, 10) })];
      notes.forEach(function (note) { head.push("# " + note); });
      if (!team) head.push("# " + t("ta_yaml_comment_no_name"));
      yaml.value = head.concat(team ? lines : []).join("\n") + "\n";
      missing.textContent = open.length ? t("ta_yaml_missing", { fields: open.join(", ") }) : t("ta_yaml_complete");
      missing.className = "ta-yaml-missing" + (open.length ? " is-open" : "");
    }

    // ---- The share link: every choice in the #fragment, which the browser never sends to a server ----
    function state() {
      var saved = { v: 1, team: teamInput.value, about: description.value, office: officeInput.value, base: baseInput.value,
                    contact: [contactName.value, contactRole.value, contactEmail.value], topics: {} };
      topics.forEach(function (topic, topicIndex) {
        var set = form.querySelectorAll(".ta-field[data-topic]")[topicIndex];
        var entry = {};
        var checked = [];
        set.querySelectorAll("input[type=radio], input[type=checkbox]").forEach(function (input, index) { if (input.checked) checked.push(index); });
        if (checked.length) entry.c = checked;
        var other = set.querySelector("[data-role=other]");
        if (other && other.value) entry.o = other.value;
        var text = set.querySelector("[data-role=text]");
        if (text && text.value) entry.x = text.value;
        if (Object.keys(entry).length) saved.topics[topic.id || topicIndex] = entry;
      });
      return saved;
    }

    function shareLink() {
      var base = window.location.href.split("#")[0];
      return base + "#" + SHARE_KEY + encodeURIComponent(JSON.stringify(state()));
    }

    function restore(hash) {
      if (hash.indexOf("#" + SHARE_KEY) !== 0) return false;
      var saved;
      try { saved = JSON.parse(decodeURIComponent(hash.slice(SHARE_KEY.length + 1))); } catch (e) { return false; }
      if (!saved || typeof saved !== "object") return false;
      teamInput.value = String(saved.team || "");
      description.value = String(saved.about || "");
      officeInput.value = String(saved.office || "");
      fillZones();
      baseInput.value = String(saved.base || "");
      var contact = saved.contact || [];
      contactName.value = String(contact[0] || ""); contactRole.value = String(contact[1] || ""); contactEmail.value = String(contact[2] || "");
      topics.forEach(function (topic, topicIndex) {
        var entry = (saved.topics || {})[topic.id || topicIndex];
        if (!entry) return;
        var set = form.querySelectorAll(".ta-field[data-topic]")[topicIndex];
        var inputs = set.querySelectorAll("input[type=radio], input[type=checkbox]");
        (entry.c || []).forEach(function (index) { if (inputs[index]) inputs[index].checked = true; });
        var other = set.querySelector("[data-role=other]");
        if (other && entry.o) other.value = String(entry.o);
        var text = set.querySelector("[data-role=text]");
        if (text && entry.x) text.value = String(entry.x);
      });
      return true;
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (restore(window.location.hash)) status.textContent = t("ta_restored");
    update();
  });
})();
