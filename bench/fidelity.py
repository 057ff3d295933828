#!/usr/bin/env python3
"""Fidelity of the built-in NeurIPS style: does a document break its pages where the official style breaks them?

Called by bench/fidelity.sh, which documents the steps. Sub-commands:
  generate WORK            writes one team project per document shape under WORK (and WORK/pom.xml, an aggregator)
  official WORK STY        builds each shape's document again with the official style STY, from the plugin's sources
  compare WORK             prints, per shape, the page counts and the word shift of every page break

The documents are generated here from fixed word lists with a fixed pseudo-random sequence, so every run builds the
same text. Three vocabularies keep the comparison honest: running text uses invented words (BODY), headings, names,
citations and references use English words (HEAD), and what floats or sits in a footnote uses a third set (FLOAT).
The page text of both PDFs is reduced to the BODY and HEAD words in reading order; each page break is then the
number of those words before it, and the shift of a break is the difference between the two documents.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

# --- word lists -------------------------------------------------------------------------------------------------

SYLLABLES = ["la", "re", "mo", "ti", "sa", "ne", "vu", "po", "ri", "ca", "de", "lu", "ma", "fe", "no", "bi", "su",
             "te", "ga", "lo", "qui", "ver", "tam", "sol", "pen", "dor", "mis", "cur", "bal", "ant"]
HEAD = """model network training vision transformer results method analysis dataset baseline attention robust
sparse graph signal kernel sampling inference bayesian convolution regularization generalization optimization
distillation quantization segmentation detection tracking retrieval
gradient stochastic representation embedding adversarial benchmark evaluation architecture pretraining scaling
contrastive supervision uncertainty calibration policy reward agent exploration recurrent diffusion prior
journal proceedings transactions advances letters
""".split()
NAMES = """Alvarez Brandt Chen Dubois Eriksen Fischer Garcia Hansen Ito Jensen Kowalski Larsen Moreau Nakamura Olsen
Petrov Quinn Rossi Svensson Tanaka Ueda Varga Weber Xu Yilmaz Zhou""".split()
FIRSTNAMES = """Ada Bruno Clara Daniel Elena Farid Greta Hugo Irene Jonas Kira Leon Maja Nils Olga Pavel""".split()
FLOAT = """accuracy loss epoch score error runtime memory batch depth width ratio variant setting value column mean
median seed budget split layer head token image label class sample noise rate step cost size""".split()


class Sequence:
    """A fixed pseudo-random sequence (a linear congruential generator), the same on every machine."""

    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 33) % n

    def pick(self, items):
        return items[self.next(len(items))]


def body_words():
    rnd = Sequence(7)
    words = []
    while len(words) < 220:
        w = "".join(rnd.pick(SYLLABLES) for _ in range(1 + rnd.next(4)))
        if len(w) >= 2 and w not in words and w not in HEAD and w not in FLOAT:
            words.append(w)
    return words


BODY = body_words()
assert not (set(HEAD) & set(FLOAT)) and not (set(NAMES) & set(FLOAT)), "the vocabularies must not overlap"


class Writer:
    """Generates LaTeX text for one document shape."""

    def __init__(self, seed, cites):
        self.rnd = Sequence(seed)
        self.cites = cites

    def words(self, vocab, n):
        return " ".join(self.rnd.pick(vocab) for _ in range(n))

    def sentence(self, cite=True):
        n = 7 + self.rnd.next(14)
        ws = [self.rnd.pick(BODY) for _ in range(n)]
        if n > 10 and self.rnd.next(3) == 0:
            ws[self.rnd.next(n - 4) + 2] += ","
        if self.rnd.next(9) == 0:
            ws[self.rnd.next(n)] = "\\emph{" + self.rnd.pick(BODY) + "}"
        if self.rnd.next(8) == 0:
            ws.insert(self.rnd.next(n), "$x_{%d} = \\sum_i w_i$" % self.rnd.next(9))
        if self.rnd.next(12) == 0:
            k = self.rnd.next(n)
            ws[k] = "\\texttt{" + ws[k] + "}"
        text = " ".join(ws)
        text = text[0].upper() + text[1:]
        if cite and self.cites and self.rnd.next(5) == 0:
            key = "ref%d" % self.rnd.next(self.cites)
            if self.rnd.next(2):
                return text + " \\citep{%s}." % key
            return "As \\citet{%s} note, %s." % (key, text[0].lower() + text[1:])
        return text + "."

    def paragraph(self, sentences=None):
        n = sentences or 3 + self.rnd.next(5)
        return " ".join(self.sentence() for _ in range(n)) + "\n\n"

    def heading(self, n=None):
        text = self.words(HEAD, n or 1 + self.rnd.next(4))
        return text[0].upper() + text[1:]

    def caption(self):
        text = " ".join(self.words(FLOAT, 6 + self.rnd.next(10)) for _ in range(1 + self.rnd.next(3)))
        return text[0].upper() + text[1:] + "."

    def figure(self, place, label):
        width = [0.5, 0.6, 0.7, 0.8, 0.9][self.rnd.next(5)]
        height = [1.0, 1.3, 1.6, 2.0, 2.4][self.rnd.next(5)]
        return ("\\begin{figure}[%s]\n  \\centering\n  \\rule{%.1f\\linewidth}{%.1fin}\n"
                "  \\caption{%s}\n  \\label{%s}\n\\end{figure}\n\n" % (place, width, height, self.caption(), label))

    def table(self, place, label):
        cols = 3 + self.rnd.next(3)
        rows = 3 + self.rnd.next(4)
        out = ["\\begin{table}[%s]\n  \\caption{%s}\n  \\label{%s}\n  \\centering\n"
               "  \\begin{tabular}{l%s}\n    \\toprule\n" % (place, self.caption(), label, "r" * (cols - 1))]
        out.append("    " + " & ".join(self.rnd.pick(FLOAT) for _ in range(cols)) + " \\\\\n    \\midrule\n")
        for _ in range(rows):
            cells = [self.rnd.pick(FLOAT)] + ["%d.%d" % (self.rnd.next(100), self.rnd.next(10))
                                              for _ in range(cols - 1)]
            out.append("    " + " & ".join(cells) + " \\\\\n")
        out.append("    \\bottomrule\n  \\end{tabular}\n\\end{table}\n\n")
        return "".join(out)

    def footnote(self):
        return "\\footnote{%s}" % self.caption()

    def itemize(self, env="itemize", items=None, nested=False):
        out = ["\\begin{%s}\n" % env]
        for i in range(items or 3 + self.rnd.next(3)):
            out.append("  \\item " + " ".join(self.sentence(cite=False) for _ in range(1 + self.rnd.next(2))) + "\n")
            if nested and i == 1:
                out.append("  \\begin{enumerate}\n")
                for _ in range(2 + self.rnd.next(2)):
                    out.append("    \\item " + self.sentence(cite=False) + "\n")
                out.append("  \\end{enumerate}\n")
        out.append("\\end{%s}\n\n" % env)
        return "".join(out)


# --- the document shapes ----------------------------------------------------------------------------------------

def shape_text(w, sec):
    """Running text only: sections, subsections, run-in paragraphs, citations."""
    sec("introduction", "\\section{Introduction}\n\n" + "".join(w.paragraph() for _ in range(5)))
    body = "\\section{%s}\n\n" % w.heading()
    for _ in range(2):
        body += "\\subsection{%s}\n\n" % w.heading() + w.paragraph() + w.paragraph()
    sec("related", body)
    body = "\\section{%s}\n\n" % w.heading() + w.paragraph()
    for _ in range(3):
        body += "\\subsection{%s}\n\n" % w.heading() + w.paragraph()
        body += "\\paragraph{%s.} " % w.heading(2) + w.paragraph()
    sec("method", body)
    body = "\\section{%s}\n\n" % w.heading() + "".join(w.paragraph() for _ in range(4))
    body += "\\subsubsection{%s}\n\n" % w.heading() + w.paragraph() + w.paragraph()
    sec("experiments", body)
    sec("conclusion", "\\section{Conclusion}\n\n" + w.paragraph() + w.paragraph())


def shape_floats(w, sec):
    """Text with figures and tables of several sizes and placements."""
    sec("introduction", "\\section{Introduction}\n\n" + w.paragraph() + w.figure("t", "fig:a")
        + w.paragraph() + w.paragraph() + w.table("t", "tab:a") + w.paragraph())
    body = "\\section{%s}\n\n" % w.heading() + w.paragraph() + w.figure("ht", "fig:b") + w.paragraph()
    body += "\\subsection{%s}\n\n" % w.heading() + w.paragraph() + w.table("h", "tab:b") + w.paragraph()
    body += w.figure("b", "fig:c") + w.paragraph() + w.paragraph()
    sec("method", body)
    body = "\\section{%s}\n\n" % w.heading() + w.paragraph() + w.figure("!htb", "fig:d") + w.paragraph()
    body += w.table("tb", "tab:c") + w.paragraph() + w.paragraph()
    body += ("\\begin{figure}[t]\n  \\centering\n  \\begin{minipage}{0.45\\linewidth}\\centering"
             "\\rule{\\linewidth}{1.2in}\\caption{%s}\\end{minipage}\\hfill\n  \\begin{minipage}{0.45\\linewidth}"
             "\\centering\\rule{\\linewidth}{1.2in}\\caption{%s}\\end{minipage}\n\\end{figure}\n\n"
             % (w.caption(), w.caption()))
    body += w.paragraph() + w.paragraph() + w.figure("h", "fig:e") + w.paragraph()
    sec("experiments", body)
    sec("conclusion", "\\section{Conclusion}\n\n" + w.paragraph() + w.paragraph())


def shape_math(w, sec):
    """Displayed equations, lists at two levels, footnotes, quotes."""
    body = "\\section{Introduction}\n\n" + w.paragraph()
    body += w.sentence() + w.footnote() + " " + w.paragraph()
    body += w.itemize() + w.paragraph()
    body += w.sentence() + "\n\\begin{equation}\n  \\mathcal{L}(\\theta) = \\frac{1}{N}\\sum_{i=1}^{N} " \
        "\\ell\\bigl(f_\\theta(x_i), y_i\\bigr) + \\lambda \\lVert \\theta \\rVert_2^2\n\\end{equation}\n" \
        + w.paragraph()
    sec("introduction", body)
    body = "\\section{%s}\n\n" % w.heading() + w.paragraph()
    body += w.sentence() + "\n\\begin{align}\n  a_t &= \\sigma(W_a h_{t-1} + U_a x_t),\\\\\n" \
        "  b_t &= \\tanh(W_b h_{t-1} + U_b x_t),\\\\\n  h_t &= a_t \\odot h_{t-1} + (1 - a_t) \\odot b_t.\n" \
        "\\end{align}\n" + w.paragraph()
    body += w.itemize("enumerate", nested=True) + w.paragraph()
    body += "Short: \\[ x = y. \\] " + w.paragraph()
    body += w.sentence() + w.footnote() + " " + w.sentence() + w.footnote() + " " + w.paragraph()
    body += "\\paragraph{%s.} " % w.heading(2) + w.paragraph()
    body += "\\begin{quote}\n" + w.paragraph(2) + "\\end{quote}\n\n" + w.paragraph()
    sec("method", body)
    body = "\\section{%s}\n\n" % w.heading() + w.paragraph()
    body += "\\begin{description}\n" + "".join("  \\item[%s] %s\n" % (w.heading(1), w.sentence(cite=False))
                                               for _ in range(4)) + "\\end{description}\n\n"
    body += w.paragraph() + w.sentence() + "\n\\[\n  \\mathbb{E}_{x \\sim p}\\left[\\log \\frac{p(x)}{q(x)}\\right]" \
        " \\geq 0\n\\]\n" + w.paragraph() + w.itemize(items=6) + w.paragraph() + w.sentence() + w.footnote() \
        + " " + w.paragraph() + w.paragraph()
    sec("experiments", body)
    sec("conclusion", "\\section{Conclusion}\n\n" + w.paragraph() + w.paragraph())


def shape_short(w, sec):
    """Three pages of text, for the author-block shapes."""
    sec("introduction", "\\section{Introduction}\n\n" + "".join(w.paragraph() for _ in range(5)))
    sec("method", "\\section{%s}\n\n" % w.heading() + "".join(w.paragraph() for _ in range(5)))
    sec("conclusion", "\\section{Conclusion}\n\n" + w.paragraph() + w.paragraph())


def authors(n, rows=None, long_affiliation=False):
    out = []
    for i in range(n):
        first, last = FIRSTNAMES[(3 * i) % len(FIRSTNAMES)], NAMES[(5 * i + 2) % len(NAMES)]
        org = "University of %s" % NAMES[(7 * i + 1) % len(NAMES)]
        if long_affiliation:
            org = "Department of %s, %s" % (HEAD[i % 10].capitalize(), org)
        out.append({"name": "%s %s" % (first, last), "email": "%s.%s@example.edu" % (first.lower(), last.lower()),
                    "organization": org, "row": rows[i] if rows else None})
    return out


# name: (what it exercises, mode, shape, authors, appendix)
SHAPES = {
    "text": ("running text only", "final", shape_text, authors(3), True),
    "floats": ("figures and tables", "final", shape_floats, authors(2), False),
    "math-lists-notes": ("equations, lists, footnotes", "final", shape_math, authors(3), False),
    "authors-fill": ("seven authors, rows filled by TeX (\\And)", "final", shape_short,
                     authors(7, long_affiliation=True), False),
    "authors-rows": ("six authors in rows 3+2+1 from the POM (\\AND)", "final", shape_short,
                     authors(6, rows=[1, 1, 1, 2, 2, 3]), False),
    "preprint": ("running text, preprint notice", "preprint", shape_text, authors(3), True),
    "anonymous": ("floats, anonymous submission with line numbers", "anonymous", shape_floats, authors(2), False),
}


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def pom(artifact, title, people, mode, plugin_version):
    devs = []
    for p in people:
        props = "<properties><row>%d</row></properties>" % p["row"] if p["row"] else ""
        devs.append("    <developer><name>%s</name><email>%s</email><organization>%s</organization>%s</developer>"
                    % (p["name"], p["email"], p["organization"], props))
    return """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.texreport.fidelity</groupId>
  <artifactId>%s</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <name>%s</name>
  <developers>
%s
  </developers>
  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <build><plugins><plugin>
    <groupId>dev.texreport</groupId><artifactId>report-maven-plugin</artifactId><version>%s</version>
    <configuration><mode>%s</mode><failOnPageLimit>false</failOnPageLimit><failOnChecks>paper</failOnChecks></configuration>
  </plugin></plugins></build>
</project>
""" % (artifact, title, "\n".join(devs), plugin_version, mode)


def generate(work, plugin_version):
    work = Path(work)
    for seed, (name, (_, mode, shape, people, appendix)) in enumerate(SHAPES.items(), start=11):
        w = Writer(seed, cites=16)
        project = work / name
        src = project / "src" / "report"
        title = w.heading(5 + w.rnd.next(6))
        write(project / "pom.xml", pom(name, title, people, mode, plugin_version))
        write(src / "final" / "abstract.tex", w.paragraph(7))
        count = [0]

        def sec(slug, text):
            count[0] += 1
            write(src / "final" / ("%02d-%s.tex" % (count[0], slug)), text)

        shape(w, sec)
        if appendix:
            write(src / "final" / "appendix" / "a-details.tex", "\\section{%s}\n\n" % w.heading()
                  + "".join(w.paragraph() for _ in range(4)))
        write(src / "final" / "acknowledgements.tex", w.paragraph(2))
        bib = []
        for i in range(16):
            who = " and ".join("%s, %s." % (NAMES[(i * 3 + k) % len(NAMES)], FIRSTNAMES[(i + k) % len(FIRSTNAMES)][0])
                               for k in range(1 + i % 4))
            bib.append("@article{ref%d,\n  author = {%s},\n  title = {%s},\n  journal = {%s},\n  year = {%d},\n"
                       "  volume = {%d},\n  pages = {%d--%d}\n}\n" % (i, who, w.heading(4 + i % 5), w.heading(3),
                                                                      2005 + i, 1 + i, 10 * i + 1, 10 * i + 9))
        write(src / "references.bib", "\n".join(bib))
    modules = "\n".join("    <module>%s</module>" % n for n in SHAPES)
    write(work / "pom.xml", """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.texreport.fidelity</groupId>
  <artifactId>all-shapes</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <modules>
%s
  </modules>
  <build><plugins><plugin>
    <groupId>dev.texreport</groupId><artifactId>report-maven-plugin</artifactId><version>%s</version>
  </plugin></plugins></build>
</project>
""" % (modules, plugin_version))


# --- the official build -----------------------------------------------------------------------------------------

# What the NeurIPS paper template (neurips_20XX.tex) loads after the style, plus the packages our style loads that a
# paper using them would load itself. Our macros do nothing there.
OFFICIAL_PREAMBLE = r"""\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage{hyperref}
\usepackage{url}
\usepackage{booktabs}
\usepackage{amsfonts}
\usepackage{nicefrac}
\usepackage{microtype}
\usepackage{xcolor}
\usepackage{amsmath}
\usepackage{amssymb}
\usepackage{graphicx}
\newcommand\texreportNotice[1]{}
\newcommand\texreportSetHeader[1]{}
"""
MODE_OPTION = {"final": "[final]", "preprint": "[preprint]", "anonymous": ""}


def run(cmd, cwd, log, env):
    with open(log, "a", encoding="utf-8") as out:
        return subprocess.run(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=300).returncode


def official(work, sty):
    work, sty = Path(work).resolve(), Path(sty).resolve()
    style = sty.stem
    for name, (_, mode, *_rest) in SHAPES.items():
        ours = work / name / "target" / "report" / "final"
        if not (ours / "main.tex").exists():
            sys.exit("fidelity: %s has no main.tex; did report:build run?" % ours)
        dest = work / name / "official"
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(ours, dest, ignore=shutil.ignore_patterns("*.pdf", "*.aux", "*.log", "*.bbl", "*.blg",
                                                                  "*.out", "*.fls", "texreport-neurips.sty"))
        shutil.copy(sty, dest / sty.name)
        main = (dest / "main.tex").read_text(encoding="utf-8")
        ours_line = "\\usepackage{texreport-neurips}\n"
        if ours_line not in main:
            sys.exit("fidelity: %s/main.tex does not load texreport-neurips" % ours)
        main = main.replace(ours_line, "\\usepackage%s{%s}\n%s" % (MODE_OPTION[mode], style, OFFICIAL_PREAMBLE))
        write(dest / "main.tex", main)
        log = dest / "build.log"
        # The plugin's search path: the milestone folder, then src/report (figures, references.bib).
        src = work / name / "src" / "report"
        env = dict(os.environ, TEXINPUTS=".:%s//:%s:" % (src / "final", src), BIBINPUTS=".:%s:" % src)
        env_cmd = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "main.tex"]
        for step in (env_cmd, ["bibtex", "main"], env_cmd, env_cmd):
            if run(step, dest, log, env) != 0 and step[0] == "pdflatex":
                sys.exit("fidelity: the official build of %s failed; see %s" % (name, log))


# --- the comparison ---------------------------------------------------------------------------------------------

STREAM = set(w.lower() for w in BODY) | set(w.lower() for w in HEAD) | set(w.lower() for w in NAMES)
TOKEN = re.compile(r"[A-Za-z]+-?")


def page_lines(pdf):
    """Each page as a list of lines, each line the stream words that start on it (a hyphenated word is joined)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = unicodedata.normalize("NFKC", text).split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    flat = []  # page, line, token, whether it is the first part of a word hyphenated at the end of the line
    for p, page in enumerate(pages):
        for n, raw in enumerate(page.split("\n")):
            tokens = TOKEN.findall(raw)
            for i, tok in enumerate(tokens):
                flat.append((p, n, tok, i == len(tokens) - 1 and tok.endswith("-") and raw.rstrip().endswith("-")))
    result = [[[] for _ in page.split("\n")] for page in pages]
    i = 0
    while i < len(flat):
        p, n, tok, hyphenated = flat[i]
        if hyphenated and i + 1 < len(flat):
            word, i = tok[:-1] + flat[i + 1][2].rstrip("-"), i + 2
        else:
            word, i = tok.rstrip("-"), i + 1
        if word.lower() in STREAM:
            result[p][n].append(word.lower())
    return [[line for line in page if line] for page in result]


def measure(aux):
    """Content pages as the plugin counts them (see PageAccounting.java): where the body ends, or a later float."""
    geometry = None
    tops, marks, floats = {}, {}, []
    for line in Path(aux).read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"\\texreport@geometry\{([\d.]+)pt\}\{([\d.]+)pt\}", line)
        if m:
            geometry = (float(m.group(1)), float(m.group(2)))
        m = re.match(r"\\texreport@page\{(\d+)\}\{(-?\d+)\}", line)
        if m:
            tops[int(m.group(1))] = int(m.group(2)) / 65536
        m = re.match(r"\\texreport@pos\{([\w-]+)\}\{(\d+)\}\{(-?\d+)\}", line)
        if m:
            marks.setdefault(m.group(1), (int(m.group(2)), int(m.group(3))))
        m = re.match(r"\\texreport@float\{[^}]*\}\{[^}]*\}\{body\}\{[^}]*\}\{\d+\}\{(\d+)\}\{(-?\d+)\}", line)
        if m:
            floats.append((int(m.group(1)), int(m.group(2))))

    def pages(page, ysp):
        depth = tops.get(page, 0) - geometry[0] - ysp / 65536
        return page - 1 + max(0.0, min(1.0, depth / geometry[1]))

    ends = [pages(*marks[k]) for k in ("bodyend", "appendix") if k in marks]
    return max([min(ends)] + [pages(*f) for f in floats])


def breaks(lines_per_page):
    """The number of stream words before each page."""
    counts, total = [], 0
    for page in lines_per_page:
        counts.append(total)
        total += sum(len(line) for line in page)
    return counts[1:]


def line_heights(pdf):
    """Each page's text lines (text, baseline-ish y) from pdftotext's bounding boxes."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", out, re.S):
        lines = []
        for m in re.finditer(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
                             page, re.S):
            lines.append((" ".join(re.findall(r">([^<]+)</word>", m.group(2))), float(m.group(1))))
        pages.append(lines)
    return pages


def height_offsets(official_pdf, ours_pdf):
    """Lines found once on the same page of both PDFs: how many, how many at the same height, and the worst one.
    Heights come from the glyph boxes, so a line in another typewriter font (an e-mail address) may differ by a
    point or so at the same baseline."""
    matched, same, worst = 0, 0, (0.0, "")
    for a, b in zip(line_heights(official_pdf), line_heights(ours_pdf)):
        once_a = {t: y for t, y in a if len(t) > 12 and sum(1 for u, _ in a if u == t) == 1}
        for t, y in b:
            if t in once_a and sum(1 for u, _ in b if u == t) == 1:
                matched += 1
                same += abs(once_a[t] - y) < 0.1
                worst = max(worst, (abs(once_a[t] - y), t))
    return matched, same, worst


def first_words(page, n=4):
    words = [w for line in page for w in line]
    return " ".join(words[:n]) if words else "(no text)"


def compare(work):
    work = Path(work)
    all_pass = True
    for name, (what, mode, *_rest) in SHAPES.items():
        ours_dir = work / name / "target" / "report" / "final"
        off_dir = work / name / "official"
        ours, off = page_lines(ours_dir / "main.pdf"), page_lines(off_dir / "main.pdf")
        ours_content, off_content = measure(ours_dir / "main.aux"), measure(off_dir / "main.aux")
        # official lines with their starting stream index, to turn a word shift into lines
        starts, index = [], 0
        for page in off:
            for line in page:
                if line:
                    starts.append(index)
                    index += len(line)
        print("%s (%s, %s)" % (name, what, mode))
        matched, same, (offset, worst_line) = height_offsets(off_dir / "main.pdf", ours_dir / "main.pdf")
        print("  pages: official %d, ours %d; content pages: official %.2f, ours %.2f"
              % (len(off), len(ours), off_content, ours_content))
        print("  lines found on the same page of both: %d, at the same height: %d; largest difference %.2fpt (%s)"
              % (matched, same, offset, worst_line[:30] or "-"))
        worst = 0
        for k, (bo, bu) in enumerate(zip(breaks(off), breaks(ours)), start=1):
            lo, hi = min(bo, bu), max(bo, bu)
            lines = sum(1 for s in starts if lo <= s < hi)
            if bu < bo:
                lines = -lines
            worst = max(worst, abs(lines))
            print("  break %2d|%-2d official: \"%s\"  ours: \"%s\"  shift %+d words (%+d lines)"
                  % (k, k + 1, first_words(off[k]), first_words(ours[k]), bu - bo, lines))
        ok = len(off) == len(ours) and worst <= 1
        all_pass &= ok
        print("  %s: %s\n" % ("PASS" if ok else "MISS", "same page count, every break within one line" if ok else
                             "page count or a break differs by more than one line"))
    print("fidelity: %s" % ("every shape PASS" if all_pass else "some shape MISSED the target"))
    return all_pass


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "generate" and len(sys.argv) == 4:
        generate(sys.argv[2], sys.argv[3])
    elif command == "official" and len(sys.argv) == 4:
        official(sys.argv[2], sys.argv[3])
    elif command == "compare" and len(sys.argv) == 3:
        sys.exit(0 if compare(sys.argv[2]) else 3)
    else:
        sys.exit("usage: fidelity.py generate WORK PLUGIN_VERSION | official WORK STY | compare WORK")
