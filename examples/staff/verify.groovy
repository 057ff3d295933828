import dev.texreport.core.staff.HeadlessChromium
import groovy.json.JsonSlurper

def json = { path -> new JsonSlurper().parse(new File(basedir, path)) }
def teams = ['team-07', 'team-11', 'team-18']

// Before any team was built: every team is listed, as not built yet.
def before = json('target/before-build/summary.json')
assert before.teams*.team == teams
assert before.teams.every { it.missing == 'no summary.json: its report was not built yet (run report:build)' }

// After the build: the staff page of three proposals.
def staff = json('target/report/staff/summary.json')
assert staff.teams*.team == teams
staff.teams.each { t ->
    def proposal = t.milestones[0]
    assert proposal.id == 'proposal' && proposal.status == 'passed' && proposal.contentPages <= 2
    assert new File(basedir, "target/report/staff/${proposal.pdf}").isFile()
    assert new File(basedir, "target/report/staff/${proposal.thumbnail}").isFile()
}
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Staff page of 3 teams: target/report/staff/index.html')

// The page in a real browser: three rows, three thumbnails that load, nothing requested from anywhere else.
if (!HeadlessChromium.available()) {
    println "examples/staff: Debian's chromium is not installed (${HeadlessChromium.BINARY}); the browser check of the staff page is skipped"
    return true
}
def page = new File(basedir, 'target/report/staff/index.html').toPath().toUri().toString()
def browser = new HeadlessChromium(1280, 800)
try {
    browser.open(page)
    assert browser.evaluate("[...document.querySelectorAll('#teams tbody tr')].map(r => r.dataset.team)").collect { it.asText() } == teams
    assert browser.evaluate("[...document.images].every(i => i.complete && i.naturalWidth === 221)").asBoolean()
    assert browser.evaluate("document.images.length").asInt() == 3
    def folder = new File(basedir, 'target/report/staff').toPath().toUri().toString()
    assert browser.requests().size() == 4 && browser.requests().every { it.startsWith(folder) }: browser.requests()
    assert browser.consoleErrors().isEmpty(): browser.consoleErrors()
} finally {
    browser.close()
}
return true
