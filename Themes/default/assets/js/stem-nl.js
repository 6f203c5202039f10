// Dutch stemmer for the site search: the Snowball "dutch" algorithm (M. F. Porter), written from its
// published description (snowballstem.org/algorithms/dutch/stemmer.html). Loaded by search.js on Dutch
// pages; the same function stems the index and the query, so both sides always agree.
// Input: one lower-case word with diacritics already folded (search.js does that); output: its stem.
(function () {
  "use strict";

  function isVowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y" || c === "\u00e8"; }

  // R1 starts after the first non-vowel that follows a vowel (at least 3 letters in), R2 likewise after R1.
  // R2 is searched from the unadjusted R1, as the algorithm's reference program does.
  function regions(w) {
    var n = w.length, r1 = n, r2 = n, i;
    if (n < 3) return [n, n];
    for (i = 1; i < n; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) { r1 = i + 1; break; }
    for (i = r1 + 1; i < n; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) { r2 = i + 1; break; }
    if (r1 < 3) r1 = 3;
    return [r1, r2];
  }

  function ends(w, suffix) { return w.length >= suffix.length && w.slice(-suffix.length) === suffix; }

  // kk, dd, tt at the end lose their last letter.
  function undouble(w) { return /(kk|dd|tt)$/.test(w) ? w.slice(0, -1) : w; }

  function stem(word) {
    if (word.length < 3) return word;
    // i between vowels and y at the start or after a vowel count as consonants (I and Y until the end).
    var chars = word.split(""), i;
    if (chars[0] === "y") chars[0] = "Y";
    for (i = 1; i < chars.length; i++) {
      if (chars[i] === "y" && isVowel(chars[i - 1])) chars[i] = "Y";
      else if (chars[i] === "i" && isVowel(chars[i - 1]) && i + 1 < chars.length && isVowel(chars[i + 1])) chars[i] = "I";
    }
    var w = chars.join("");
    var reg = regions(w), r1 = reg[0], r2 = reg[1];
    var eFound = false;

    function inR1(len) { return w.length - len >= r1; }
    function inR2(len) { return w.length - len >= r2; }
    function before(len) { return w.charAt(w.length - len - 1); }
    function nonVowelBefore(len) { var c = before(len); return c !== "" && !isVowel(c); }
    // A valid en-ending: in R1, after a non-vowel, and not after "gem"; removed, then undoubled.
    function enEnding(len) {
      if (!inR1(len) || !nonVowelBefore(len) || w.slice(w.length - len - 3, w.length - len) === "gem") return false;
      w = undouble(w.slice(0, -len));
      return true;
    }
    function eEnding() {
      eFound = false;
      if (ends(w, "e") && inR1(1) && nonVowelBefore(1)) {
        w = undouble(w.slice(0, -1));
        eFound = true;
      }
    }

    // Step 1: the longest of heden, ene/en, se/s.
    if (ends(w, "heden")) {
      if (inR1(5)) w = w.slice(0, -5) + "heid";
    } else if (ends(w, "ene")) {
      enEnding(3);
    } else if (ends(w, "en")) {
      enEnding(2);
    } else if (ends(w, "se")) {
      if (inR1(2) && nonVowelBefore(2) && before(2) !== "j") w = w.slice(0, -2);
    } else if (ends(w, "s")) {
      if (inR1(1) && nonVowelBefore(1) && before(1) !== "j") w = w.slice(0, -1);
    }
    // Step 2: a final e after a non-vowel.
    eEnding();
    // Step 3a: heid in R2, not after c; then an en-ending before it.
    if (ends(w, "heid") && inR2(4) && before(4) !== "c") {
      w = w.slice(0, -4);
      if (ends(w, "en")) enEnding(2);
    }
    // Step 3b: the longest of end/ing, ig, lijk, baar, bar.
    if (ends(w, "end") || ends(w, "ing")) {
      if (inR2(3)) {
        w = w.slice(0, -3);
        if (ends(w, "ig") && inR2(2) && before(2) !== "e") w = w.slice(0, -2);
        else w = undouble(w);
      }
    } else if (ends(w, "ig")) {
      if (inR2(2) && before(2) !== "e") w = w.slice(0, -2);
    } else if (ends(w, "lijk")) {
      if (inR2(4)) { w = w.slice(0, -4); eEnding(); }
    } else if (ends(w, "baar")) {
      if (inR2(4)) w = w.slice(0, -4);
    } else if (ends(w, "bar")) {
      if (inR2(3) && eFound) w = w.slice(0, -3);
    }
    // Step 4: a double vowel between non-vowels at the end loses one vowel (maan -> man).
    var n = w.length;
    if (n >= 4) {
      var d = w[n - 1], v = w[n - 2], c = w[n - 4];
      if (!isVowel(d) && d !== "I" && v === w[n - 3] && "aeou".indexOf(v) >= 0 && !isVowel(c)) {
        w = w.slice(0, n - 2) + d;
      }
    }
    return w.replace(/I/g, "i").replace(/Y/g, "y");
  }

  window.MengvormStem = window.MengvormStem || {};
  window.MengvormStem.nl = stem;
})();
