import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : "failOn=never must not fail the build:\n" + log
// below failOn, findings are warnings in the log whatever their severity
assert log.contains('[WARNING] src/main/java/org/example/Loss.java:8:13: warning: [UnguardedLog]') : log
assert log.contains('[WARNING] src/test/java/org/example/Checks.java:8:12: error: [NaNEquality]') :
    "includeTests must check the test sources:\n" + log
assert log.contains('nanlint: 2 files scanned, 1 error, 1 warning, 0 notes') : log
// github: workflow commands at the start of a line, where GitHub reads them
assert log =~ /(?m)^::warning file=src\/main\/java\/org\/example\/Loss\.java,line=8,endLine=8,col=13,title=nanlint UnguardedLog::/ : log
assert log =~ /(?m)^::error file=src\/test\/java\/org\/example\/Checks\.java,line=8,/ : log

def sarif = new JsonSlurper().parse(new File(basedir, 'target/nanlint.sarif'))
assert sarif.runs[0].results*.ruleId.sort() == ['NaNEquality', 'UnguardedLog'] : sarif.runs[0].results
def json = new JsonSlurper().parse(new File(basedir, 'target/nanlint.json'))
assert json.findings*.path.sort() == ['src/main/java/org/example/Loss.java', 'src/test/java/org/example/Checks.java'] : json
return true
