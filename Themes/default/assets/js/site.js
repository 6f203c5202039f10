// Mengvorm default theme. Progressive enhancement only: every page reads and prints without this script.
// No network requests: nothing is sent anywhere; answers and ticks stay in this browser (localStorage).
// UI text comes from the theme's i18n files (the JSON block #mv-strings), never from this file.
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");

  // Where this script lives, so component scripts load from the same folder (works from file:// too).
  var here = doc.currentScript && doc.currentScript.src ? doc.currentScript.src.replace(/[^/]*$/, "") : "";
  var strings = readJSON(doc.getElementById("mv-strings")) || {};
  var page = doc.body.getAttribute("data-page") || "";
  var lang = doc.documentElement.lang || "nl";

  function readJSON(element) {
    if (!element) return null;
    try { return JSON.parse(element.textContent); } catch (e) { return null; }
  }

  /** A UI string with `{name}` placeholders filled in. */
  function t(key, values) {
    var text = strings[key];
    if (typeof text !== "string") text = key;
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return values && values[name] !== undefined ? String(values[name]) : match;
    });
  }

  /** Creates an element: el("p", {class: "x", text: "…"}, [children]). */
  function el(tag, attrs, children) {
    var node = doc.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === undefined || value === null || value === false) return;
        if (name === "text") node.textContent = value;
        else if (name === "class") node.className = value;
        else node.setAttribute(name, value === true ? "" : value);
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? doc.createTextNode(child) : child);
    });
    return node;
  }

  // localStorage can be switched off or full: the page keeps working, it just does not remember.
  var store = {
    get: function (key) {
      try { var raw = window.localStorage.getItem(key); return raw ? JSON.parse(raw) : null; } catch (e) { return null; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
    },
    key: function (kind) { return "mengvorm:" + kind + ":" + page; }
  };

  /** Euro amount from cents, Dutch style by default: € 1.234,56. */
  function money(cents) {
    var negative = cents < 0;
    var whole = Math.floor(Math.abs(cents) / 100);
    var rest = Math.abs(cents) % 100;
    var grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, t("number_group"));
    // A no-break space keeps "€" and the number together.
    return (negative ? "-" : "") + t("currency_prefix").replace(/ /g, "\u00a0") + grouped + t("number_decimal") + (rest < 10 ? "0" : "") + rest;
  }

  /** A date written as 2025-03-01 in the data, in words: 1 maart 2025. */
  function longDate(iso) {
    var parts = String(iso).split("-");
    if (parts.length !== 3) return String(iso);
    return t("date_long", { day: parseInt(parts[2], 10), month: t("month_" + parseInt(parts[1], 10)), year: parts[0] });
  }

  /** Copies text; tells the result in `status` (a live region). Falls back to selecting `source`. */
  function copy(text, source, status) {
    function done(ok) { status.textContent = ok ? t("copied") : t("copy_failed"); }
    function fallback() {
      var ok = false;
      try {
        if (source.select) { source.focus(); source.select(); } else {
          var range = doc.createRange();
          range.selectNodeContents(source);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }
        ok = doc.execCommand("copy");
      } catch (e) { ok = false; }
      done(ok);
    }
    status.textContent = "";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  /** A row of buttons; the print CSS hides every `.mv-actions`. */
  function button(label, onClick, extraClass) {
    var node = el("button", { type: "button", class: "mv-button" + (extraClass ? " " + extraClass : ""), text: label });
    node.addEventListener("click", onClick);
    return node;
  }

  // ---- Checklists: progress line, remembered ticks, a button to clear them ----
  function enhanceChecklist(list) {
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input[type=checkbox][data-task]"));
    if (!boxes.length) return;
    var key = store.key("checklist");
    var saved = store.get(key) || {};
    boxes.forEach(function (box) {
      box.disabled = false;
      var task = box.getAttribute("data-task");
      if (Object.prototype.hasOwnProperty.call(saved, task)) box.checked = !!saved[task];
    });
    var progressText = el("p", { class: "checklist__progress", "aria-live": "polite" });
    var bar = el("progress", { max: String(boxes.length), value: "0", "aria-hidden": "true" });
    var clear = button(t("checklist_clear"), function () {
      var current = store.get(key) || {};
      boxes.forEach(function (box) {
        box.checked = false;
        delete current[box.getAttribute("data-task")];
      });
      if (Object.keys(current).length) store.set(key, current); else store.remove(key);
      update();
      progressText.textContent = t("checklist_cleared", { total: boxes.length });
    }, "mv-button--quiet");
    var panel = el("div", { class: "checklist__bar" }, [progressText, bar, el("div", { class: "mv-actions" }, [clear])]);
    list.insertBefore(panel, list.firstChild);
    list.classList.add("checklist--live");

    function update() {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      progressText.textContent = t("checklist_progress", { done: done, total: boxes.length });
      bar.value = done;
      list.classList.toggle("checklist--done", done === boxes.length);
      clear.disabled = done === 0 && !store.get(key);
    }
    list.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.matches || !box.matches("input[type=checkbox][data-task]")) return;
      var current = store.get(key) || {};
      current[box.getAttribute("data-task")] = box.checked;
      store.set(key, current);
      update();
    });
    update();
  }

  // ---- Site search: its script (assets/js/search.js) and the index load when someone starts to type ----
  function lazySearch(box) {
    var input = box.querySelector("input");
    box.hidden = false;
    input.addEventListener("input", function start() {
      input.removeEventListener("input", start);
      doc.body.appendChild(el("script", { src: here + "search.js" }));
    });
  }

  // ---- Components: each loads its own script from assets/js/, only on pages that use it ----
  var registry = {};
  window.Mengvorm = {
    t: t, el: el, store: store, money: money, longDate: longDate, copy: copy, button: button,
    readJSON: readJSON, lang: lang, page: page,
    /** Called by a component script: runs `setup(root)` for each element of that component. */
    register: function (name, setup) {
      registry[name] = setup;
      doc.querySelectorAll('[data-component="' + name + '"]').forEach(function (root) {
        if (root.getAttribute("data-ready")) return;
        root.setAttribute("data-ready", "true");
        try {
          setup(root);
        } catch (error) {
          root.setAttribute("data-ready", "failed");
          if (window.console) window.console.error(error);
        }
      });
    }
  };

  // ---- Small screens: the main menu folds away behind a button ----
  var header = doc.querySelector(".site-header");
  var menu = header && header.querySelector(".main-menu");
  if (menu && menu.id) {
    var toggle = el("button", { type: "button", class: "menu-toggle", "aria-expanded": "false", "aria-controls": menu.id, text: t("menu_toggle") });
    toggle.addEventListener("click", function () {
      var open = !header.classList.contains("is-open");
      header.classList.toggle("is-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    menu.parentNode.insertBefore(toggle, menu);
  }

  doc.querySelectorAll(".site-search[data-index]").forEach(lazySearch);
  doc.querySelectorAll(".checklist").forEach(enhanceChecklist);

  var wanted = {};
  doc.querySelectorAll("[data-component]").forEach(function (root) {
    var name = root.getAttribute("data-component");
    if (/^[a-z0-9-]+$/.test(name)) wanted[name] = true;
  });
  Object.keys(wanted).forEach(function (name) {
    if (registry[name]) return;
    doc.body.appendChild(el("script", { src: here + "components/" + name + ".js" }));
  });
})();
