#!/usr/bin/env python3
# Copied from shared/bench/gen_corpus.py (only this line added), so the benchmark needs nothing outside the repository.
"""Deterministic Markdown corpus generator for static-site-generator benchmarks.

Usage:  python3 gen_corpus.py OUTDIR N [--seed S]

Writes OUTDIR/content/ laid out like a Hugo site's content folder:

  content/_index.md                     home page
  content/<section>/_index.md           a section (10..50 of them, some nested
  content/<section>/<sub>/_index.md     two or three levels deep)
  content/<section>/<page>.md           N regular pages in total

Every file starts with YAML front matter between '---' lines:
  title (quoted string), description (quoted string), date (YYYY-MM-DD),
  tags (a list, flow or block style), weight (int).

Page bodies are Dutch-like prose of 600..1200 words with ## / ### headings,
paragraphs with *emphasis*, **strong**, `code spans`, relative .md links to other
pages of the corpus, bullet lists, task lists (- [ ] / - [x]), blockquotes and
(on most pages) one or two fenced code blocks.

The output depends only on N and the seed: re-running gives byte-identical
files. Only the standard library is used.
"""

import math
import os
import random
import shutil
import sys

DEFAULT_SEED = 20240601

WORDS = """
de het een en van in op te dat die voor met is zijn niet aan er om ook als bij
of door maar naar uit over dan nog wel al wordt worden kan moet zal heeft hebben
was waren werd onder tussen zonder tegen sinds omdat zodat terwijl hoewel echter
daarom bovendien vervolgens eerst daarna tenslotte altijd vaak soms nooit meestal
gegevens bestand map pagina sjabloon inhoud sectie overzicht gebruiker beheerder
server verzoek antwoord netwerk verbinding opslag schijf geheugen proces taak
wachtrij bericht melding fout waarschuwing instelling configuratie omgeving
versie uitgave wijziging aanpassing verbetering oplossing probleem vraag
onderzoek resultaat meting snelheid prestatie belasting capaciteit vertraging
afhankelijkheid bibliotheek module pakket functie methode klasse structuur
waarde sleutel lijst tabel kolom rij index zoekopdracht filter sortering
gemeente provincie waterschap dijk polder gracht brug straat plein markt
fiets trein station perron dienstregeling vertrek aankomst reiziger kaartje
bakker kaas brood koffie thee appel peer tulp molen boerderij weiland sloot
rivier haven schip kade sluis stuw gemaal regen wind wolk zon zee strand duin
huis kamer deur raam trap zolder kelder tuin schuur hek dak muur vloer
werkplaats vergadering afspraak overleg besluit voorstel begroting rapport
artikel hoofdstuk paragraaf alinea zin woord letter teken regel bladzijde
snel langzaam groot klein nieuw oud goed slecht eenvoudig ingewikkeld duidelijk
belangrijk nuttig handig mogelijk noodzakelijk voldoende geschikt bekend
openbaar intern extern lokaal centraal tijdelijk blijvend zichtbaar verborgen
maken bouwen lezen schrijven sturen ontvangen bewaren verwijderen controleren
testen meten vergelijken verwerken omzetten genereren publiceren bijwerken
starten stoppen wachten herhalen beginnen eindigen kiezen gebruiken vinden
financiële ideeën coördinatie reëel geïnstalleerd privé café één
""".split()

TAG_WORDS = """
snelheid opslag netwerk sjablonen markdown configuratie beveiliging logboek
testen publicatie zoeken navigatie toegankelijkheid prestaties cache
afbeeldingen vertaling documentatie architectuur migratie beheer
""".split()

TITLE_NOUNS = """
gegevens bestanden pagina's sjablonen secties overzichten gebruikers servers
verzoeken verbindingen wachtrijen meldingen instellingen versies wijzigingen
metingen modules pakketten functies tabellen indexen gemeenten dijken polders
bruggen stations reizigers molens havens sluizen rapporten hoofdstukken
""".split()

TITLE_PATTERNS = [
    "Over {a} en {b}",
    "Handleiding voor {a}",
    "Werken met {a}",
    "Het beheer van {a}",
    "{A} in de praktijk",
    "Veelgestelde vragen over {a}",
    "Van {a} naar {b}",
    "{A}, {b} en meer",
    "Notities bij {a}",
    "Een korte blik op {a}",
]

CODE_SAMPLES = [
    ("swift", [
        "struct Pagina {",
        "    let titel: String",
        "    let gewicht: Int",
        "}",
        "",
        "func sorteer(_ paginas: [Pagina]) -> [Pagina] {",
        "    paginas.sorted { $0.gewicht < $1.gewicht }",
        "}",
    ]),
    ("yaml", [
        "titel: \"Mijn site\"",
        "taal: nl",
        "uitvoer: publiek",
        "secties:",
        "  - nieuws",
        "  - handleiding",
    ]),
    ("bash", [
        "mkdir -p publiek",
        "for f in inhoud/*.md; do",
        "  echo \"verwerk $f\"",
        "done",
    ]),
    ("python", [
        "def tel_woorden(tekst):",
        "    return len(tekst.split())",
        "",
        "print(tel_woorden(\"een twee drie\"))",
    ]),
    ("html", [
        "<nav>",
        "  <ul>",
        "    <li><a href=\"/nieuws/\">Nieuws</a></li>",
        "  </ul>",
        "</nav>",
    ]),
    ("", [
        "publiek/",
        "  index.html",
        "  nieuws/index.html",
    ]),
]

IDENT_PARTS = """
lees schrijf bouw verwerk sorteer filter pagina sectie sjabloon inhoud
gegevens uitvoer invoer cache index titel datum label
""".split()


def slugify(text):
    out = []
    prev_dash = False
    for ch in text.lower():
        if ("a" <= ch <= "z") or ("0" <= ch <= "9"):
            out.append(ch)
            prev_dash = False
        elif ch in "ëéèê":
            out.append("e")
            prev_dash = False
        elif ch in "ïí":
            out.append("i")
            prev_dash = False
        elif not prev_dash:
            out.append("-")
            prev_dash = True
    return "".join(out).strip("-")


def yaml_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Gen:
    def __init__(self, n_pages, seed):
        self.n = n_pages
        self.rng = random.Random(seed * 1000003 + n_pages)

    # ---- small text pieces -------------------------------------------------
    def title(self):
        r = self.rng
        a, b = r.sample(TITLE_NOUNS, 2)
        pat = r.choice(TITLE_PATTERNS)
        return pat.format(a=a, b=b, A=a[0].upper() + a[1:])

    def ident(self):
        r = self.rng
        a, b = r.sample(IDENT_PARTS, 2)
        return r.choice([f"{a}_{b}()", f"{a}{b.capitalize()}", f"--{a}-{b}", f"{a}.{b}"])

    def sentence(self, links, budget):
        """One sentence; returns (text, word_count)."""
        r = self.rng
        n = r.randint(6, 18)
        words = [r.choice(WORDS) for _ in range(n)]
        # inline decorations, each with a small probability
        if r.random() < 0.12:
            i = r.randrange(n)
            words[i] = f"*{words[i]}*"
        if r.random() < 0.06:
            i = r.randrange(n)
            words[i] = f"**{words[i]}**"
        if r.random() < 0.08:
            i = r.randrange(n)
            words[i] = f"`{self.ident()}`"
        if links and r.random() < 0.07:
            title, rel = r.choice(links)
            i = r.randrange(n)
            words[i] = f"[{title.lower()}]({rel})"
            n += len(title.split()) - 1
        words[0] = words[0][0].upper() + words[0][1:] if words[0][0].isalpha() else words[0]
        end = "." if r.random() < 0.85 else r.choice("?!")
        return " ".join(words) + end, n

    def paragraph(self, links, budget):
        r = self.rng
        parts, count = [], 0
        for _ in range(r.randint(2, 6)):
            s, c = self.sentence(links, budget)
            parts.append(s)
            count += c
        return " ".join(parts), count

    def bullet_list(self, links, task=False):
        r = self.rng
        lines, count = [], 0
        for _ in range(r.randint(3, 7)):
            n = r.randint(3, 10)
            words = [r.choice(WORDS) for _ in range(n)]
            if links and r.random() < 0.15:
                title, rel = r.choice(links)
                words.append(f"(zie [{title.lower()}]({rel}))")
                n += len(title.split()) + 1
            if r.random() < 0.15:
                words[0] = f"`{self.ident()}`"
            text = " ".join(words)
            text = text[0].upper() + text[1:]
            if task:
                box = "[x]" if r.random() < 0.4 else "[ ]"
                lines.append(f"- {box} {text}")
            else:
                lines.append(f"- {text}")
            count += n
        return "\n".join(lines), count

    def ordered_list(self):
        r = self.rng
        lines, count = [], 0
        for i in range(r.randint(3, 5)):
            n = r.randint(4, 10)
            text = " ".join(r.choice(WORDS) for _ in range(n))
            lines.append(f"{i + 1}. {text[0].upper() + text[1:]}.")
            count += n
        return "\n".join(lines), count

    def blockquote(self, links):
        p, c = self.paragraph(links, 0)
        if self.rng.random() < 0.3:
            p2, c2 = self.paragraph(links, 0)
            return f"> {p}\n>\n> {p2}", c + c2
        return f"> {p}", c

    def code_block(self):
        lang, lines = self.rng.choice(CODE_SAMPLES)
        return "```" + lang + "\n" + "\n".join(lines) + "\n```"

    def heading_text(self):
        r = self.rng
        n = r.randint(2, 5)
        t = " ".join(r.choice(WORDS) for _ in range(n))
        return t[0].upper() + t[1:], n

    # ---- whole documents ---------------------------------------------------
    def page_body(self, links):
        r = self.rng
        target = r.randint(600, 1200)
        blocks, words = [], 0
        code_blocks_left = r.choice([0, 1, 1, 2, 2, 3])
        # lead paragraph
        p, c = self.paragraph(links, target)
        blocks.append(p)
        words += c
        in_h2 = False
        while words < target:
            h, c = self.heading_text()
            if not in_h2 or r.random() < 0.4:
                blocks.append("## " + h)
                in_h2 = True
            else:
                blocks.append("### " + h)
            words += c
            for _ in range(r.randint(1, 4)):
                if words >= target:
                    break
                x = r.random()
                if x < 0.62:
                    p, c = self.paragraph(links, target)
                elif x < 0.74:
                    p, c = self.bullet_list(links)
                elif x < 0.82:
                    p, c = self.bullet_list(links, task=True)
                elif x < 0.87:
                    p, c = self.ordered_list()
                elif x < 0.95:
                    p, c = self.blockquote(links)
                elif code_blocks_left > 0:
                    p, c = self.code_block(), 0
                    code_blocks_left -= 1
                else:
                    p, c = self.paragraph(links, target)
                blocks.append(p)
                words += c
        if code_blocks_left > 0 and r.random() < 0.5:
            blocks.append(self.code_block())
        return "\n\n".join(blocks) + "\n", words

    def front_matter(self, title, description, date, tags, weight):
        r = self.rng
        lines = ["---", f"title: {yaml_quote(title)}", f"description: {yaml_quote(description)}",
                 f"date: {date}"]
        if r.random() < 0.5:
            lines.append("tags: [" + ", ".join(tags) + "]")
        else:
            lines.append("tags:")
            lines.extend(f"  - {t}" for t in tags)
        lines.append(f"weight: {weight}")
        lines.append("---")
        return "\n".join(lines) + "\n\n"

    def date(self):
        r = self.rng
        return f"{r.randint(2015, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"

    def description(self):
        s, _ = self.sentence(None, 0)
        return s

    def tags(self):
        r = self.rng
        return sorted(r.sample(TAG_WORDS, r.randint(1, 4)))


def n_sections_for(n):
    return max(10, min(50, round(math.sqrt(n) / 2)))


def build(outdir, n, seed):
    g = Gen(n, seed)
    r = g.rng
    content = os.path.join(outdir, "content")
    if os.path.isdir(content):
        shutil.rmtree(content)
    os.makedirs(content)

    # ---- sections: first third top level, the rest nested below earlier ones
    n_sec = n_sections_for(n)
    n_top = max(3, math.ceil(n_sec / 3))
    sections = []  # (relative dir, title, depth)
    used = set()
    for i in range(n_sec):
        title = g.title()
        slug = slugify(title)
        if i < n_top:
            parent, depth = "", 1
        else:
            cands = [s for s in sections if s[2] < 3]
            p = r.choice(cands)
            parent, depth = p[0], p[2] + 1
        rel = f"{parent}/{slug}" if parent else slug
        while rel in used:
            rel += "-x"
        used.add(rel)
        sections.append((rel, title, depth))

    # ---- pages: assign each to a section, choose a unique file name
    pages = []  # (relative path of .md, title, section index)
    used_names = set()
    for i in range(n):
        s = r.randrange(n_sec)
        title = f"{g.title()} {i + 1}"
        path = f"{sections[s][0]}/{slugify(title)}.md"
        while path in used_names:
            path = path[:-3] + "-x.md"
        used_names.add(path)
        pages.append((path, title, s))

    total_bytes = 0
    total_words = 0

    def write(rel, text):
        nonlocal total_bytes
        full = os.path.join(content, *rel.split("/"))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        data = text.encode("utf-8")
        with open(full, "wb") as f:
            f.write(data)
        total_bytes += len(data)

    # ---- home
    body, _ = g.paragraph(None, 0)
    write("_index.md", g.front_matter("Testsite voor prestatiemetingen", g.description(),
                                      "2024-01-01", ["documentatie"], 0) + body + "\n")

    # ---- section index pages
    for i, (rel, title, _depth) in enumerate(sections):
        paras = [g.paragraph(None, 0)[0] for _ in range(r.randint(1, 3))]
        write(f"{rel}/_index.md",
              g.front_matter(title, g.description(), g.date(), g.tags(), i + 1)
              + "\n\n".join(paras) + "\n")

    # ---- regular pages, each linking to ~3-8 other pages
    for i, (path, title, s) in enumerate(pages):
        src_dir = os.path.dirname(path)
        links = []
        for _ in range(r.randint(3, 8)):
            j = r.randrange(n)
            if j == i:
                continue
            tpath, ttitle, _ = pages[j]
            links.append((ttitle, os.path.relpath(tpath, src_dir or ".").replace(os.sep, "/")))
        body, words = g.page_body(links)
        total_words += words
        write(path, g.front_matter(title, g.description(), g.date(), g.tags(), r.randint(1, 1000))
              + body)

    return n_sec, total_bytes, total_words


def main(argv):
    args = [a for a in argv[1:]]
    seed = DEFAULT_SEED
    if "--seed" in args:
        k = args.index("--seed")
        seed = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    outdir, n = args[0], int(args[1])
    n_sec, nbytes, nwords = build(outdir, n, seed)
    print(f"pages={n} sections={n_sec} files={n + n_sec + 1} bytes={nbytes} "
          f"body_words~={nwords} avg_words={nwords // max(n, 1)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
