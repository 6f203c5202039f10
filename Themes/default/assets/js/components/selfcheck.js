// Arbo self-check: feedback per answer, a result per group and overall, advice with links.
// Answers are kept only in this browser (localStorage) and can be erased; nothing is sent anywhere by this script.
// The summary e-mail for a manager or HR and the dated statement are in selfcheck-summary.js.
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

  // The summary e-mail and the dated statement (selfcheck-summary.js) load once the first answer is given:
  // before that there is nothing to send, and the page stays light.
  var here = document.currentScript && document.currentScript.src ? document.currentScript.src.replace(/[^/]*$/, "") : "";
  var waiting = null;
  function withSummary(callback) {
    if (MV.selfcheckSummary) { callback(MV.selfcheckSummary); return; }
    if (waiting) { waiting.push(callback); return; }
    waiting = [callback];
    var script = el("script", { src: here + "selfcheck-summary.js" });
    script.addEventListener("load", function () {
      var list = waiting;
      waiting = null;
      list.forEach(function (run) { run(MV.selfcheckSummary); });
    });
    document.body.appendChild(script);
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
      if (answered) needSummary();
      if (summary) summary.update();
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

    // ---- Tell Lindehof, by your own click: the summary e-mail and the statement, from selfcheck-summary.js ----
    var latest = { groups: [], overall: "open", answered: 0 };
    var summary = null, summaryAsked = false;
    var actions = result.querySelector(".mv-actions");
    function needSummary() {
      if (summaryAsked) return;
      summaryAsked = true;
      withSummary(function (make) {
        summary = make({ root: root, result: result, actions: actions, groups: groups, questions: questions, version: version,
                         chosen: chosen, answerOf: answerOf, latest: function () { return latest; } });
        summary.update();
      });
    }

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
