import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// javac-style text in the log, at [ERROR] since it fails the build (failOn defaults to warning)
assert log.contains('[ERROR] src/main/java/org/example/Loss.java:8:13: warning: [UnguardedLog] Math.log(probabilities[label]) is -Infinity') :
    "the finding must be in the log as an error:\n" + log
assert log.contains('        return -Math.log(probabilities[label]);\n                ^\n  fix: Math.log(Math.max(probabilities[label], 1e-12))') :
    "the source line, caret and fix must follow:\n" + log
assert log.contains('nanlint: 1 file scanned, 0 errors, 1 warning, 0 notes') : log
assert log.contains('on project finding-fails-build: nanlint: 1 finding at or above warning; report: target/nanlint.sarif') :
    "the failure must name the count and the report:\n" + log
assert log.contains('BUILD FAILURE') : log
assert !log.contains('Checks.java') : "test sources are not checked unless includeTests is true:\n" + log

def sarif = new JsonSlurper().parse(new File(basedir, 'target/nanlint.sarif'))
assert sarif.version == '2.1.0'
def results = sarif.runs[0].results
assert results.size() == 1 : results
assert results[0].ruleId == 'UnguardedLog' && results[0].level == 'warning' : results
def location = results[0].locations[0].physicalLocation
assert location.artifactLocation.uri == 'src/main/java/org/example/Loss.java' : location
assert location.region.startLine == 8 && location.region.startColumn == 13 : location
return true
