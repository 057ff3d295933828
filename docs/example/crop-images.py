#!/usr/bin/env python3
"""Crops the images of docs/results.md out of docs/example/target/report/final.pdf.

Run from the repository root after `mvn -q -f docs/example report:build`:

    python3 docs/example/crop-images.py

Each image is found by words of the PDF (pdftotext -bbox), not by fixed coordinates, so the crops follow the
layout when the plugin or the example changes: a table from its caption down to its last row, a figure from the
top of its legend or axis down to the end of its caption, a paragraph from its first to its last words. The
crop is then tightened to the ink on the page and cut with pdftoppm at 110 dpi into docs/images/<name>.png.
Needs only Python 3 and poppler-utils (pdftotext, pdftoppm).
"""
import html
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PDF = os.path.join(ROOT, "docs/example/target/report/final.pdf")
OUT = os.path.join(ROOT, "docs/images")
DPI = 110
PAD = 5  # points of white around the ink

# name: (kind, start phrase, end phrase)
#   table:     start = caption ("Table 1:"), end = first word of the last row (searched after the caption)
#   figure:    start = caption ("Figure 1:"), end = legend or top tick label (searched backwards from the caption)
#   paragraph: start = first words, end = a word of the last line (searched after the start)
IMAGES = {
    "num": ("paragraph", "<@num .../>", 'group="none"'),
    "stat": ("paragraph", "<@stat .../>", "<#assign"),
    "stat-text": ("paragraph", "In running text:", "gives"),
    "table": ("table", "Table 1:", "ViT-S + RandAug"),
    "table-columns": ("table", "Table 2:", "ResNet-18"),
    "escaping": ("table", "Table 3:", "mobilenet_v3"),
    "lineplot": ("figure", "Figure 1:", "ViT-S"),
    "barchart": ("figure", "Figure 2:", "100"),
    "curve": ("figure", "Figure 3:", "training loss"),
    "panels": ("figure", "Figure 4:", "ViT-S"),
    "smoothing": ("figure", "Figure 5:", "adamw"),
    "second-axis": ("figure", "Figure 6:", "training loss"),
    "stat-ci": ("paragraph", "Intervals:", "(spread=\"bootstrap\")."),
    "table-ci": ("table", "Table 4:", "ViT-S + RandAug"),
    "tensorboard": ("figure", "Figure 7:", "AdamW"),
    "mlflow-table": ("table", "Table 5:", "resnet18-lr0.01"),
    "mlflow-plot": ("figure", "Figure 8:", "resnet18-lr0.3"),
    "wandb-band": ("figure", "Figure 9:", "vit-b16"),
    "wandb-table": ("table", "Table 6:", "m3vd81zt"),
}


def words():
    """Every word of the PDF as (page, xMin, yMin, xMax, yMax, text), in reading order."""
    out = subprocess.run(["pdftotext", "-bbox", PDF, "-"], capture_output=True, text=True, check=True).stdout
    result, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            result.append((page, *map(float, m.groups()[:4]), html.unescape(m.group(5))))
    return result


def find(all_words, phrase, start=0, backwards=False):
    """Index of the first word of `phrase` at or after `start` (or the last one before `start`)."""
    tokens = phrase.split()
    indices = range(start - 1, -1, -1) if backwards else range(start, len(all_words))
    for i in indices:
        if [w[5] for w in all_words[i:i + len(tokens)]] == tokens:
            return i
    sys.exit(f"crop-images: '{phrase}' not found in {PDF}")


def ink(page):
    """The page rendered in grey at DPI: (width, height, pixels)."""
    data = subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page), PDF],
                          capture_output=True, check=True).stdout
    magic, size, _, pixels = data.split(b"\n", 3)
    width, height = map(int, size.split())
    return width, height, pixels


def inked_row(img, y):
    width, _, pixels = img
    return any(b < 230 for b in pixels[y * width:(y + 1) * width])


def grow_down(img, y, gap_pt=5):
    """Extends y down over ink separated by less than gap_pt of white (caption lines, the bottom rule)."""
    _, height, _ = img
    gap, limit, last = 0, round(gap_pt * DPI / 72), y
    while y < height - 1 and gap <= limit:
        y += 1
        if inked_row(img, y):
            last, gap = y, 0
        else:
            gap += 1
    return last


def crop(name, kind, start, end, all_words):
    first = find(all_words, start)
    page = all_words[first][0]
    if kind == "figure":
        top_word = all_words[find(all_words, end, first, backwards=True)]
        top, bottom_word = top_word[2], all_words[first]
    else:
        bottom_word = all_words[find(all_words, end, first + 1)]
        top = all_words[first][2]
    img = ink(page)
    scale = DPI / 72
    y0 = round(top * scale) - 2
    y1 = grow_down(img, round(bottom_word[4] * scale))
    while y0 > 0 and inked_row(img, y0 - 1):  # a rule or frame just above the first words
        y0 -= 1
    width, _, pixels = img
    columns = [x for x in range(width) if any(pixels[y * width + x] < 230 for y in range(y0, y1 + 1))]
    x0, x1 = min(columns), max(columns)
    pad = round(PAD * scale)
    args = ["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile",
            "-x", str(x0 - pad), "-y", str(y0 - pad), "-W", str(x1 - x0 + 2 * pad), "-H", str(y1 - y0 + 2 * pad),
            PDF, os.path.join(OUT, name)]
    subprocess.run(args, check=True)
    size = os.path.getsize(os.path.join(OUT, name + ".png"))
    print(f"{name}.png  page {page}  {x1 - x0 + 2 * pad}x{y1 - y0 + 2 * pad} px  {size // 1024} KB")


def main():
    os.makedirs(OUT, exist_ok=True)
    all_words = words()
    for name, (kind, start, end) in IMAGES.items():
        if len(sys.argv) > 1 and name not in sys.argv[1:]:
            continue
        crop(name, kind, start, end, all_words)


if __name__ == "__main__":
    main()
