// Arbo self-check, the part for telling Lindehof: by the employee's own click, an e-mail (a mailto: link) with a
// summary for their manager or HR, with the answers only if they tick the box, and a dated statement to print.
// Nothing is sent by this script: the mail program opens a draft that the employee reads and sends, or not.
// Loaded by selfcheck.js once the first question is answered.
(function () {
  "use strict";
  var MV = window.Mengvorm;
  var t = MV.t, el = MV.el;

  function isoDay(date) {
    var m = date.getMonth() + 1, d = date.getDate();
    return date.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
  }

  /** A mailto: address (RFC 6068): the recipient, subject and body percent-encoded, lines ending in CRLF. */
  function mailto(to, subject, lines) {
    return "mailto:" + encodeURIComponent(to).replace(/%40/g, "@") + "?subject=" + encodeURIComponent(subject) +
      "&body=" + encodeURIComponent(lines.join("\r\n"));
  }

  /** Builds the summary part under the result of one self-check; `context.latest()` gives the current result. */
  MV.selfcheckSummary = function (context) {
    var root = context.root, result = context.result, actions = context.actions, groups = context.groups;
    var questions = context.questions, version = context.version, chosen = context.chosen, answerOf = context.answerOf;
    var latest = context.latest();
    var title = (root.querySelector(".mv-component__title") || {}).textContent || "";
    var prefix = root.id || "selfcheck";
    var hrEmail = root.getAttribute("data-hr-email") || "";
    var toInput = el("input", { id: prefix + "-mail-to", name: "mail_to", type: "email", autocomplete: "off", "aria-describedby": prefix + "-mail-to-hint" });
    var withAnswers = el("input", { type: "checkbox", name: "mail_answers", id: prefix + "-mail-answers" });
    var nameInput = el("input", { id: prefix + "-statement-name", name: "statement_name", type: "text", autocomplete: "name" });
    var mailLink = el("a", { class: "mv-button sc-mail", href: "mailto:" });
    var longNote = el("p", { class: "mv-hint sc-mail-long", hidden: true, text: t("sc_mail_long") });
    var statement = el("div", { class: "sc-statement", id: prefix + "-statement" });
    var share = el("section", { class: "sc-share", "aria-labelledby": prefix + "-share-title" }, [
      el("h3", { id: prefix + "-share-title", text: t("sc_share_title") }),
      el("p", { text: t("sc_share_intro") }),
      el("div", { class: "mv-field" }, [
        el("label", { for: prefix + "-mail-to", text: t("sc_mail_to") }),
        el("p", { class: "mv-hint", id: prefix + "-mail-to-hint", text: hrEmail ? t("sc_mail_to_hint_hr", { email: hrEmail }) : t("sc_mail_to_hint") }),
        toInput
      ]),
      el("label", { class: "mv-check", for: prefix + "-mail-answers" }, [withAnswers, " " + t("sc_mail_answers")]),
      el("p", { class: "sc-mail-row" }, [mailLink]),
      longNote,
      el("p", { class: "mv-hint", text: t("sc_mail_hint") }),
      el("div", { class: "mv-field" }, [
        el("label", { for: prefix + "-statement-name", text: t("sc_statement_name") }),
        nameInput
      ])
    ]);
    result.insertBefore(share, result.querySelector(".mv-actions"));
    mailLink.textContent = t("sc_mail_button");

    function ratingWords(rating) { return t("rating_" + rating); }

    function groupLine(group) {
      var details = [];
      ["risk", "attention", "good"].forEach(function (name) {
        if (group.counts[name]) details.push(t("sc_count_" + name, { count: group.counts[name] }));
      });
      if (group.answered < group.total) details.push(t("sc_open", { count: group.total - group.answered }));
      return group.title + ": " + ratingWords(group.rating) + (details.length ? " (" + details.join(", ") + ")" : "");
    }

    /** Every answer given, per group, with its rating: only when the employee ticks the box. */
    function answerLines() {
      var lines = [];
      groups.forEach(function (group) {
        var given = [];
        group.querySelectorAll(".sc-question").forEach(function (question) {
          var input = chosen(question);
          if (!input) return;
          given.push("- " + question.querySelector("legend").textContent.replace(/\s+/g, " ").trim() + " " +
            t("sc_your_answer", { answer: answerOf(input) }) + " (" + ratingWords(input.getAttribute("data-rating")) + ")");
        });
        if (given.length) lines = lines.concat(["", group.querySelector(".sc-group__title").textContent.trim()], given);
      });
      return lines;
    }

    function summaryLines(date) {
      var lines = [
        t("sc_mail_opening", { title: title, date: MV.longDate(date), version: version }),
        "",
        t("sc_mail_overall", { result: t("sc_overall_" + latest.overall), answered: latest.answered, total: questions.length }),
        "",
        t("sc_mail_groups")
      ];
      latest.groups.forEach(function (group) { lines.push("- " + groupLine(group)); });
      if (withAnswers.checked && latest.answered) {
        lines.push("", t("sc_mail_answers_title"));
        lines = lines.concat(answerLines());
      }
      lines.push("", t("sc_mail_closing"));
      return lines;
    }

    function updateSummary() {
      latest = context.latest();
      var date = isoDay(new Date());
      var subject = t("sc_mail_subject", { title: title, result: t("sc_overall_" + latest.overall), date: MV.longDate(date) });
      mailLink.setAttribute("href", mailto(toInput.value.trim(), subject, summaryLines(date)));
      // Some mail programs cut off a mailto: address after about 2,000 characters.
      longNote.hidden = mailLink.getAttribute("href").length <= 2000;
    }

    function fillStatement() {
      latest = context.latest();
      var date = isoDay(new Date());
      var name = nameInput.value.trim();
      statement.textContent = "";
      statement.appendChild(el("h1", { text: t("sc_statement_title", { title: title }) }));
      statement.appendChild(el("p", { text: t("sc_statement_name_line", { name: name || "______________________________" }) }));
      statement.appendChild(el("p", { class: "sc-statement__date", "data-date": date, text: t("sc_statement_date_line", { date: MV.longDate(date) }) }));
      statement.appendChild(el("p", { text: t("sc_statement_text", { title: title, version: version, answered: latest.answered, total: questions.length }) }));
      statement.appendChild(el("p", {}, [el("strong", { text: t("sc_mail_overall", { result: t("sc_overall_" + latest.overall), answered: latest.answered, total: questions.length }) })]));
      statement.appendChild(el("ul", {}, latest.groups.map(function (group) { return el("li", { text: groupLine(group) }); })));
      if (withAnswers.checked && latest.answered) {
        statement.appendChild(el("h2", { text: t("sc_mail_answers_title") }));
        statement.appendChild(el("pre", { class: "sc-statement__answers", text: answerLines().join("\n").replace(/^\n+/, "") }));
      }
      statement.appendChild(el("p", { text: t("sc_statement_follow_up") }));
      statement.appendChild(el("p", { class: "sc-statement__sign", text: t("sc_statement_sign") }));
    }

    share.addEventListener("input", updateSummary);
    share.addEventListener("change", updateSummary);
    document.body.appendChild(statement);

    actions.insertBefore(MV.button(t("sc_statement_print"), function () {
      fillStatement();
      var html = document.documentElement;
      html.classList.add("sc-print-statement");
      var done = function () { html.classList.remove("sc-print-statement"); window.removeEventListener("afterprint", done); };
      window.addEventListener("afterprint", done);
      window.print();
    }, "sc-statement-print"), actions.firstChild);

    return { update: updateSummary };
  };
})();
