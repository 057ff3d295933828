def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("Unknown milestone 'finale' (report.milestone). This template pack knows: proposal, midterm, final.")
assert !log.contains('\tat dev.texreport'): 'no stack trace'
return true
