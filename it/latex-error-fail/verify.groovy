def log = new File(basedir, 'build.log').getText('UTF-8')
// The error names the template and the template's own line (5), not the generated file's (7), and shows it.
assert log.contains('[ERROR] [final] src/report/final/02-method.tex.ftl:5: Undefined control sequence \\bfx')
assert log.contains('    5 | We make this \\bfx bold.')
assert log.contains('Report build failed: final: 1 error(s), listed above')
assert !new File(basedir, 'target/report/final.pdf').exists()
assert !log.contains('\tat dev.texreport'): 'no stack trace'
return true
