def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] [final] final.pdf: font Helvetica is not embedded (page 1); a figure made outside LaTeX may use it: export the figure with embedded fonts (e.g. pdf.fonttype 42 in matplotlib) [fonts-embedded]')
assert log =~ /\[WARNING\] \[final\] final\.pdf: page 1: text or a figure reaches \d+ pt into the margin; keep figures and tables within the text width \(e\.g\. width=\\linewidth\) and do not change the margins \[margins\]/
assert log.contains('[WARNING] [final] final.pdf: src/report/final/02-results.tex:9: a negative \\vspace squeezes the layout (NeurIPS rejects papers that tweak the layout); shorten the text instead [style-tweaks]')
assert log.contains('Report build failed: final: 1 error(s), listed above')
return true
