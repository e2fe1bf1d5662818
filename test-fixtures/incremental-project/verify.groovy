// Runs after the four builds of invoker.properties; build.log holds the output of all four.
def log = new File(basedir, 'build.log').text
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert builds.size() == 4 : "expected the output of 4 builds:\n" + log
// the findings on Loss.java of one build, as "line Rule", in order
def findings = { String build -> (build =~ /Loss\.java:\[(\d+),\d+\] \[(\w+)\]/).collect { it[1] + ' ' + it[2] } }
def full = ['11 UnguardedLog', '15 UnguardedDivision']

assert builds[0] =~ /Compiling 2 source files/ : "build 1 must compile both files:\n" + builds[0]
assert findings(builds[0]) == full : "the full build's findings:\n" + builds[0]
assert new File(basedir, 'target/nanlint-index/classes.cache').isFile() : "the index cache must be beside target/classes"
assert !new File(basedir, 'target/classes/META-INF/nanlint').exists() : "nothing of nanlint's may go into the jar"
for (i in [1, 2]) {
  assert builds[i] =~ /Compiling 1 source file/ : "build ${i + 1} must compile Loss.java alone:\n" + builds[i]
  assert findings(builds[i]) == full : "build ${i + 1}, incremental, must give the full build's findings:\n" + builds[i]
}
// without the cache, Probabilities is unknown: line 7 is not withdrawn and line 15 not added
assert builds[3] =~ /Compiling 1 source file/ : "build 4 must compile Loss.java alone:\n" + builds[3]
assert findings(builds[3]) == ['7 UnguardedLog', '11 UnguardedLog'] : "build 4, without the cache:\n" + builds[3]
assert log.findAll('BUILD SUCCESS').size() == 4 : "every build must pass:\n" + log
return true
