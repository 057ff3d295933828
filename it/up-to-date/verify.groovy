def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/\[INFO\] Scanning for projects/)
assert runs.size() == 3: 'two builds'
def first = runs[1]
def second = runs[2]
assert first.contains('[INFO] [final] pdflatex pass 1 (first pass)')
assert second.contains('[INFO] [final] up to date')
assert !second.contains('pdflatex pass') && !second.contains('bibtex ('): 'no TeX process in the second build'
def line = (first =~ /\[INFO\] (final: [\d.]+ of 8 content pages \(\d+ in PDF\) -> target\/report\/final\.pdf)/)[0][1]
assert second.contains("[INFO] ${line} (up to date)")
return true
