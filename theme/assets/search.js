// The search page: runs the query in the address (?q=duc tho) against the index the builder
// wrote beside the page, fetching only the shards the query's words fall in. Each shard
// carries the rows of its keys' best documents, and a pair shard those of two or three common
// words' best documents together, so the first page is drawn without another request; a
// result they do not carry (a later page, a filter, a few queries of common words) is read
// from the document blocks.
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
  // By the code's low 9 bits, worked out once.
  var WEIGHT = new Float32Array(512);
  for (var c = 0; c < 512; c++) {
    var best = 0, sum = 0, length = (c >> 6) & 7;
    for (var b = 0; b < 6; b++) if (c & (1 << b)) { best = Math.max(best, WEIGHTS[b]); sum += WEIGHTS[b]; }
    WEIGHT[c] = best + (sum - best) / 16 + (length ? 16 / length : 0);
  }

  // A word's key: no marks, đ → d, lower case.
  function foldKey(word) {
    return word.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "").replace(/đ/g, "d");
  }

  function fold(word) {
    var lower = word.toLowerCase();
    var key = foldKey(lower);
    var tones = "";
    var bare = lower.normalize("NFD").replace(/[\u0300\u0301\u0303\u0309\u0323\u0340\u0341]/g, function (c) {
      tones += TONES[c];
      return "";
    });
    var spelling = bare.normalize("NFC") + tones;
    return { text: word, key: key, spelling: spelling, marked: spelling !== key };
  }

  function words(text) {
    return (text.normalize("NFC").match(WORD) || []).filter(function (w) { return w.length <= 40; }).slice(0, MAX_WORDS).map(fold);
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

  // The pair shards of the query's words taken two and three at a time, at most three from
  // first to last (the index pairs a name's words at most two apart, and leaves out of a
  // triple the rows of the pairs among its words); each named by its keys in key order ("an
  // nguyen", "an nguyen thi").
  function pairShards(firsts, query) {
    var out = [], n = query.length;
    function add(keys) {
      keys.sort();
      for (var i = 1; i < keys.length; i++) if (keys[i] === keys[i - 1]) return;
      var key = keys.join(" "), s = shardsFor(firsts, key, false)[0];
      if (firsts[s] <= key && out.indexOf(s) < 0) out.push(s);
    }
    for (var i = 0; i < n; i++) {
      for (var j = i + 1; j <= i + 3 && j < n; j++) {
        add([query[i].key, query[j].key]);
        for (var k = j + 1; k <= i + 3 && k < n; k++) add([query[i].key, query[j].key, query[k].key]);
      }
    }
    return out;
  }

  // What orders the results: exact spellings, then whole words, then weight (the site's
  // order breaks ties), as one number, EXACT × exact spellings + WHOLE × whole words + the
  // weights of whole words and half those of prefix matches. A word weighs less than 128 and
  // a query has fewer than 64 words, so each part stays below the next, exactly; and each
  // word adds its own part, its best posting's `WHOLE_WEIGHT` or `PART_WEIGHT` (plus EXACT).
  var WHOLE = 16384, EXACT = 64 * WHOLE, MAX_WORDS = 63;
  var WHOLE_WEIGHT = new Float64Array(512), PART_WEIGHT = new Float64Array(512);
  for (c = 0; c < 512; c++) { WHOLE_WEIGHT[c] = WHOLE + WEIGHT[c]; PART_WEIGHT[c] = WEIGHT[c] / 2; }

  // Keys of a shard a query word takes: itself, and for the last word, those it begins.
  function takes(word, prefix, key) {
    return key === word.key || (prefix && key.lastIndexOf(word.key, 0) === 0);
  }

  // How many postings a query word has in its shards: the word with the fewest is read first.
  function postings(word, prefix, shards) {
    var n = 0;
    for (var s = 0; s < shards.length; s++) {
      var terms = shards[s].k;
      for (var key in terms) if (takes(word, prefix, key)) n += terms[key][1].length >> 1;
    }
    return n;
  }

  // One query word's part of the order by document number (0 where it is absent) and, given
  // `listed` (its number of postings), the documents holding it, each once. A key has one
  // posting per document, so a whole word's best posting is its only one.
  function match(word, prefix, shards, count, listed) {
    var score = new Float64Array(count), docs = listed ? new Int32Array(listed) : null, found = 0;
    for (var s = 0; s < shards.length; s++) {
      var terms = shards[s].k;
      for (var key in terms) {
        if (!takes(word, prefix, key)) continue;
        var isWhole = key === word.key;
        var spelling = word.marked && isWhole ? terms[key][0].indexOf(word.spelling) : -1;
        found = scan(terms[key][1], isWhole ? WHOLE_WEIGHT : PART_WEIGHT, spelling, score, docs, found);
      }
    }
    return { score: score, docs: docs, found: found };
  }

  // One key's postings into a word's scores (and its list of documents, if any, from `found`
  // on). A function of its own, so that the engine compiles this loop once for every key.
  function scan(pairs, weights, spelling, score, docs, found) {
    for (var i = 0, doc = 0; i < pairs.length; i += 2) {
      doc += pairs[i];
      var code = pairs[i + 1], v = weights[code & 511] + (code >> 9 === spelling ? EXACT : 0), was = score[doc];
      if (v > was) {
        if (!was && docs) docs[found++] = doc;
        score[doc] = v;
      }
    }
    return found;
  }

  // Documents holding every word, and their order by document number. The documents of the
  // word with the fewest postings are the candidates; the order is summed into its array.
  // Sorted only as far as a page needs (`ordered`).
  function rank(query, lists, sizes, count) {
    var fewest = 0, last = query.length - 1;
    for (var i = 1; i < sizes.length; i++) if (sizes[i] < sizes[fewest]) fewest = i;
    var base = match(query[fewest], fewest === last, lists[fewest], count, sizes[fewest]), order = base.score;
    var others = [];
    for (i = 0; i <= last; i++) if (i !== fewest) others.push(match(query[i], i === last, lists[i], count, 0).score);
    var kept = others.length ? intersect(base.docs, base.found, order, others) : base.found;
    return { docs: base.docs.subarray(0, kept), order: order, count: kept, sorted: null };
  }

  // Keeps the first `n` of `docs` that every other word holds, each with its order summed.
  function intersect(docs, n, order, others) {
    for (var j = 0, kept = 0; j < n; j++) {
      var doc = docs[j], total = order[doc];
      for (var i = 0; i < others.length; i++) {
        var v = others[i][doc];
        if (!v) break;
        total += v;
      }
      if (i < others.length) continue;
      order[doc] = total;
      docs[kept++] = doc;
    }
    return kept;
  }

  // The first `limit` results that pass the filters (`pass`, null for none), best first, and
  // how many pass in all.
  // A first page keeps only the best few while reading; a later one sorts everything once.
  function ordered(r, limit, pass) {
    var order = r.order, docs = r.docs, out = [], total = 0, i;
    if (limit > 4 * PAGE || r.sorted) {
      if (!r.sorted) {
        r.sorted = docs.slice().sort(function (a, b) { return order[b] - order[a] || a - b; });
      }
      for (i = 0; i < r.count; i++) {
        var doc = r.sorted[i];
        if (pass && !pass(doc)) continue;
        if (total++ < limit) out.push(doc);
      }
      return { docs: out, total: total };
    }
    // The best `limit` so far, best first; once full, a result that does not beat the last is
    // turned away with one comparison.
    var low = -1, lowDoc = 0;
    for (i = 0; i < r.count; i++) {
      doc = docs[i];
      if (pass && !pass(doc)) continue;
      total++;
      var o = order[doc];
      if (o < low || (o === low && doc > lowDoc)) continue;
      var at = out.length === limit ? limit - 1 : out.length;
      while (at > 0 && (o > order[out[at - 1]] || (o === order[out[at - 1]] && doc < out[at - 1]))) { out[at] = out[at - 1]; at--; }
      out[at] = doc;
      if (out.length === limit) { lowDoc = out[limit - 1]; low = order[lowDoc]; }
    }
    return { docs: out, total: total };
  }

  var state = { seq: 0, manifest: null, results: null, shown: 0, query: [], filters: null };
  // Rows of the documents read so far, by number: [number, path, name, label, years, snippet].
  var rows = new Map();

  function setStatus(text) { status.textContent = text; }

  // What the browser spent ranking and drawing, network excluded: `data-ms` on the form
  // (and when the results were drawn: `data-at`; document blocks fetched for them: `data-blocks`);
  // `data-state` is "done" once the filters offer their choices too.
  var spent = 0, blocks = 0, drawnAt = 0;
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
    blocks = 0;
    drawnAt = 0;
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
      // The filters' data and the rows of the query's pairs of words come with the shards:
      // one round trip less before the results.
      var files = wanted.map(function (s) { return load("t/" + s + ".json"); })
        .concat(pairShards(manifest.pairs || [], query).map(function (s) { return load("p/" + s + ".json"); }), [load("f.json")]);
      return Promise.all(files).then(function (loaded) {
        if (seq !== state.seq) return;
        state.filters = loaded.pop();
        var missing = timed(function () {
          loaded.forEach(function (shard) {
            if (shard.read) return;
            shard.read = true;
            shard.r.forEach(function (row) { rows.set(row[0], row); });
          });
          var lists = needs.map(function (n) { return n.map(function (s) { return loaded[wanted.indexOf(s)]; }); });
          var sizes = query.map(function (word, i) { return postings(word, i === query.length - 1, lists[i]); });
          var missing = query.filter(function (word, i) { return sizes[i] === 0; });
          if (missing.length) return missing;
          state.query = query;
          state.results = rank(query, lists, sizes, manifest.documents);
          // A filter chosen already applies to the first page; otherwise the filters' choices
          // are worked out once the results are drawn.
          state.filled = filtering() || /[?&](kind|unit|year)=/.test(location.search);
          if (state.filled) fillFilters();
          // Shown now, so that the results do not move when the choices come.
          filterBox.hidden = state.results.count < 2;
          return null;
        });
        if (missing) return showMissing(seq, text, query, missing[0]);
        return show(seq, text, true);
      });
    }).catch(function () { failed(seq); });
  }

  function failed(seq) {
    if (seq !== state.seq) return;
    setStatus(t.failed);
    form.dataset.state = "failed";
  }

  function done(seq, text) {
    if (seq !== state.seq) return;
    form.dataset.ms = spent.toFixed(1);
    form.dataset.at = (drawnAt || performance.now()).toFixed(1);
    form.dataset.blocks = String(blocks);
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

  // Years are bits of a mask up to 52 bits wide: read as two halves of 26.
  var HALF = 67108864;
  function hasYear(doc, year) {
    var bit = year - state.filters.y0, mask = state.filters.y[doc];
    if (bit < 0 || bit > 51) return false;
    return bit < 26 ? ((mask % HALF) >> bit) & 1 : (Math.floor(mask / HALF) >> (bit - 26)) & 1;
  }

  // The test of the chosen filters, or null for none. Whether a unit is under the chosen
  // one is worked out once per unit.
  function filter() {
    var kind = selects.kind.value, unit = selects.unit.value, year = selects.year.value;
    if (!kind && !unit && !year) return null;
    var group = kind ? state.manifest.groups[+kind] || [0, 0, 0] : null;
    var under = new Int8Array(state.manifest.units.length), u = state.filters.u;
    return function (doc) {
      if (group && (doc < group[1] || doc >= group[2])) return false;
      if (unit) {
        var of = u[doc];
        if (of < 0 || of >= under.length) return false;
        if (!under[of]) under[of] = unitChain(of).indexOf(+unit) < 0 ? -1 : 1;
        if (under[of] < 0) return false;
      }
      return !year || hasYear(doc, +year);
    };
  }

  // Each filter offers what the results hold; a choice from the address is kept if offered.
  function fillFilters() {
    var params = new URLSearchParams(location.search);
    var r = state.results, f = state.filters, m = state.manifest;
    // Results come mostly in document order, so a kind's range and a year mask are met in runs.
    var kinds = new Uint8Array(m.groups.length), seen = new Uint8Array(m.units.length), offered = new Uint8Array(m.units.length);
    var from = 0, to = 0, last = -1, low = 0, high = 0, i;
    for (i = 0; i < r.count; i++) {
      var doc = r.docs[i], unit = f.u[doc], mask = f.y[doc];
      if (doc < from || doc >= to) {
        var g = groupOf(doc);
        if (g >= 0) { kinds[g] = 1; from = m.groups[g][1]; to = m.groups[g][2]; }
      }
      if (unit >= 0 && unit < seen.length && !seen[unit]) {
        seen[unit] = 1;
        unitChain(unit).forEach(function (c) { offered[c] = 1; });
      }
      if (mask !== last) { last = mask; low |= mask % HALF; high |= Math.floor(mask / HALF); }
    }
    var years = [];
    for (var bit = 0; bit < 52; bit++) {
      if (bit < 26 ? (low >> bit) & 1 : (high >> (bit - 26)) & 1) years.push(f.y0 + bit);
    }
    options(selects.kind, marked(kinds), function (g) { return m.groups[g][0]; }, params.get("kind"));
    options(selects.unit, marked(offered), function (u) { return m.units[u][0]; }, params.get("unit"));
    options(selects.year, years.reverse(), String, params.get("year"));
    filterBox.hidden = r.count < 2;
  }

  function marked(flags) {
    var out = [];
    for (var i = 0; i < flags.length; i++) if (flags[i]) out.push(i);
    return out;
  }

  // The options go in at once: added one by one, a list of hundreds of units costs tens of ms.
  function options(select, values, label, chosen) {
    select.length = 1;
    var items = document.createDocumentFragment();
    values.forEach(function (v) { items.appendChild(new Option(label(v), String(v))); });
    select.appendChild(items);
    select.value = chosen !== null && values.indexOf(Number(chosen)) >= 0 ? chosen : "";
  }

  // Draws the next page (or the first, `fresh`): rows the shards carried at once, the others
  // from their document blocks first.
  function show(seq, text, fresh) {
    drawnAt = 0;
    if (fresh) state.shown = 0;
    var page = timed(function () { return ordered(state.results, state.shown + PAGE, filter()); });
    var docs = page.docs.slice(state.shown);
    var per = state.manifest.per_file, files = [];
    docs.forEach(function (doc) {
      var f = Math.floor(doc / per);
      if (!rows.has(doc) && files.indexOf(f) < 0) files.push(f);
    });
    blocks += files.length;
    return Promise.all(files.map(function (f) { return load("d/" + f + ".json"); })).then(function (loaded) {
      if (seq !== state.seq) return;
      timed(function () {
        loaded.forEach(function (block, i) {
          block.forEach(function (row, j) {
            var doc = files[i] * per + j;
            if (!rows.has(doc)) rows.set(doc, [doc].concat(row));
          });
        });
        var items = document.createDocumentFragment();
        docs.forEach(function (doc) { items.appendChild(item(doc, rows.get(doc))); });
        if (fresh) list.textContent = "";
        list.appendChild(items);
        state.shown += docs.length;
        more.hidden = state.shown >= page.total;
        status.textContent = page.total ? page.total + " " + t.results + " “" + text.trim() + "”" : t.none;
      });
      drawnAt = performance.now();
      if (state.filled) return done(seq, text);
      // Drawn first, offered after: the page is painted before the choices are counted.
      return new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () {
        if (seq !== state.seq) return;
        state.filled = true;
        timed(fillFilters);
        done(seq, text);
      });
    });
  }

  function filtering() { return !!(selects.kind.value || selects.unit.value || selects.year.value); }

  function item(doc, row) {
    var li = document.createElement("li");
    li.className = "search-result";
    var meta = [row[3]];
    var unit = state.filters.u[doc];
    // A unit's own result names its parent in the snippet instead.
    if (unit >= 0 && state.manifest.units[unit][0] !== row[2]) meta.push(state.manifest.units[unit][0]);
    if (row[4]) meta.push(row[4]);
    var title = document.createElement("h2");
    var link = document.createElement("a");
    link.href = t.base + row[1];
    highlight(link, row[2]);
    title.appendChild(link);
    li.appendChild(title);
    var kind = document.createElement("p");
    kind.className = "search-meta";
    kind.textContent = meta.join(" · ");
    li.appendChild(kind);
    if (row[5]) {
      var snippet = document.createElement("p");
      snippet.className = "search-snippet";
      highlight(snippet, row[5]);
      li.appendChild(snippet);
    }
    return li;
  }

  // Keys of the words met in results, folded once each.
  var keys = new Map();
  function keyOf(word) {
    var key = keys.get(word);
    if (key === undefined) {
      key = /^[a-z0-9]+$/.test(word) ? word : foldKey(word);
      keys.set(word, key);
    }
    return key;
  }

  // Writes `text` into `node`, marking the words the query matched.
  function highlight(node, text) {
    var query = state.query, last = query.length - 1, at = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      var key = keyOf(m[0]), i = 0;
      while (i < last && key !== query[i].key) i++;
      if (key !== query[i].key && key.lastIndexOf(query[last].key, 0) !== 0) continue;
      if (m.index > at) node.appendChild(document.createTextNode(text.slice(at, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      node.appendChild(mark);
      at = m.index + m[0].length;
    }
    if (at < text.length) node.appendChild(document.createTextNode(text.slice(at)));
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
      if (state.results && state.results.count) {
        state.seq++;
        spent = 0;
        blocks = 0;
        form.dataset.state = "busy";
        var seq = state.seq;
        show(seq, input.value, true).catch(function () { failed(seq); });
      }
    });
  });
  more.addEventListener("click", function () {
    if (form.dataset.state === "busy") return;
    var first = list.children.length;
    form.dataset.state = "busy";
    var seq = state.seq;
    show(seq, input.value, false).then(function () {
      var next = list.children[first];
      if (next) next.querySelector("a").focus();
    }).catch(function () { failed(seq); });
  });

  input.value = new URLSearchParams(location.search).get("q") || "";
  search(input.value);
})();
