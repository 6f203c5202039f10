// English stemmer for the site search: the Snowball "english" algorithm (Porter2), written from its
// published description (snowballstem.org/algorithms/english/stemmer.html). Loaded by search.js on
// English pages; the same function stems the index and the query.
// Input: one lower-case word with diacritics folded; output: its stem.
(function () {
  "use strict";

  var EXCEPTIONS = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl", ugly: "ugli",
    early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe", atlas: "atlas",
    cosmos: "cosmos", bias: "bias", andes: "andes"
  };
  var AFTER_1A = { inning: 1, outing: 1, canning: 1, herring: 1, earring: 1, proceed: 1, exceed: 1, succeed: 1 };

  function isVowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }

  function regions(w) {
    var n = w.length, r1 = n, r2 = n, i, start = 1;
    var special = /^(gener|commun|arsen)/.exec(w);
    if (special) {
      r1 = special[0].length;
    } else {
      for (i = start; i < n; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) { r1 = i + 1; break; }
    }
    for (i = r1 + 1; i < n; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) { r2 = i + 1; break; }
    return [r1, r2];
  }

  // A short syllable ends at `end` (exclusive): non-vowel, vowel, non-vowel other than w, x, Y;
  // or, at the start of the word, a vowel followed by a non-vowel.
  function shortSyllableAt(w, end) {
    if (end === 2) return isVowel(w[0]) && !isVowel(w[1]);
    if (end < 3) return false;
    var a = w[end - 3], b = w[end - 2], c = w[end - 1];
    return !isVowel(a) && isVowel(b) && !isVowel(c) && c !== "w" && c !== "x" && c !== "Y";
  }

  function ends(w, s) { return w.length >= s.length && w.slice(-s.length) === s; }
  function hasVowel(s) { for (var i = 0; i < s.length; i++) if (isVowel(s[i])) return true; return false; }

  function stem(word) {
    if (word.length <= 2) return word;
    if (EXCEPTIONS[word]) return EXCEPTIONS[word];
    var w = word.charAt(0) === "'" ? word.slice(1) : word;
    w = w.replace(/^y/, "Y").replace(/([aeiouy])y/g, "$1Y");
    var reg = regions(w), r1 = reg[0], r2 = reg[1];
    function inR1(len) { return w.length - len >= r1; }
    function inR2(len) { return w.length - len >= r2; }
    function isShort() { return r1 >= w.length && shortSyllableAt(w, w.length); }

    // Step 0: apostrophe endings.
    if (ends(w, "'s'")) w = w.slice(0, -3); else if (ends(w, "'s")) w = w.slice(0, -2); else if (ends(w, "'")) w = w.slice(0, -1);
    // Step 1a
    if (ends(w, "sses")) w = w.slice(0, -2);
    else if (ends(w, "ied") || ends(w, "ies")) w = w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
    else if (ends(w, "us") || ends(w, "ss")) { /* kept */ }
    else if (ends(w, "s") && hasVowel(w.slice(0, -2))) w = w.slice(0, -1);
    if (AFTER_1A[w]) return w;
    // Step 1b
    var m = /(eedly|eed)$/.exec(w);
    if (m) {
      if (inR1(m[1].length)) w = w.slice(0, -m[1].length) + "ee";
    } else if ((m = /(ingly|edly|ing|ed)$/.exec(w)) && hasVowel(w.slice(0, -m[1].length))) {
      w = w.slice(0, -m[1].length);
      if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) w += "e";
      else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
      else if (isShort()) w += "e";
    }
    // Step 1c: y after a non-vowel that is not the first letter becomes i.
    if ((ends(w, "y") || ends(w, "Y")) && w.length > 2 && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + "i";
    // Step 2
    var step2 = [["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["abli", "able"], ["entli", "ent"],
      ["izer", "ize"], ["ization", "ize"], ["ation", "ate"], ["ator", "ate"], ["alism", "al"], ["aliti", "al"], ["alli", "al"],
      ["fulness", "ful"], ["ousli", "ous"], ["ousness", "ous"], ["iveness", "ive"], ["iviti", "ive"], ["biliti", "ble"],
      ["bli", "ble"], ["fulli", "ful"], ["lessli", "less"], ["ogi", "og"], ["li", ""]];
    var best = null, i;
    for (i = 0; i < step2.length; i++) if (ends(w, step2[i][0]) && (!best || step2[i][0].length > best[0].length)) best = step2[i];
    if (best && inR1(best[0].length)) {
      if (best[0] === "ogi") { if (ends(w, "logi")) w = w.slice(0, -1); }
      else if (best[0] === "li") { if ("cdeghkmnrt".indexOf(w.charAt(w.length - 3)) >= 0) w = w.slice(0, -2); }
      else w = w.slice(0, -best[0].length) + best[1];
    }
    // Step 3
    var step3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"], ["ical", "ic"],
      ["ful", ""], ["ness", ""], ["ative", ""]];
    best = null;
    for (i = 0; i < step3.length; i++) if (ends(w, step3[i][0]) && (!best || step3[i][0].length > best[0].length)) best = step3[i];
    if (best && inR1(best[0].length)) {
      if (best[0] === "ative") { if (inR2(5)) w = w.slice(0, -5); }
      else w = w.slice(0, -best[0].length) + best[1];
    }
    // Step 4: in R2.
    var step4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
      "al", "er", "ic"];
    best = null;
    for (i = 0; i < step4.length; i++) if (ends(w, step4[i]) && (!best || step4[i].length > best.length)) best = step4[i];
    if (best && inR2(best.length)) {
      if (best === "ion") { if ("st".indexOf(w.charAt(w.length - 4)) >= 0 && w.length > 3) w = w.slice(0, -3); }
      else w = w.slice(0, -best.length);
    }
    // Step 5
    if (ends(w, "e")) {
      if (inR2(1) || (inR1(1) && !shortSyllableAt(w, w.length - 1))) w = w.slice(0, -1);
    } else if (ends(w, "l") && inR2(1) && ends(w, "ll")) {
      w = w.slice(0, -1);
    }
    return w.replace(/Y/g, "y");
  }

  window.MengvormStem = window.MengvormStem || {};
  window.MengvormStem.en = stem;
})();
