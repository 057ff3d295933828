#!/usr/bin/env python3
"""Generates the figures benchmark project for bench/figures.sh (deterministic).

    figures_gen.py DIR [N]     a team project whose final uses \\tikzexternalize[prefix=figures/] and N pictures
                               (default 10): pgfplots axes (functions, coordinates, bars) and plain tikz drawings,
                               spread over sections with text between them

    figures_gen.py edit DIR K  changes picture K's code (adds an invisible path), nothing else
"""
import os
import sys

POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>figures</artifactId>
  <version>1.0.0-SNAPSHOT</version>
  <name>Ten pictures, externalized</name>
  <developers>
    <developer><name>Ada Bench</name><email>ada@example.edu</email><organization>Example University</organization></developer>
  </developers>
  <properties>
    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
  </properties>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.texreport</groupId>
        <artifactId>report-maven-plugin</artifactId>
        <version>0.1.0-SNAPSHOT</version>
      </plugin>
    </plugins>
  </build>
</project>
"""

PREAMBLE = r"""\usepackage{pgfplots}
\pgfplotsset{compat=1.18}
\usetikzlibrary{external,arrows.meta,positioning}
\tikzexternalize[prefix=figures/]
"""

TEXT = ("We train the model with stochastic gradient descent and report accuracy on the held-out split; "
        "the schedule, the batch size and the augmentation follow the baseline unless stated otherwise. ")


def picture(k, slope):
    rate = float(slope)
    kind = k % 4
    if kind == 0:
        body = (r"\begin{axis}[width=0.45\linewidth, xlabel={Epoch}, ylabel={Loss}, title={Run %d}]" % k + "\n"
                r"\addplot[blue, domain=0:10, samples=120] {exp(-%s*x) + 0.05*sin(deg(3*x))};" % slope + "\n"
                r"\addplot[red, dashed, domain=0:10, samples=120] {exp(-%s*x/2)};" % slope + "\n"
                r"\end{axis}")
    elif kind == 1:
        coords = " ".join("(%d,%.3f)" % (i, (i * rate) % 7 + i / 3) for i in range(40))
        body = (r"\begin{axis}[width=0.45\linewidth, xlabel={Step}, ylabel={Accuracy}, title={Curve %d}]" % k
                + "\n" + r"\addplot[mark=*, mark size=1pt] coordinates {%s};" % coords + "\n" + r"\end{axis}")
    elif kind == 2:
        bars = " ".join("(%s,%.2f)" % (name, rate * (i + 1)) for i, name in enumerate("ABCDE"))
        body = (r"\begin{axis}[ybar, width=0.45\linewidth, symbolic x coords={A,B,C,D,E}, xtick=data, "
                r"title={Bars %d}]" % k + "\n" + r"\addplot coordinates {%s};" % bars + "\n" + r"\end{axis}")
    else:
        body = "\n".join(
            [r"\node[draw, rounded corners] (n%d) at (%d,0) {Block %d};" % (i, 3 * i, i) for i in range(4)]
            + [r"\draw[-{Stealth}] (n%d) -- (n%d);" % (i, i + 1) for i in range(3)]
            + [r"\draw[gray] (0,-1) sin (%s,-0.5) cos (2,-1);" % slope])
    return ("\\begin{figure}[t]\n\\centering\n%% picture %d\n\\begin{tikzpicture}\n%s\n\\end{tikzpicture}\n"
            "\\caption{Picture %d.}\\label{fig:%d}\n\\end{figure}\n" % (k, body, k, k))


def w(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def generate(root, n):
    w(os.path.join(root, "pom.xml"), POM)
    # The JVM options report:init writes: the project runs Maven as a new team project does.
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "dev",
                           "texreport", "scaffold", "jvm.config"), encoding="utf-8") as f:
        w(os.path.join(root, ".mvn", "jvm.config"), f.read())
    src = os.path.join(root, "src", "report", "final")
    w(os.path.join(src, "preamble.tex"), PREAMBLE)
    w(os.path.join(src, "abstract.tex"), TEXT * 3 + "\n")
    w(os.path.join(root, "src", "report", "references.bib"),
      "@misc{base, author={Ann Author}, title={A baseline}, year={2020}}\n")
    per = 2
    parts = (n + per - 1) // per
    for section in range(1, parts + 1):
        title = "Introduction" if section == 1 else "Conclusion" if section == parts else "Part %d" % section
        body = "\\section{%s}\n" % title + ("We build on \\citep{base}.\n" if section == 1 else "")
        for k in range((section - 1) * per, min(n, section * per)):
            body += (TEXT * 4) + "\n\nFigure~\\ref{fig:%d} shows it.\n\n" % k + picture(k, "0.%d" % (k + 2))
        if section == parts:
            body += "\\clearpage\n"  # every picture's float before the references, where the body ends
        w(os.path.join(src, "%02d-part.tex" % section), body)


def edit(root, k):
    src = os.path.join(root, "src", "report", "final")
    for name in sorted(os.listdir(src)):
        path = os.path.join(src, name)
        text = open(path, encoding="utf-8").read()
        marker = "%% picture %d\n" % k
        if marker in text:
            # A path that draws nothing visible: the picture's code, and so tikz's hash of it, changes.
            end = text.index("\\end{tikzpicture}", text.index(marker))
            w(path, text[:end] + "\\path (0,0) -- (0.01,0.01);\n" + text[end:])
            return
    sys.exit("picture %d not found" % k)


if __name__ == "__main__":
    if sys.argv[1] == "edit":
        edit(sys.argv[2], int(sys.argv[3]))
    else:
        generate(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10)
