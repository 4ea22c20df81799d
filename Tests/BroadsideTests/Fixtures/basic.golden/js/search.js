/* Broadside's search page: reads the index the build writes in search-index/ (gzipped JSON,
   unpacked by the browser's own DecompressionStream) and asks no other host for anything.
   A query takes three round trips: the manifest; the term shard and recent bucket of each
   word; the result shards of the ten shown. Words are folded as the build folds them
   (Search/SearchWords.swift): accents dropped, ñ kept, so "detencion" finds "detención"
   and "ano" is not "año". */
(function () {
  "use strict";
  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VALUE = {};
  for (var i = 0; i < LETTERS.length; i++) VALUE[LETTERS[i]] = i;
  var WORD = /[\p{Alphabetic}\p{N}\p{M}]/u, MARK = /\p{M}/u;
  var form = document.querySelector(".search-form");
  if (!form) return;
  var base = form.dataset.index, pageLang = form.dataset.lang;
  var files = {}, manifest = null, ordinals = null;

  function hex(text) {
    return Array.from(new TextEncoder().encode(text), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  function load(path) {
    if (!files[path]) {
      files[path] = fetch(base + path).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.arrayBuffer();
      }).then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        // A host that sent the file with Content-Encoding: gzip has unpacked it already.
        if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        return new Response(stream).text().then(JSON.parse);
      });
      files[path].catch(function () { delete files[path]; });
    }
    return files[path];
  }

  function fold(word) {
    var out = "", marked = false, lower = word.toLowerCase();
    for (var ch of lower.normalize("NFD")) {
      if (MARK.test(ch)) {
        marked = true;
        if (ch === "\u0303" && out.endsWith("n")) out = out.slice(0, -1) + "ñ";
      } else out += ch;
    }
    return marked ? out : lower;
  }

  function words(text) {
    var out = [], word = "", previous = "";
    function end() {
      if (word.endsWith("'")) word = word.slice(0, -1);
      if (word) out.push(fold(word));
      word = "";
    }
    for (var ch of text) {
      if (WORD.test(ch)) word += ch;
      else if ((ch === "'" || ch === "\u2019") && word && WORD.test(previous)) word += "'";
      else end();
      previous = ch;
    }
    end();
    return out;
  }

  // Postings: each document as its gap from the previous one (five bits a letter, the sixth
  // saying more follow), then its weight: twice its count (at most 15), plus one in the title.
  function postings(code, weighted, each) {
    var doc = 0, i = 0;
    while (i < code.length) {
      var value = 0, scale = 1, letter;
      do {
        letter = VALUE[code[i++]];
        value += (letter & 31) * scale;
        scale *= 32;
      } while (letter & 32);
      doc += value;
      each(doc, weighted ? VALUE[code[i++]] : 0);
    }
  }

  // A form's stems, never what every object has: "constructor" is a word a reader may look for.
  function own(forms, form) { return Object.prototype.hasOwnProperty.call(forms, form) ? forms[form] : null; }

  // The stems a folded word leads to in a shard: its own form; else the forms it begins (a
  // word being typed); else the longest form it extends ("detenciones" → "detencion").
  function stems(shard, term) {
    var found = own(shard.forms, term);
    if (found) return found;
    // Two title words in a row ("family detention") are forms too: never a word's fallback.
    var forms = Object.keys(shard.forms).filter(function (form) { return form.indexOf(" ") < 0; }), out = [];
    if (term.length >= 3) forms.forEach(function (form) { if (form.startsWith(term)) out = out.concat(shard.forms[form]); });
    if (out.length) return out;
    var best = "";
    forms.forEach(function (form) {
      if (form.length >= 4 && term.length - form.length <= 3 && term.startsWith(form) && form.length > best.length) best = form;
    });
    return best ? shard.forms[best] : [];
  }

  // The main part's shards hold runs of forms in order, each named by its first: a word is in
  // the last shard whose first form is not after it.
  function shardOf(term) {
    var low = 0, high = manifest.shards.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (manifest.shards[middle] <= term) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found < 0 ? null : "terms/" + found + ".bsi";
  }

  function facet(name, doc) { return VALUE[manifest[name][doc]]; }

  function ordinal(doc) {
    if (!ordinals) {
      var counts = {};
      ordinals = [];
      for (var d = 0; d < manifest.documents; d++) {
        var lang = facet("lang", d);
        ordinals.push(counts[lang] = (counts[lang] === undefined ? 0 : counts[lang] + 1));
      }
    }
    return ordinals[doc];
  }

  function length(doc) { return Math.pow(2, facet("length", doc) / 4); }

  // What a query finds: {count, results: [{url, title, date, excerpt, lang, kind}]}, the first
  // ten ranked: the page's language first, then documents with every word, then with more of
  // them in the title, then by BM25 (a rare word over a common one, a word used often in a
  // short text over one used once in a long one); among equals, a title with the query's
  // phrase, then the newest. Measured on the
  // bench corpus's 200 title queries (docs/performance.md).
  async function search(query, options) {
    options = options || {};
    manifest = manifest || await load("manifest.bsi");
    var stop = new Set([].concat.apply([], Object.values(manifest.stop)));
    var terms = Array.from(new Set(words(query)));
    var kept = terms.filter(function (term) { return !stop.has(term); });
    // Ten words at most: a pasted paragraph would ask the host for two files a word.
    terms = (kept.length ? kept : terms).slice(0, 10);
    if (!terms.length) return { count: 0, results: [] };
    var wanted = [], empty = Promise.resolve({ forms: {}, stems: [], postings: [] });
    terms.forEach(function (term) {
      var shard = shardOf(term);
      wanted.push(shard ? load(shard) : empty);
      wanted.push(load("recent/" + (term.codePointAt(0) % manifest.buckets) + ".bsi"));
    });
    // Each two query words in a row, looked for as a title's phrase: in the first word's shard,
    // or the next one where the shard ends between them.
    var phrases = terms.slice(1).map(function (term, t) { return terms[t] + " " + term; });
    var phraseShards = phrases.map(function (phrase, t) {
      var shard = shardOf(phrase);
      return shard && shard !== shardOf(terms[t]) ? load(shard) : empty;
    });
    var inCategory = null;
    if (options.category) {
      wanted.push(load("categories.bsi").then(function (categories) {
        inCategory = new Set();
        categories.forEach(function (entry) {
          if (entry[1] === options.category) postings(entry[2], false, function (doc) { inCategory.add(doc); });
        });
      }));
    }
    var shards = await Promise.all(wanted), extra = await Promise.all(phraseShards);
    var found = new Map(), known = 0;
    if (!manifest.averageLength) {
      var total = 0;
      for (var d = 0; d < manifest.documents; d++) total += length(d);
      manifest.averageLength = total / Math.max(1, manifest.documents);
    }
    terms.forEach(function (term, t) {
      var seen = new Map();
      [shards[2 * t], shards[2 * t + 1]].forEach(function (shard) {
        stems(shard, term).forEach(function (stem) {
          postings(shard.postings[stem], true, function (doc, weight) {
            seen.set(doc, Math.max(seen.get(doc) || 0, weight));
          });
        });
      });
      // A word found nowhere (a typo, a tag pasted with the query) does not empty the results.
      if (seen.size) known += 1;
      var idf = Math.log(1 + (manifest.documents - seen.size + 0.5) / (seen.size + 0.5));
      seen.forEach(function (weight, doc) {
        var hit = found.get(doc) || { doc: doc, words: 0, titled: 0, score: 0 };
        var uses = (weight >> 1) + (weight & 1 ? 5 : 0);
        var norm = 0.25 + 0.75 * length(doc) / manifest.averageLength;
        hit.words += 1;
        hit.titled += weight & 1;
        hit.score += idf * uses * 2.2 / (uses + 1.2 * norm);
        found.set(doc, hit);
      });
    });
    phrases.forEach(function (phrase, t) {
      [shards[2 * t], shards[2 * t + 1], extra[t]].forEach(function (shard) {
        (own(shard.forms, phrase) || []).forEach(function (stem) {
          postings(shard.postings[stem], true, function (doc) {
            var hit = found.get(doc);
            if (hit) hit.phrases = (hit.phrases || 0) + 1;
          });
        });
      });
    });
    var hits = Array.from(found.values()).filter(function (hit) {
      var d = hit.doc;
      return (!options.kind || manifest.kinds[facet("kind", d)] === options.kind)
        && (!options.language || manifest.languages[facet("lang", d)] === options.language)
        && (!options.year || manifest.firstYear + facet("year", d) === Number(options.year))
        && (!inCategory || inCategory.has(d));
    });
    var all = hits.filter(function (hit) { return hit.words === known; });
    if (all.length) hits = all;
    var first = options.lang || pageLang;
    // Among many results (a common word), scores half a point apart are equal and the newest
    // comes first: what a newsletter's reader expects, and the ten shown then share a few shards.
    if (hits.length > 500) hits.forEach(function (hit) { hit.score = Math.floor(hit.score * 2) / 2; });
    hits.sort(function (a, b) {
      var aFirst = manifest.languages[facet("lang", a.doc)] === first, bFirst = manifest.languages[facet("lang", b.doc)] === first;
      return (bFirst - aFirst) || (b.words - a.words) || (b.titled - a.titled) || (b.score - a.score)
        || ((b.phrases || 0) - (a.phrases || 0)) || (b.doc - a.doc);
    });
    var shown = hits.slice(0, options.limit || 10);
    var rows = await Promise.all(shown.map(function (hit) {
      var lang = manifest.languages[facet("lang", hit.doc)], n = ordinal(hit.doc);
      return load("docs/" + hex(lang) + "/" + Math.floor(n / manifest.perShard) + ".bsi").then(function (shard) {
        var row = shard[n % manifest.perShard];
        return { url: row[1], title: row[0], date: row[2], excerpt: row[3], lang: lang, kind: manifest.kinds[facet("kind", hit.doc)] };
      });
    }));
    return { count: hits.length, results: rows, terms: terms };
  }
  window.broadsideSearch = search;

  // Text with the words a query found marked: built as DOM nodes, never as HTML.
  function marked(text, terms) {
    var out = document.createDocumentFragment(), rest = "";
    text.split(/([\p{Alphabetic}\p{N}\p{M}'’]+)/u).forEach(function (piece, i) {
      var folded = fold(piece);
      var hit = i % 2 === 1 && terms.some(function (term) {
        return folded.startsWith(term) || (folded.length >= 4 && term.startsWith(folded.slice(0, -1)));
      });
      if (!hit) { rest += piece; return; }
      out.append(rest);
      rest = "";
      var mark = document.createElement("mark");
      mark.textContent = piece;
      out.append(mark);
    });
    out.append(rest);
    return out;
  }

  var status = document.getElementById("search-status"), list = document.getElementById("search-results");
  var field = form.elements.q, filters = ["kind", "category", "lang", "year"];
  var running = 0;

  async function run() {
    var query = field.value.trim();
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    filters.forEach(function (name) { if (form.elements[name] && form.elements[name].value) params.set(name, form.elements[name].value); });
    history.replaceState(null, "", params.toString() ? "?" + params : location.pathname);
    if (!query) { status.textContent = ""; list.replaceChildren(); return; }
    var mine = ++running;
    status.textContent = form.dataset.searching;
    try {
      if (typeof DecompressionStream === "undefined") throw new Error("no DecompressionStream");
      var value = function (name) { return form.elements[name] ? form.elements[name].value : ""; };
      var found = await search(query, { kind: value("kind"), category: value("category"), language: value("lang"), year: value("year") });
      if (mine !== running) return;
      var count = found.count === 1 ? form.dataset.countOne : form.dataset.count.replace("{count}", found.count.toLocaleString(pageLang));
      status.textContent = found.count ? count : form.dataset.none;
      list.replaceChildren.apply(list, found.results.map(function (result) {
        var item = document.createElement("li"), link = document.createElement("a"), meta = document.createElement("p");
        item.lang = result.lang;
        link.href = result.url;
        link.append(marked(result.title, found.terms));
        var heading = document.createElement("p");
        heading.append(link);
        var time = document.createElement("time");
        time.dateTime = result.date;
        time.textContent = new Date(result.date + "T12:00:00Z").toLocaleDateString(pageLang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
        meta.className = "meta";
        meta.append(time);
        var excerpt = document.createElement("p");
        excerpt.append(marked(result.excerpt, found.terms));
        item.append(heading, meta, excerpt);
        return item;
      }));
    } catch (error) {
      if (mine === running) { status.textContent = form.dataset.unavailable; list.replaceChildren(); }
    }
  }

  // The manifest was asked for with the page (its <link rel="preload">): take it now, so the
  // first query starts with the shards it needs.
  if (typeof DecompressionStream !== "undefined") load("manifest.bsi").catch(function () {});
  var given = new URLSearchParams(location.search);
  field.value = given.get("q") || "";
  filters.forEach(function (name) {
    if (form.elements[name] && given.get(name)) {
      form.elements[name].value = given.get(name);
      form.querySelector(".search-filters").open = true;
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  filters.forEach(function (name) { if (form.elements[name]) form.elements[name].addEventListener("change", run); });
  if (field.value) run();
})();
