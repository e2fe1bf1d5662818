import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : "the baselined finding must not fail the build:\n" + log
// nanlint ran (the same source fails finding-fails-build) and reported nothing
assert log.contains('nanlint: 1 file scanned, 0 errors, 0 warnings, 0 notes') : log
assert !log.contains('[UnguardedLog]') : log
def sarif = new JsonSlurper().parse(new File(basedir, 'target/nanlint.sarif'))
assert sarif.runs[0].results.isEmpty() : sarif.runs[0].results
return true
