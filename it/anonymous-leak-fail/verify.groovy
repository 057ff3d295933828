def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[ERROR] [proposal] proposal.pdf: page 2 shows 'Łukasz Nowak' in an anonymous PDF; remove it (write about your own earlier work in the third person) [anonymity]")
assert log.contains("[ERROR] [proposal] proposal.pdf: page 1 shows 'Nowak' in an anonymous PDF")
return true
