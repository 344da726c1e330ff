// Filters a list of exemplar cards in place by unit, year, field and award.
// The list works without it; the form stays hidden until this script shows it.
(function () {
  "use strict";
  document.querySelectorAll("form[data-filter-for]").forEach(function (form) {
    var list = document.getElementById(form.getAttribute("data-filter-for"));
    if (!list) return;
    var cards = Array.prototype.slice.call(list.children);
    var status = form.querySelector(".filter-status");
    var label = list.getAttribute("data-shown-label") || "";

    function matches(card, name, value) {
      if (!value) return true;
      return (card.getAttribute("data-" + name) || "").split(" ").indexOf(value) !== -1;
    }

    function apply() {
      var shown = 0;
      var chosen = ["unit", "year", "field", "award"].map(function (name) {
        var select = form.elements[name];
        return [name, select ? select.value : ""];
      });
      cards.forEach(function (card) {
        var visible = chosen.every(function (pair) { return matches(card, pair[0], pair[1]); });
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      if (status) status.textContent = shown + " / " + cards.length + " " + label;
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
  });
})();
