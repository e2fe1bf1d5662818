import groovy.json.JsonSlurper

// build.log holds both builds
def log = new File(basedir, 'build.log').text
assert log.findAll('BUILD SUCCESS').size() == 2 : log
// the top nanlint.properties disables UnguardedLog and makes NaNEquality a note, in every module
assert !log.contains('[UnguardedLog]') : "UnguardedLog is disabled by the top nanlint.properties:\n" + log
// paths are relative to the top of the build, also when module-a is built on its own
assert log.findAll(/\[INFO\] module-a\/src\/main\/java\/org\/example\/a\/Checks\.java:8:12: note: \[NaNEquality\]/).size() == 2 :
    "module-a must read the top nanlint.properties in both builds:\n" + log
assert log.findAll(/nanlint: report written to module-a\/target\/nanlint\.sarif/).size() == 2 : log
assert log.findAll(/\[INFO\] module-b\/src\/main\/java\/org\/example\/b\/Checks\.java:8:12: note: \[NaNEquality\]/).size() == 1 :
    "module-b must read the top nanlint.properties:\n" + log
assert log.findAll('nanlint: 2 files scanned, 0 errors, 0 warnings, 1 note').size() == 3 : log
assert !log.contains('legacy') : "module-b excludes its legacy package:\n" + log

['module-a', 'module-b'].each { module ->
  def sarif = new JsonSlurper().parse(new File(basedir, module + '/target/nanlint.sarif'))
  def results = sarif.runs[0].results
  assert results*.ruleId == ['NaNEquality'] && results[0].level == 'note' : module + ': ' + results
  def uri = results[0].locations[0].physicalLocation.artifactLocation
  assert uri.uri == module + '/src/main/java/org/example/' + module[-1] + '/Checks.java' && uri.uriBaseId == '%SRCROOT%' : uri
  assert sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri.endsWith('/multi-module/') : sarif.runs[0].originalUriBaseIds
}
assert !new File(basedir, 'target/nanlint.sarif').exists() : 'the top project has no sources: nothing to report'
return true
