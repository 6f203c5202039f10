// The search engine of the site search, without any page around it: folding, stop words, the inverted
// index of stems built from search-index.js, and matching (stems, compounds both ways, typos, half-typed
// words, synonyms) with ranking by field and a snippet around the match. Loaded by search.js together
// with the stemmer of the page's language (stem-nl.js, stem-en.js); the same code stems and matches the
// index and every query, so both sides always agree.
(function () {
  "use strict";

  // ---- Words ----

  var STOP_WORDS = {
    nl: "aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge geen" +
      " geweest haar had heb hebben heeft hem het hier hij hoe hoeveel hun iemand iets ik in is ja je jij jou jouw kan kon kun kunnen" +
      " kunt maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat ons ook op over reeds te tegen toch toen tot u" +
      " uit uw van veel voor waar wanneer want waren was wat welk welke werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo" +
      " zonder zou",
    en: "a about above after again against all am an and any are as at be because been before being below between both but by" +
      " can did do does doing down during each few for from further had has have having he her here hers him his how i if in into" +
      " is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so" +
      " some such than that the their them then there these they this those through to too under until up very was we were what" +
      " when where which while who whom why will with you your yours"
  };

  // Field weights: a page about a thing has it in its title or headings, then in its tags and keywords.
  var WEIGHT = { title: 10, heading: 5, tag: 6, description: 3, body: 2 };
  var MAX_PREFIX_STEMS = 80;

  /** Lower case without diacritics: "Één" -> "een". */
  function fold(text) {
    text = String(text || "").toLowerCase();
    return /[^\x00-\x7f]/.test(text) ? text.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : text;
  }

  /** The words of a text, folded: letters and digits; apostrophes and hyphens separate ("collega's", "arbo-zelfcheck"). */
  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(function (word) { return word.length > 1 || /[0-9]/.test(word); });
  }

  /** Edits between a and b (insert, delete, replace, swap two neighbours), or max + 1 once it exceeds max. */
  var rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  function distance(a, b, max) {
    var n = a.length, m = b.length, i, j;
    if (Math.abs(n - m) > max) return max + 1;
    if (m + 1 > rows[0].length) rows = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
    var before = rows[0], previous = rows[1], current = rows[2];
    for (j = 0; j <= m; j++) previous[j] = j;
    for (i = 1; i <= n; i++) {
      current[0] = i;
      var rowMin = i, ca = a.charCodeAt(i - 1);
      for (j = 1; j <= m; j++) {
        var cb = b.charCodeAt(j - 1);
        var value = previous[j - 1] + (ca === cb ? 0 : 1);
        if (previous[j] + 1 < value) value = previous[j] + 1;
        if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
        if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && before[j - 2] + 1 < value) value = before[j - 2] + 1;
        current[j] = value;
        if (value < rowMin) rowMin = value;
      }
      if (rowMin > max) return max + 1;
      var spare = before; before = previous; previous = current; current = spare;
    }
    return previous[m];
  }

  /** The letters a word uses, as bits (a = 1, b = 2, …; digits share one bit): one edit changes at most two. */
  function letterMask(word) {
    var mask = 0;
    for (var i = 0; i < word.length; i++) {
      var code = word.charCodeAt(i) - 97;
      mask |= code >= 0 && code < 26 ? 1 << code : 1 << 26;
    }
    return mask;
  }

  function bitCount(x) {
    x = x - ((x >> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >> 2) & 0x33333333);
    return (((x + (x >> 4)) & 0x0f0f0f0f) * 0x01010101) >> 24;
  }

  // ---- The engine: an inverted index of stems, built when the index loads ----

  /**
   * entries: the pages of one language from search-index.js; synonyms: [{w: [typed], f: [find]}];
   * stem: the language's stemmer (one folded word in, its stem out); stopWords: a space-separated list.
   */
  function Engine(entries, synonyms, stem, stopWords) {
    var self = this;
    var stems = Object.create(null);
    this.stop = Object.create(null);
    (stopWords || "").split(" ").forEach(function (word) { if (word) self.stop[word] = true; });
    this.stem = function (word) {
      var known = stems[word];
      if (known === undefined) known = stems[word] = stem ? stem(word) : word;
      return known;
    };
    this.entries = entries;
    var surface = Object.create(null);   // folded word -> its stem
    var postings = Object.create(null);  // stem -> [page, weight, page, weight, ...]
    var perPage = [], lengths = [], total = 0;

    // Per page and stem one number: how often the body has it, plus a bit for each other field that has it.
    var BODY = 65536, FIELD = { title: BODY, heading: 2 * BODY, tag: 4 * BODY, description: 8 * BODY };
    entries.forEach(function (entry, page) {
      var local = Object.create(null);
      function add(text, field) {
        var list = fold(text).split(/[^a-z0-9]+/), count = 0, bit = FIELD[field] || 0;
        for (var i = 0; i < list.length; i++) {
          var word = list[i];
          if (word.length < 2 && !/[0-9]/.test(word)) continue;
          if (self.stop[word]) continue;
          var root = surface[word];
          if (root === undefined) root = surface[word] = self.stem(word);
          var value = local[root] || 0;
          if (bit) { if (!(Math.floor(value / bit) % 2)) local[root] = value + bit; }
          else if (value % BODY < BODY - 1) local[root] = value + 1;
          count++;
        }
        return count;
      }
      add(entry.t, "title");
      (entry.h || []).forEach(function (heading) { add(heading, "heading"); });
      (entry.g || []).concat(entry.k || []).forEach(function (tag) { add(tag, "tag"); });
      add(entry.d, "description");
      var length = add(entry.x, "body");
      perPage.push(local);
      lengths.push(length);
      total += length;
    });
    // Body text counts like BM25 (k1 1.2, b 0.75): more mentions help, with diminishing returns, less on long pages.
    var average = total / Math.max(1, entries.length) || 1;
    perPage.forEach(function (local, page) {
      var norm = 1.2 * (0.25 + 0.75 * lengths[page] / average);
      for (var root in local) {
        var value = local[root], body = value % BODY, flags = Math.floor(value / BODY);
        var weight = (flags & 1 ? WEIGHT.title : 0) + (flags & 2 ? WEIGHT.heading : 0) + (flags & 4 ? WEIGHT.tag : 0) +
          (flags & 8 ? WEIGHT.description : 0) + (body ? WEIGHT.body * body * 2.2 / (body + norm) : 0);
        (postings[root] || (postings[root] = [])).push(page, weight);
      }
      perPage[page] = null;
    });
    this.surface = surface;
    this.postings = postings;
    this.vocabulary = Object.keys(surface).sort();
    this.masks = new Int32Array(this.vocabulary.length);
    for (var v = 0; v < this.vocabulary.length; v++) this.masks[v] = letterMask(this.vocabulary[v]);
    this.expanded = Object.create(null);
    this.expandedCount = 0;
    this.stemList = Object.keys(postings);
    this.count = entries.length;

    // Synonyms: the stem of each typed word -> the stems of the words the pages use.
    var synonymMap = Object.create(null);
    (synonyms || []).forEach(function (group) {
      var find = [];
      (group.f || []).forEach(function (phrase) {
        words(phrase).forEach(function (word) { if (!self.stop[word]) find.push(self.stem(word)); });
      });
      (group.w || []).forEach(function (typed) {
        words(typed).forEach(function (word) {
          var root = self.stem(word);
          synonymMap[root] = (synonymMap[root] || []).concat(find);
          synonymMap[word] = synonymMap[root];
        });
      });
    });
    this.synonyms = synonymMap;
  }

  Engine.prototype.documentFrequency = function (root) { var list = this.postings[root]; return list ? list.length / 2 : 0; };

  /** How a query word can match: [{stem, factor}], best factor per stem. */
  Engine.prototype.expand = function (word, prefix, nested) {
    var self = this, found = Object.create(null);
    function offer(root, factor) {
      if (self.postings[root] && !(found[root] >= factor)) found[root] = factor;
    }
    // A word found inside a compound: best when it is the compound's last part (a bureaustoel is a stoel).
    function inside(root, factor) {
      if (root.length < 4) return;
      var list = self.stemList;
      for (var i = 0; i < list.length; i++) {
        var other = list[i], at = other.indexOf(root);
        if (at < 0 || other === root) continue;
        offer(other, factor * (at + root.length === other.length ? 0.7 : at === 0 ? 0.6 : 0.45));
      }
    }
    var root = this.stem(word);
    offer(root, 1);
    if (this.surface[word] !== undefined) offer(this.surface[word], 1);
    inside(root, 1);
    (this.synonyms[root] || this.synonyms[word] || []).forEach(function (other) {
      offer(other, 0.8);
      inside(other, 0.8);
    });
    if (prefix && word.length >= 2) {
      // While typing, the last word may be the start of a longer one.
      var range = this.prefixRange(word), roots = Object.create(null), list = [];
      for (var i = range[0]; i < range[1]; i++) {
        var candidate = this.surface[this.vocabulary[i]];
        if (!roots[candidate]) { roots[candidate] = true; list.push(candidate); }
      }
      if (list.length > MAX_PREFIX_STEMS) {
        list.sort(function (a, b) { return self.documentFrequency(b) - self.documentFrequency(a); });
        list.length = MAX_PREFIX_STEMS;
      }
      var factor = word.length >= 4 ? 0.8 : 0.5;
      list.forEach(function (candidate) { offer(candidate, factor); });
    }
    // A compound or a synonym of a word the pages have is no rarer than that word: without this cap a rare
    // compound (werkkostenregeling) would outrank the pages about the word itself (werk).
    var own = this.postings[root] || (this.surface[word] !== undefined && this.postings[this.surface[word]]);
    var result = { word: word, alternatives: found, parts: null, idfCap: own ? Math.log(1 + this.count / (own.length / 2)) : Infinity };
    var direct = this.postings[root] || this.surface[word] !== undefined;
    if (!direct && !nested && word.length >= 7) result.parts = this.split(word);
    if (!direct && !result.parts && !prefix) this.typos(word, offer);
    else if (!direct && !result.parts && Object.keys(found).length === 0) this.typos(word, offer);
    return result;
  };

  /** `expand`, remembered: while someone types, the words before the last one stay the same. */
  Engine.prototype.expandOnce = function (word, prefix) {
    var key = (prefix ? "+" : "=") + word;
    if (!this.expanded[key]) {
      if (this.expandedCount > 500) { this.expanded = Object.create(null); this.expandedCount = 0; }
      this.expanded[key] = this.expand(word, prefix, false);
      this.expandedCount++;
    }
    return this.expanded[key];
  };

  /** Index of the first vocabulary word >= prefix, and of the first after those starting with it. */
  Engine.prototype.prefixRange = function (prefix) {
    var list = this.vocabulary, low = 0, high = list.length;
    while (low < high) { var mid = (low + high) >> 1; if (list[mid] < prefix) low = mid + 1; else high = mid; }
    var end = low;
    while (end < list.length && list[end].lastIndexOf(prefix, 0) === 0) end++;
    return [low, end];
  };

  /** Words one edit away (five letters or more) or two (eight or more), as the closest known words. */
  Engine.prototype.typos = function (word, offer) {
    var max = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
    if (!max) return;
    var self = this;
    this.near(word, max, function (other, d) { offer(self.surface[other], d === 1 ? 0.7 : 0.5); });
  };

  /** Calls found(word, edits) for every vocabulary word at most `max` edits from `word`. */
  Engine.prototype.near = function (word, max, found) {
    var list = this.vocabulary, masks = this.masks, mask = letterMask(word), length = word.length;
    for (var i = 0; i < list.length; i++) {
      var other = list[i];
      if (Math.abs(other.length - length) > max || bitCount(masks[i] ^ mask) > 2 * max) continue;
      var d = distance(word, other, max);
      if (d <= max) found(other, d);
    }
  };

  /** A compound the pages do not have, as known words: reiskostenvergoeding -> reiskosten + vergoeding. */
  Engine.prototype.split = function (word) {
    var best = null;
    for (var cut = 3; cut <= word.length - 3; cut++) {
      var head = word.slice(0, cut), tail = word.slice(cut);
      var heads = [head];
      // Dutch links compound parts with s or e(n): arbeidsongeval, pannenkoek.
      if (/[se]$/.test(head) && head.length > 3) heads.push(head.slice(0, -1));
      if (/en$/.test(head) && head.length > 4) heads.push(head.slice(0, -2));
      for (var h = 0; h < heads.length; h++) {
        if (!this.known(heads[h]) || this.stop[heads[h]]) continue;
        var tailParts = this.known(tail) && !this.stop[tail] ? [tail] : (tail.length >= 7 ? this.splitWords(tail) : null);
        if (!tailParts) continue;
        var parts = [heads[h]].concat(tailParts);
        var shortest = Math.min.apply(null, parts.map(function (part) { return part.length; }));
        if (!best || parts.length < best.length || (parts.length === best.length && shortest > best.shortest)) {
          best = parts;
          best.shortest = shortest;
        }
      }
    }
    if (!best) return null;
    var self = this;
    return best.map(function (part) { return self.expand(part, false, true); });
  };

  Engine.prototype.splitWords = function (word) {
    for (var cut = word.length - 3; cut >= 3; cut--) {
      var head = word.slice(0, cut), tail = word.slice(cut);
      if (this.known(head) && this.known(tail) && !this.stop[head] && !this.stop[tail]) return [head, tail];
    }
    return null;
  };

  Engine.prototype.known = function (word) { return this.surface[word] !== undefined || !!this.postings[this.stem(word)]; };

  /**
   * Pages for a query, best first: [{entry, score, matched}], plus the stems that matched (for snippets)
   * and, when nothing is found, a suggestion. typing: the last word may still be incomplete.
   */
  Engine.prototype.search = function (query, typing) {
    var self = this, n = this.count;
    var all = words(query);
    var content = all.filter(function (word) { return !self.stop[word]; });
    if (!content.length) content = all;
    var prefixLast = typing && !/\s$/.test(query);
    var groups = content.map(function (word, i) { return self.expandOnce(word, prefixLast && i === content.length - 1); });
    var scores = new Float64Array(n), matched = new Uint8Array(n), marks = Object.create(null);

    function best(group) {
      var into = new Float64Array(n), touched = false;
      Object.keys(group.alternatives).forEach(function (root) {
        var list = self.postings[root], factor = group.alternatives[root];
        var idf = Math.min(Math.log(1 + n / (list.length / 2)), group.idfCap);
        marks[root] = true;
        touched = true;
        for (var k = 0; k < list.length; k += 2) {
          var value = factor * list[k + 1] * idf;
          if (value > into[list[k]]) into[list[k]] = value;
        }
      });
      if (group.parts) {
        // The parts of a split compound each count, less than the whole word would.
        var share = 0.9 / group.parts.length;
        group.parts.forEach(function (part) {
          var values = best(part);
          if (!values) return;
          touched = true;
          for (var p = 0; p < n; p++) into[p] += share * values[p];
        });
      }
      return touched ? into : null;
    }

    groups.forEach(function (group) {
      var values = best(group);
      if (!values) return;
      for (var p = 0; p < n; p++) {
        if (values[p] > 0) { scores[p] += values[p]; matched[p]++; }
      }
    });
    var hits = [];
    for (var p = 0; p < n; p++) {
      if (scores[p] > 0) {
        // All query words weigh in: a page with every word ranks above pages with some of them.
        var coverage = matched[p] / groups.length;
        hits.push({ entry: this.entries[p], score: scores[p] * (0.4 + 0.6 * coverage * coverage), matched: matched[p] });
      }
    }
    hits.sort(function (a, b) { return b.score - a.score || (a.entry.t < b.entry.t ? -1 : 1); });
    return { hits: hits, marks: marks, words: content, suggestion: hits.length ? null : this.suggest(content) };
  };

  /** For a query that found nothing: the same query with each unknown word replaced by the closest known one. */
  Engine.prototype.suggest = function (content) {
    var self = this, changed = false;
    var replaced = content.map(function (word) {
      if (self.known(word)) return word;
      var max = Math.min(3, Math.max(1, Math.floor(word.length / 3))), bestWord = null, bestDistance = max + 1, bestFrequency = 0;
      self.near(word, max, function (other, d) {
        var frequency = self.documentFrequency(self.surface[other]);
        if (d < bestDistance || (d === bestDistance && frequency > bestFrequency)) {
          bestWord = other; bestDistance = d; bestFrequency = frequency;
        }
      });
      if (bestWord) { changed = true; return bestWord; }
      return word;
    });
    return changed ? replaced.join(" ") : null;
  };

  /**
   * A piece of a page's text around the best place where the query matched: [{text, mark}], with "…" where
   * it is cut. Null when the text has no matching word.
   */
  Engine.prototype.snippet = function (entry, marks, size) {
    var text = entry.x || "", pattern = /[0-9A-Za-z\u00C0-\u024F]+/g, found = [], match;
    while ((match = pattern.exec(text))) {
      var word = fold(match[0]);
      if (word.length < 2 || this.stop[word]) continue;
      var root = this.surface[word] !== undefined ? this.surface[word] : this.stem(word);
      if (marks[root]) found.push({ start: match.index, end: match.index + match[0].length, root: root });
    }
    if (!found.length) return null;
    // The window of `size` characters that holds the most different matched words.
    var bestAt = 0, bestCount = 0;
    for (var i = 0; i < found.length; i++) {
      var seen = Object.create(null), count = 0;
      for (var j = i; j < found.length && found[j].end - found[i].start <= size; j++) {
        if (!seen[found[j].root]) { seen[found[j].root] = true; count++; }
      }
      if (count > bestCount) { bestCount = count; bestAt = i; }
    }
    var start = Math.max(0, found[bestAt].start - Math.floor(size / 4));
    if (start > 0) { var space = text.indexOf(" ", start); start = space >= 0 && space < found[bestAt].start ? space + 1 : found[bestAt].start; }
    var end = Math.min(text.length, start + size);
    if (end < text.length) { var last = text.lastIndexOf(" ", end); if (last > found[bestAt].end) end = last; }
    var pieces = [], at = start;
    if (start > 0) pieces.push({ text: "… ", mark: false });
    found.forEach(function (hit) {
      if (hit.start < at || hit.end > end) return;
      if (hit.start > at) pieces.push({ text: text.slice(at, hit.start), mark: false });
      pieces.push({ text: text.slice(hit.start, hit.end), mark: true });
      at = hit.end;
    });
    if (at < end) pieces.push({ text: text.slice(at, end), mark: false });
    if (end < text.length) pieces.push({ text: " …", mark: false });
    return pieces;
  };

  window.MengvormSearchEngine = { Engine: Engine, fold: fold, words: words, distance: distance, stopWords: STOP_WORDS };
})();
