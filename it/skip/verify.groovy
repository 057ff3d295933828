def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Skipping the report build (report.skip=true).')
assert !new File(basedir, 'target/report').exists()
return true
