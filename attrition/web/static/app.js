// Small enhancements for the server-rendered pages; every page works without them.
"use strict";
(function () {
  // Document view: hovering a claim lights up all of its spans, and hovering a span its claims.
  var text = document.getElementById("doc-text");
  if (!text) return;
  function light(ids, on) {
    ids.forEach(function (id) {
      text.querySelectorAll("a.span").forEach(function (a) {
        if ((a.dataset.claims || "").split(" ").indexOf(id) >= 0) a.classList.toggle("lit", on);
      });
      var li = document.getElementById("claim-" + id);
      if (li) li.classList.toggle("lit", on);
    });
  }
  document.querySelectorAll(".claim-list li[data-claim]").forEach(function (li) {
    li.addEventListener("mouseenter", function () { light([li.dataset.claim], true); });
    li.addEventListener("mouseleave", function () { light([li.dataset.claim], false); });
  });
  text.querySelectorAll("a.span").forEach(function (a) {
    var ids = (a.dataset.claims || "").split(" ").filter(Boolean);
    a.addEventListener("mouseenter", function () { light(ids, true); });
    a.addEventListener("mouseleave", function () { light(ids, false); });
  });
})();
