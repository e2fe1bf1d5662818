// build.log holds both builds
def log = new File(basedir, 'build.log').text
def count = { String text -> log.split(java.util.regex.Pattern.quote(text), -1).length - 1 }
assert log.findAll(/nanlint-maven-plugin:[^:\s]+:check \(default-cli\) @ invoked-by-name/).size() == 2 :
    "both command lines must run the plugin's check goal:\n" + log
assert count('[ERROR] src/main/java/org/example/Loss.java:8:13: warning: [UnguardedLog]') == 1 : log
assert log.contains('nanlint: 1 finding at or above warning; report: target/nanlint.sarif') : log
assert count('[WARNING] src/main/java/org/example/Loss.java:8:13: warning: [UnguardedLog]') == 1 :
    "with failOn=error the warning is logged as a warning:\n" + log
assert count('BUILD FAILURE') == 1 && count('BUILD SUCCESS') == 1 : log
return true
