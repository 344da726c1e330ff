// The search page: runs the query in the address (?q=duc tho) against the index the builder
// wrote beside the page, fetching only the shards the query's words fall in.
// Words fold as the builder folds them (Sources/ExemplarCore/Render/Search/SearchText.swift):
// a key has no marks, đ → d, lower case; a spelling keeps the vowel marks and đ and moves
// the tone to the end, so "hoà" and "hòa" are one spelling.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var t = form.dataset;
  var input = form.elements.q;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var filterBox = form.querySelector(".search-filters");
  var selects = { kind: form.elements.kind, unit: form.elements.unit, year: form.elements.year };
  var note = document.querySelector(".search-nojs");
  if (note) note.hidden = true;

  // Weight of a word by field (name, position, unit, fields and awards, summary, body).
  var WEIGHTS = [64, 16, 12, 8, 4, 1];
  var PAGE = 20;
  // A prefix that spans more shards than this is matched as a whole word only.
  var PREFIX_SHARDS = 4;
  var TONES = { "\u0300": "F", "\u0340": "F", "\u0301": "S", "\u0341": "S", "\u0303": "X", "\u0309": "R", "\u0323": "J" };
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;

  // A posting's weight: its heaviest field, a little for each other field, and for a word of
  // the name, more when the name is short (the code's bits 6–8 hold its length in words).
  var maskWeight = [];
  for (var m = 0; m < 64; m++) {
    var best = 0, sum = 0;
    for (var b = 0; b < 6; b++) if (m & (1 << b)) { best = Math.max(best, WEIGHTS[b]); sum += WEIGHTS[b]; }
    maskWeight.push(best + (sum - best) / 16);
  }
  function weight(code) {
    var length = (code >> 6) & 7;
    return maskWeight[code & 63] + (length ? 16 / length : 0);
  }

  function fold(word) {
    var lower = word.toLowerCase();
    var key = lower.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/đ/g, "d");
    var tones = "";
    var bare = lower.normalize("NFD").replace(/[\u0300\u0301\u0303\u0309\u0323\u0340\u0341]/g, function (c) {
      tones += TONES[c];
      return "";
    });
    var spelling = bare.normalize("NFC") + tones;
    return { text: word, key: key, spelling: spelling, marked: spelling !== key };
  }

  function words(text) {
    return (text.normalize("NFC").match(WORD) || []).filter(function (w) { return w.length <= 40; }).map(fold);
  }

  var cache = {};
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(t.index + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
      cache[path].catch(function () { delete cache[path]; });
    }
    return cache[path];
  }

  // The shards holding `key` (and, for a prefix, every key that starts with it).
  function shardsFor(shards, key, prefix) {
    var lo = 0, hi = shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (shards[mid] <= key) lo = mid; else hi = mid - 1;
    }
    var out = [lo];
    if (prefix) {
      var next = lo + 1;
      while (next < shards.length && shards[next].lastIndexOf(key, 0) === 0) out.push(next++);
      if (out.length > PREFIX_SHARDS) out = [lo];
    }
    return out;
  }

  // Documents holding one query word, in arrays by document number: the weight of its best
  // whole-word and prefix match, and whether its spelling was exact.
  function match(word, prefix, shards, count) {
    var found = { whole: new Float32Array(count), prefix: new Float32Array(count), exact: new Uint8Array(count), docs: [] };
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (key) {
        var whole = key === word.key;
        if (!whole && !(prefix && key.lastIndexOf(word.key, 0) === 0)) return;
        var spellings = shard[key][0], pairs = shard[key][1], doc = 0;
        var exact = word.marked ? spellings.indexOf(word.spelling) : -1;
        for (var i = 0; i < pairs.length; i += 2) {
          doc += pairs[i];
          var code = pairs[i + 1], w = weight(code);
          if (!found.whole[doc] && !found.prefix[doc]) found.docs.push(doc);
          if (whole) {
            if (w > found.whole[doc]) found.whole[doc] = w;
            if (exact >= 0 && code >> 9 === exact) found.exact[doc] = 1;
          } else if (w > found.prefix[doc]) {
            found.prefix[doc] = w;
          }
        }
      });
    });
    return found;
  }

  // Documents holding every word, best first: exact spellings, then whole words, then weight.
  function rank(query, matches) {
    var results = [];
    matches[0].docs.forEach(function (doc) {
      var r = { doc: doc, exact: 0, whole: 0, score: 0 };
      for (var i = 0; i < matches.length; i++) {
        var m = matches[i];
        if (!m.whole[doc] && !m.prefix[doc]) return;
        r.exact += m.exact[doc];
        if (m.whole[doc]) { r.whole++; r.score += m.whole[doc]; } else r.score += m.prefix[doc] / 2;
      }
      results.push(r);
    });
    return results.sort(function (a, b) {
      return b.exact - a.exact || b.whole - a.whole || b.score - a.score || a.doc - b.doc;
    });
  }

  var state = { seq: 0, manifest: null, results: [], shown: 0, query: [], filters: null };

  function setStatus(text) { status.textContent = text; }

  // What the browser spent ranking and drawing, network excluded: `data-ms` on the form
  // (and when the results were drawn: `data-at`).
  var spent = 0;
  function timed(work) {
    var t0 = performance.now();
    var out = work();
    spent += performance.now() - t0;
    return out;
  }

  function search(text) {
    var seq = ++state.seq;
    var query = words(text);
    spent = 0;
    form.dataset.state = "busy";
    list.textContent = "";
    more.hidden = true;
    if (!query.length) {
      filterBox.hidden = true;
      setStatus(text.trim() ? t.none : t.empty);
      return done(seq, text);
    }
    setStatus(t.loading);
    return load("m.json").then(function (manifest) {
      state.manifest = manifest;
      var needs = query.map(function (word, i) { return shardsFor(manifest.shards, word.key, i === query.length - 1); });
      var wanted = [];
      needs.forEach(function (n) { n.forEach(function (s) { if (wanted.indexOf(s) < 0) wanted.push(s); }); });
      // The filters' data comes with the shards: one round trip less before the results.
      var files = wanted.map(function (s) { return load("t/" + s + ".json"); }).concat([load("f.json")]);
      return Promise.all(files).then(function (loaded) {
        if (seq !== state.seq) return;
        state.filters = loaded.pop();
        var missing = timed(function () {
          var matches = needs.map(function (n, i) {
            return match(query[i], i === query.length - 1, n.map(function (s) { return loaded[wanted.indexOf(s)]; }), manifest.documents);
          });
          var missing = query.filter(function (word, i) { return matches[i].docs.length === 0; });
          if (missing.length) return missing;
          state.query = query;
          state.results = rank(query, matches);
          fillFilters();
          return null;
        });
        if (missing) return showMissing(seq, text, query, missing[0]);
        return show(seq, text, true);
      });
    }).catch(function () {
      if (seq !== state.seq) return;
      setStatus(t.failed);
      form.dataset.state = "failed";
    });
  }

  function done(seq, text) {
    if (seq !== state.seq) return;
    form.dataset.ms = spent.toFixed(1);
    form.dataset.at = performance.now().toFixed(1);
    form.dataset.query = text;
    form.dataset.state = "done";
  }

  function showMissing(seq, text, query, word) {
    filterBox.hidden = true;
    status.textContent = t.missing + " “" + word.text + "”. ";
    var rest = query.filter(function (w) { return w !== word; }).map(function (w) { return w.text; }).join(" ");
    if (rest) {
      var link = document.createElement("a");
      link.href = "?q=" + encodeURIComponent(rest);
      link.textContent = t.without + ": " + rest;
      status.appendChild(link);
    }
    done(seq, text);
  }

  var chains = {};
  function unitChain(unit) {
    if (chains[unit]) return chains[unit];
    var chain = chains[unit] = [], units = state.manifest.units;
    while (unit >= 0 && unit < units.length && chain.indexOf(unit) < 0) { chain.push(unit); unit = units[unit][1]; }
    return chain;
  }

  function groupOf(doc) {
    var groups = state.manifest.groups;
    for (var i = 0; i < groups.length; i++) if (doc >= groups[i][1] && doc < groups[i][2]) return i;
    return -1;
  }

  function yearsOf(doc) {
    var mask = state.filters.y[doc], out = [];
    for (var i = 0; mask; i++, mask = Math.floor(mask / 2)) if (mask & 1) out.push(state.filters.y0 + i);
    return out;
  }

  function passes(doc) {
    var kind = selects.kind.value, unit = selects.unit.value, year = selects.year.value;
    if (kind && groupOf(doc) !== +kind) return false;
    if (unit && unitChain(state.filters.u[doc]).indexOf(+unit) < 0) return false;
    if (year && yearsOf(doc).indexOf(+year) < 0) return false;
    return true;
  }

  // Each filter offers what the results hold; a choice from the address is kept if offered.
  function fillFilters() {
    var params = new URLSearchParams(location.search);
    var kinds = {}, units = {}, years = {};
    state.results.forEach(function (r) {
      kinds[groupOf(r.doc)] = 1;
      unitChain(state.filters.u[r.doc]).forEach(function (u) { units[u] = 1; });
      yearsOf(r.doc).forEach(function (y) { years[y] = 1; });
    });
    var m = state.manifest;
    options(selects.kind, Object.keys(kinds).map(Number).sort(function (a, b) { return a - b; }), function (g) { return m.groups[g][0]; }, params.get("kind"));
    options(selects.unit, Object.keys(units).map(Number).sort(function (a, b) { return a - b; }), function (u) { return m.units[u][0]; }, params.get("unit"));
    options(selects.year, Object.keys(years).map(Number).sort(function (a, b) { return b - a; }), String, params.get("year"));
    filterBox.hidden = state.results.length < 2;
  }

  function options(select, values, label, chosen) {
    while (select.options.length > 1) select.remove(1);
    values.forEach(function (v) { select.add(new Option(label(v), String(v))); });
    select.value = chosen !== null && values.indexOf(Number(chosen)) >= 0 ? chosen : "";
  }

  function show(seq, text, fresh) {
    var shown = state.results.filter(function (r) { return passes(r.doc); });
    if (fresh) state.shown = 0;
    var page = shown.slice(state.shown, state.shown + PAGE);
    var per = state.manifest.per_file;
    var files = [];
    page.forEach(function (r) { var f = Math.floor(r.doc / per); if (files.indexOf(f) < 0) files.push(f); });
    return Promise.all(files.map(function (f) { return load("d/" + f + ".json"); })).then(function (blocks) {
      if (seq !== state.seq) return;
      timed(function () {
        if (fresh) list.textContent = "";
        page.forEach(function (r) {
          var row = blocks[files.indexOf(Math.floor(r.doc / per))][r.doc % per];
          list.appendChild(item(r.doc, row));
        });
        state.shown += page.length;
        more.hidden = state.shown >= shown.length;
        status.textContent = shown.length ? shown.length + " " + t.results + " “" + text.trim() + "”" : t.none;
      });
      done(seq, text);
    });
  }

  function item(doc, row) {
    var li = document.createElement("li");
    li.className = "search-result";
    var meta = [row[2]];
    var unit = state.filters.u[doc];
    // A unit's own result names its parent in the snippet instead.
    if (unit >= 0 && state.manifest.units[unit][0] !== row[1]) meta.push(state.manifest.units[unit][0]);
    if (row[3]) meta.push(row[3]);
    var kind = document.createElement("p");
    kind.className = "search-meta";
    kind.textContent = meta.join(" · ");
    var title = document.createElement("h2");
    var link = document.createElement("a");
    link.href = t.base + row[0];
    highlight(link, row[1]);
    title.appendChild(link);
    li.appendChild(title);
    li.appendChild(kind);
    if (row[4]) {
      var snippet = document.createElement("p");
      snippet.className = "search-snippet";
      highlight(snippet, row[4]);
      li.appendChild(snippet);
    }
    return li;
  }

  // Writes `text` into `node`, marking the words the query matched.
  function highlight(node, text) {
    var last = state.query.length - 1, at = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      var key = fold(m[0]).key;
      var hit = state.query.some(function (w, i) { return key === w.key || (i === last && key.lastIndexOf(w.key, 0) === 0); });
      if (!hit) continue;
      node.appendChild(document.createTextNode(text.slice(at, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      node.appendChild(mark);
      at = m.index + m[0].length;
    }
    node.appendChild(document.createTextNode(text.slice(at)));
  }

  // The address holds the query and the filters, so a search can be shared.
  function remember() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    Object.keys(selects).forEach(function (name) { if (selects[name].value) params.set(name, selects[name].value); });
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { remember(); search(input.value); }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    remember();
    search(input.value);
  });
  Object.keys(selects).forEach(function (name) {
    selects[name].addEventListener("change", function () {
      remember();
      if (state.results.length) { state.seq++; spent = 0; show(state.seq, input.value, true); }
    });
  });
  more.addEventListener("click", function () {
    var first = list.children.length;
    show(state.seq, input.value, false).then(function () {
      var next = list.children[first];
      if (next) next.querySelector("a").focus();
    });
  });

  input.value = new URLSearchParams(location.search).get("q") || "";
  search(input.value);
})();
