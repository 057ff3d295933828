def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("pdflatex was not found in report.texBin (${new File(basedir, 'no-tex-here').canonicalPath})")
assert log.contains('sudo apt-get install texlive-latex-extra texlive-fonts-recommended')
assert !log.contains('\tat dev.texreport'): 'no stack trace'
assert !new File(basedir, 'target/report/final.pdf').exists()
return true
