import groovy.json.JsonSlurper

def summary = new JsonSlurper().parse(new File(basedir, 'target/report/summary.json'))
def fin = summary.milestones[0]
assert fin.passed == true
assert fin.contentPages > 7 && fin.contentPages <= 8: "body is just under the limit: ${fin.contentPages}"
assert fin.pdfPages >= 10: "two pages of references follow the body: ${fin.pdfPages} pages"
return true
