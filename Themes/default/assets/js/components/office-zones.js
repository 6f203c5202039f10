// Office zones: everything is already in the page; this only lets you show one office at a time.
(function () {
  "use strict";
  var MV = window.Mengvorm, el = MV.el, t = MV.t;

  /** The component's own stylesheet, beside site.css (css/components/NAME.css). */
  function loadStyle(name) {
    if (document.querySelector("link[data-style='" + name + "']")) return;
    var src = document.currentScript ? document.currentScript.src : "";
    document.head.appendChild(el("link", { rel: "stylesheet", "data-style": name, href: src.replace(/js\/components\/[^/]*$/, "css/components/" + name + ".css") }));
  }
  loadStyle("office-zones");

  MV.register("office-zones", function (root) {
    var form = root.querySelector(".oz-form");
    var select = form.querySelector("select[name=office]");
    var status = form.querySelector(".oz-status");
    var offices = Array.prototype.slice.call(root.querySelectorAll(".oz-office"));
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    select.addEventListener("change", function () {
      var chosen = select.value;
      var name = "";
      offices.forEach(function (office) {
        var shown = !chosen || office.getAttribute("data-office") === chosen;
        office.hidden = !shown;
        if (shown && chosen) name = office.querySelector("h3").textContent;
      });
      status.textContent = chosen ? t("oz_shown", { office: name }) : t("oz_shown_all");
    });
  });
})();
