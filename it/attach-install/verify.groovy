// The install put the PDF into the local repository next to the POM, as <artifactId>-<version>-final.pdf.
def installed = new File(localRepositoryPath, 'dev/texreport/it/attach-install/1.0/attach-install-1.0-final.pdf')
assert installed.isFile(): "not installed: ${installed}"
assert installed.bytes == new File(basedir, 'target/report/final.pdf').bytes
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] final: ')
return true
