// Arbo self-check: feedback per answer, a result per group and overall, advice with links.
// Answers are kept only in this browser (localStorage) and can be erased; nothing is sent anywhere by this script.
// The employee can, by their own click, open an e-mail (a mailto: link) with a summary for their manager or HR,
// with the answers only if they tick the box, and print a dated statement.
(function () {
  "use strict";
  var MV = window.Mengvorm;
  var t = MV.t, el = MV.el;
  var ORDER = { good: 0, attention: 1, risk: 2 };
  var ICON = { good: "\u2713", attention: "!", risk: "\u2715", open: "\u2026" };

  /** The worst rating in a list, or "open" when nothing is answered. */
  function worst(ratings) {
    var result = null;
    ratings.forEach(function (rating) {
      if (ORDER[rating] !== undefined && (result === null || ORDER[rating] > ORDER[result])) result = rating;
    });
    return result || "open";
  }

  /** A rating shown with colour, an icon and words, so it never depends on colour alone. */
  function badge(rating, text) {
    return el("span", { class: "mv-badge mv-badge--" + rating }, [
      el("span", { class: "mv-badge__icon", "aria-hidden": "true", text: ICON[rating] }),
      " " + (text || t("rating_" + rating))
    ]);
  }

  function isoDay(date) {
    var m = date.getMonth() + 1, d = date.getDate();
    return date.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
  }

  /** A mailto: address (RFC 6068): the recipient, subject and body percent-encoded, lines ending in CRLF. */
  function mailto(to, subject, lines) {
    return "mailto:" + encodeURIComponent(to).replace(/%40/g, "@") + "?subject=" + encodeURIComponent(subject) +
      "&body=" + encodeURIComponent(lines.join("\r\n"));
  }

  MV.register("selfcheck", function (root) {
    var form = root.querySelector(".sc-form");
    var result = root.querySelector(".sc-result");
    var status = result.querySelector(".sc-status");
    var key = MV.store.key("selfcheck") + (root.id === "selfcheck" ? "" : "#" + root.id);
    var version = root.getAttribute("data-version") || "";
    var questions = Array.prototype.slice.call(form.querySelectorAll(".sc-question"));
    var groups = Array.prototype.slice.call(form.querySelectorAll(".sc-group"));

    root.querySelectorAll(".mv-js-only").forEach(function (node) { node.hidden = false; });
    root.classList.add("sc--live");

    // Feedback under each question: rating and advice for the chosen answer.
    questions.forEach(function (question) {
      var feedback = el("div", { class: "sc-feedback", hidden: true });
      question.appendChild(feedback);
    });

    /** An answer is known by its label text, so it survives edits to the other answers. */
    function answerOf(input) {
      var label = input.closest("label");
      return label ? label.textContent.replace(/\s+/g, " ").trim() : "";
    }

    function chosen(question) {
      return question.querySelector("input[type=radio]:checked");
    }

    function adviceBlock(input) {
      var advice = input.getAttribute("data-advice");
      var link = input.getAttribute("data-link");
      var children = [];
      if (advice) children.push(el("span", { text: advice }));
      if (link) {
        if (advice) children.push(" ");
        children.push(el("a", { href: link, text: t("sc_read_more") }));
      }
      return children;
    }

    function showFeedback(question) {
      var feedback = question.querySelector(".sc-feedback");
      var input = chosen(question);
      question.classList.toggle("is-answered", !!input);
      question.querySelectorAll(".sc-options > label").forEach(function (label) {
        label.classList.toggle("is-chosen", label.contains(input));
      });
      feedback.textContent = "";
      if (!input) { feedback.hidden = true; return; }
      var rating = input.getAttribute("data-rating");
      feedback.className = "sc-feedback sc-feedback--" + rating;
      feedback.appendChild(badge(rating));
      var advice = adviceBlock(input);
      if (advice.length) feedback.appendChild(el("p", {}, advice));
      feedback.hidden = false;
    }

    function render() {
      var all = [];
      var groupResults = groups.map(function (group) {
        var qs = Array.prototype.slice.call(group.querySelectorAll(".sc-question"));
        var counts = { good: 0, attention: 0, risk: 0 };
        var advice = [];
        qs.forEach(function (question) {
          var input = chosen(question);
          if (!input) return;
          var rating = input.getAttribute("data-rating");
          if (counts[rating] !== undefined) counts[rating] += 1;
          all.push(rating);
          if (rating !== "good") advice.push({ rating: rating, question: question, input: input });
        });
        var answered = counts.good + counts.attention + counts.risk;
        var ratings = [];
        Object.keys(counts).forEach(function (name) { if (counts[name]) ratings.push(name); });
        return {
          id: group.id,
          title: group.querySelector(".sc-group__title").textContent,
          total: qs.length, answered: answered, counts: counts,
          rating: worst(ratings), advice: advice
        };
      });
      var overall = worst(all);
      var answered = all.length;
      latest = { groups: groupResults, overall: overall, answered: answered };

      var overallBox = result.querySelector(".sc-overall");
      overallBox.className = "sc-overall sc-overall--" + overall;
      overallBox.textContent = "";
      overallBox.appendChild(el("p", { class: "sc-overall__label", text: t("sc_overall") }));
      overallBox.appendChild(badge(overall, t("sc_overall_" + overall)));
      overallBox.appendChild(el("p", { class: "sc-overall__count", text: t("sc_answered", { answered: answered, total: questions.length }) }));

      var list = result.querySelector(".sc-groups");
      list.textContent = "";
      groupResults.forEach(function (group) {
        var details = [];
        ["risk", "attention", "good"].forEach(function (name) {
          if (group.counts[name]) details.push(t("sc_count_" + name, { count: group.counts[name] }));
        });
        if (group.answered < group.total) details.push(t("sc_open", { count: group.total - group.answered }));
        list.appendChild(el("li", { class: "sc-groups__item sc-groups__item--" + group.rating, "data-group": group.id, "data-rating": group.rating }, [
          el("a", { class: "sc-groups__title", href: "#" + group.id, text: group.title }),
          badge(group.rating),
          el("span", { class: "sc-groups__details", text: details.join(", ") })
        ]));
      });

      var adviceBox = result.querySelector(".sc-advice");
      adviceBox.textContent = "";
      var withAdvice = groupResults.filter(function (group) { return group.advice.length; });
      if (withAdvice.length) {
        adviceBox.appendChild(el("h3", { text: t("sc_advice_title") }));
        withAdvice.forEach(function (group) {
          adviceBox.appendChild(el("h4", { text: group.title }));
          var items = group.advice.slice().sort(function (a, b) { return ORDER[b.rating] - ORDER[a.rating]; });
          adviceBox.appendChild(el("ul", { class: "sc-advice__list" }, items.map(function (item) {
            return el("li", { class: "sc-advice__item sc-advice__item--" + item.rating, "data-rating": item.rating }, [
              badge(item.rating),
              el("p", { class: "sc-advice__question", text: item.question.querySelector("legend").textContent }),
              el("p", { class: "sc-advice__answer", text: t("sc_your_answer", { answer: answerOf(item.input) }) }),
              el("p", { class: "sc-advice__text" }, adviceBlock(item.input))
            ]);
          })));
        });
      } else if (answered) {
        adviceBox.appendChild(el("p", { text: t("sc_no_advice") }));
      }
      updateSummary();
      status.textContent = answered ? t("sc_status", { answered: answered, total: questions.length, result: t("sc_overall_" + overall) }) : t("sc_status_empty");
    }

    function save() {
      var answers = {};
      questions.forEach(function (question) {
        var input = chosen(question);
        if (input) answers[question.getAttribute("data-question")] = answerOf(input);
      });
      if (Object.keys(answers).length) MV.store.set(key, { version: version, answers: answers });
      else MV.store.remove(key);
    }

    function restore() {
      var saved = MV.store.get(key);
      if (!saved || !saved.answers) return;
      questions.forEach(function (question) {
        var value = saved.answers[question.getAttribute("data-question")];
        if (value === undefined) return;
        question.querySelectorAll("input[type=radio]").forEach(function (input) {
          if (answerOf(input) === value) input.checked = true;
        });
      });
    }

    // ---- Tell Lindehof, by your own click: an e-mail with a summary, and a dated statement to print ----
    var latest = { groups: [], overall: "open", answered: 0 };
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
      var date = isoDay(new Date());
      var subject = t("sc_mail_subject", { title: title, result: t("sc_overall_" + latest.overall), date: MV.longDate(date) });
      mailLink.setAttribute("href", mailto(toInput.value.trim(), subject, summaryLines(date)));
      // Some mail programs cut off a mailto: address after about 2,000 characters.
      longNote.hidden = mailLink.getAttribute("href").length <= 2000;
    }

    function fillStatement() {
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

    var actions = result.querySelector(".mv-actions");
    actions.appendChild(MV.button(t("sc_statement_print"), function () {
      fillStatement();
      var html = document.documentElement;
      html.classList.add("sc-print-statement");
      var done = function () { html.classList.remove("sc-print-statement"); window.removeEventListener("afterprint", done); };
      window.addEventListener("afterprint", done);
      window.print();
    }, "sc-statement-print"));
    actions.appendChild(MV.button(t("print_or_pdf"), function () {
      document.documentElement.classList.remove("sc-print-statement");
      window.print();
    }));
    actions.appendChild(MV.button(t("sc_clear"), function () {
      form.reset();
      MV.store.remove(key);
      questions.forEach(showFeedback);
      render();
      status.textContent = t("sc_cleared");
    }, "mv-button--quiet sc-clear"));

    form.addEventListener("change", function (event) {
      var question = event.target.closest(".sc-question");
      if (!question) return;
      showFeedback(question);
      save();
      render();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    restore();
    questions.forEach(showFeedback);
    render();
    result.hidden = false;
  });
})();
