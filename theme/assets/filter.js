// Filters a list of exemplar cards by unit, year, field and award. The options of the selects
// come from the list's choices file (data-choices), fetched before the form is shown. A list
// with several pages publishes all its items as JSON (data-source): the filter searches the
// whole list, and the pagination hides while a filter is on. The choices live in the URL
// query, so a filtered list can be shared. Without this script every list and page still works.
(function () {
  "use strict";
  var NAMES = ["unit", "year", "field", "award", "kind"];

  document.querySelectorAll("form[data-filter-for]").forEach(function (form) {
    var list = document.getElementById(form.getAttribute("data-filter-for"));
    if (!list) return;
    var pageCards = Array.prototype.slice.call(list.children);
    var pagination = document.querySelector(".pagination");
    var status = form.querySelector(".filter-status");
    var label = list.getAttribute("data-shown-label") || "";
    var source = form.getAttribute("data-source");
    var level = (list.querySelector(".card-title") || {}).tagName || "H2";
    var current = pageCards; // the cards the list holds now
    var loading = null;

    function chosen() {
      return NAMES.map(function (name) {
        var select = form.elements[name];
        return [name, select ? select.value : ""];
      }).filter(function (pair) { return pair[1] !== ""; });
    }

    function matches(values, pairs) {
      return pairs.every(function (pair) {
        return (values(pair[0]) || "").split(" ").indexOf(pair[1]) !== -1;
      });
    }

    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    }

    // The same markup as the theme's card-initiative template.
    function modelCard(item) {
      var li = element("li", "card");
      var text = element("div", "card-text");
      text.appendChild(element("p", "card-kind", [item.kind, item.year].filter(Boolean).join(" · ")));
      var title = element(level, "card-title");
      var link = element("a", "", item.name);
      link.href = item.url;
      title.appendChild(link);
      text.appendChild(title);
      if (item.fields) text.appendChild(element("p", "card-fields", item.fields));
      if (item.summary) text.appendChild(element("p", "card-summary", item.summary));
      text.appendChild(element("p", "card-meta", [item.unit, item.adopted].filter(Boolean).join(" · ")));
      li.appendChild(text);
      li._match = item.match || {};
      return li;
    }

    // The same markup as the theme's card-exemplar template.
    function card(item) {
      if (item.model) return modelCard(item);
      var li = element("li", "card" + (item.collective ? " card-collective" : ""));
      if (item.photo) {
        var img = element("img", "card-photo");
        img.src = item.photo; img.alt = item.alt || ""; img.width = 96; img.height = 96; img.loading = "lazy";
        li.appendChild(img);
      } else {
        var blank = element("span", "card-photo no-photo");
        li.appendChild(blank);
      }
      var text = element("div", "card-text");
      var title = element(level, "card-title");
      var link = element("a", "", item.name);
      link.href = item.url;
      title.appendChild(link);
      text.appendChild(title);
      var meta = [item.role, item.unit].filter(Boolean).join(" · ");
      text.appendChild(element("p", "card-meta", meta));
      if (item.award) {
        var badge = element("p", "badge");
        badge.appendChild(element("span", "vh", form.getAttribute("data-award-label") + ": "));
        badge.appendChild(document.createTextNode(item.award));
        text.appendChild(badge);
      }
      (item.grants || []).forEach(function (grant) { text.appendChild(element("p", "card-grant", grant)); });
      if (item.summary) text.appendChild(element("p", "card-summary", item.summary));
      if (item.years) text.appendChild(element("p", "card-years", item.years));
      li.appendChild(text);
      li._match = item.match || {};
      return li;
    }

    function show(cards, pairs, total) {
      var shown = 0;
      cards.forEach(function (node) {
        var visible = matches(function (name) {
          return node._match ? node._match[name] : node.getAttribute("data-" + name);
        }, pairs);
        node.hidden = !visible;
        if (visible) shown += 1;
      });
      if (cards !== current) {
        list.replaceChildren.apply(list, cards);
        current = cards;
      }
      if (status) {
        status.textContent = shown === 0 ? form.getAttribute("data-none") : shown + " / " + total + " " + label;
      }
    }

    function remember(pairs) {
      var query = new URLSearchParams(location.search);
      NAMES.forEach(function (name) { query.delete(name); });
      pairs.forEach(function (pair) { query.set(pair[0], pair[1]); });
      var text = query.toString();
      history.replaceState(null, "", location.pathname + (text ? "?" + text : "") + location.hash);
    }

    function load() {
      if (!loading) {
        if (status) status.textContent = form.getAttribute("data-loading");
        loading = fetch(source).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        }).then(function (data) {
          return data.items.filter(Boolean).map(card);
        });
      }
      return loading;
    }

    function apply() {
      var pairs = chosen();
      remember(pairs);
      if (pairs.length === 0 || !source) {
        if (pagination) pagination.hidden = false;
        show(pageCards, pairs, pageCards.length);
        if (pairs.length === 0 && status) status.textContent = "";
        return;
      }
      if (pagination) pagination.hidden = true;
      load().then(function (cards) {
        // The choice may have changed while the list was loading.
        var now = chosen();
        if (now.length === 0) return;
        show(cards, now, cards.length);
      }, function () {
        if (pagination) pagination.hidden = false;
        show(pageCards, chosen(), pageCards.length);
        if (status) status.textContent = form.getAttribute("data-failed") + " " + status.textContent;
      });
    }

    // The options of each select, from the list's choices file (data-choices): one file
    // for every page of the list, so the pages do not each carry every unit and award.
    function fill(choices) {
      NAMES.forEach(function (name) {
        var select = form.elements[name];
        if (!select) return;
        (choices[name] || []).forEach(function (pair) { select.add(new Option(pair[1], pair[0])); });
        if (select.options.length < 2) select.closest("label").hidden = true;
      });
    }

    function start() {
      // Choices from the URL: only values this list offers.
      var query = new URLSearchParams(location.search);
      NAMES.forEach(function (name) {
        var select = form.elements[name];
        var value = query.get(name);
        if (!select || !value) return;
        if (Array.prototype.some.call(select.options, function (option) { return option.value === value; })) {
          select.value = value;
        }
      });
      form.addEventListener("change", apply);
      form.addEventListener("reset", function () { setTimeout(apply, 0); });
      form.hidden = false;
      if (chosen().length > 0) apply();
    }

    var choices = form.getAttribute("data-choices");
    if (!choices) { start(); return; }
    fetch(choices).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (data) {
      fill(data);
      start();
    }, function () {
      // Without its choices the form stays hidden: the list works as it does without script.
    });
  });
})();
