def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] [proposal] src/report/proposal: proposal is missing a section "Deliverables" (also accepted: Milestones, Plan, Expected results): what you will hand in at the mid-project report and at the end. Add it, e.g. as src/report/proposal/03-deliverables.tex starting with \\section{Deliverables}')
assert log.contains('[ERROR] [proposal] src/report/proposal: proposal is missing at least 1 citation that resolve to entries of src/report/references.bib (found 0): cite the papers your work builds on with \\citep{key}')
assert !log.contains('missing a section "Key idea"'): 'a heading that contains the title counts'
assert !log.contains('missing a section "Datasets"'): 'an accepted synonym counts'
assert log.contains('Report build failed: proposal: 2 error(s), listed above')
return true
