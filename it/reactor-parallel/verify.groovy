import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def teams = (1..6).collect { String.format('team-%02d', it) }

// Parallel and sequential builds give the same bytes.
teams.each { team ->
    ['proposal', 'final'].each { m ->
        def parallel = new File(basedir, "${team}/target/report/${m}.pdf")
        def sequential = new File(basedir, "${team}/target/report-sequential/${m}.pdf")
        assert parallel.isFile() && sequential.isFile(): "${team} ${m}"
        assert parallel.bytes == sequential.bytes: "${team} ${m}: -T 3 and sequential PDFs differ"
    }
}

// The aggregator's table of all teams, for each of the two builds.
['report', 'report-sequential'].each { folder ->
    def summary = new JsonSlurper().parse(new File(basedir, "target/${folder}/summary.json"))
    assert summary.teams*.project == teams
    summary.teams.each { t ->
        assert t.milestones*.id == ['proposal', 'final']
        assert t.milestones.every { it.passed }
        assert t.milestones.find { it.id == 'final' }.pdf == "${t.project}/target/${folder}/final.pdf"
    }
}
def md = new File(basedir, 'target/report/summary.md').getText('UTF-8')
assert md.contains('| project | proposal | final |')
assert md =~ /\| team-06 \| \d\.\d\/2 ok \| \d\.\d\/8 ok \|/
assert log =~ /\[INFO\] Reports of 6 projects \(target\/report\/summary.md\):/
assert log =~ /\[INFO\]   team-03 +\d\.\d\/2 ok +\d\.\d\/8 ok/
assert log.contains('No src/report in course-2026; nothing to build in this module.')
return true
