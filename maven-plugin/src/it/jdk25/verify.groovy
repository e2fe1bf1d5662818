import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /Java version: 25[.\d]*, vendor: Eclipse Adoptium/ : "Maven must run on Temurin 25:\n" + log
assert log.contains('[ERROR] src/main/java/org/example/Loss.java:8:13: warning: [UnguardedLog]') : log
assert log.contains('nanlint: 1 finding at or above warning; report: target/nanlint.sarif') : log
assert new File(basedir, 'target/classes/org/example/Loss.class').isFile() : 'javac 25 must have compiled the sources'
def sarif = new JsonSlurper().parse(new File(basedir, 'target/nanlint.sarif'))
assert sarif.runs[0].results*.ruleId == ['UnguardedLog'] : sarif.runs[0].results
return true
