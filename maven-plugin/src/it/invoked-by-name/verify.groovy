// build.log holds both builds
def log = new File(basedir, 'build.log').text
assert log.findAll(/nanlint-maven-plugin:[^:\s]+:check \(default-cli\) @ invoked-by-name/).size() == 2 :
    "both command lines must run the plugin's check goal:\n" + log
assert log.findAll('[ERROR] src/main/java/org/example/Loss.java:8:13: warning: [UnguardedLog]').size() == 1 : log
assert log.contains('nanlint: 1 finding at or above warning; report: target/nanlint.sarif') : log
assert log.findAll('[WARNING] src/main/java/org/example/Loss.java:8:13: warning: [UnguardedLog]').size() == 1 :
    "with failOn=error the warning is logged as a warning:\n" + log
assert log.findAll('BUILD FAILURE').size() == 1 && log.findAll('BUILD SUCCESS').size() == 1 : log
return true
