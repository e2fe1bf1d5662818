// Runs after the seven builds of invoker.properties; build.log holds the output of all seven.
def log = new File(basedir, 'build.log').text
// each build's own output, in the order of invoker.properties (every Maven run starts with this line)
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert builds.size() == 7 : "expected the output of 7 builds:\n" + log
// forked javac (the JDK 25 build) is reported by Maven one column to the left of in-process javac
def finding = { int line, String cols -> ~/MyLoss\.java:\[${line},(${cols})\] \[UnguardedLog\] Math\.log\(/ }

// once per build, and twice in the failing builds 4 and 6 (Maven repeats errors in its summary): 9 in all; more
// would mean the plugin build (5) reported through both the plugin and the processor
assert log.findAll(finding(6, '17|18')).size() == 9 : "Math.log(p) at 6:18 must be reported once by each build:\n" + log
assert log.findAll(finding(6, '41|42')).size() == 9 : "Math.log(1 - p) at 6:42 must be reported once by each build:\n" + log
assert log.contains("Did you mean 'Math.log(Math.max(p, 1e-12))'?") : "the suggested fix is missing:\n" + log
assert !(log =~ /MyLoss\.java:\[1[01],\d+\] \[UnguardedLog\]/) : "the clamped safeLoss must not warn:\n" + log
// LogOfSoftmax is a note on both losses (hand-written cross-entropy, even clamped), shown where notes are
assert log =~ /MyLoss\.java:\[11,1[78]\] (Note: )?\[LogOfSoftmax\]/ : "the LogOfSoftmax note is missing:\n" + log
assert log.contains('release 25') : "the jdk25 build must compile with JDK 25's javac:\n" + log
assert log.findAll('BUILD SUCCESS').size() == 5 : "builds 1-3, 5 and 7 must pass:\n" + log
// only the plugin gets severity=LogOfSoftmax=warning: this warning is the plugin's
assert log =~ /\[WARNING\] \S*MyLoss\.java:\[11,1[78]\] \[LogOfSoftmax\]/ : "the plugin build must report through the plugin:\n" + log
assert log.findAll('BUILD FAILURE').size() == 2 : "nanlint.werror=true must fail build 4, strict.properties build 6:\n" + log
assert builds[3].contains('BUILD FAILURE') && builds[5].contains('BUILD FAILURE') : "builds 4 and 6 must fail:\n" + log
// 6: severity.UnguardedLog = error in the configuration file, and the default failOn=error: the findings are errors
assert builds[5] =~ /\[ERROR\] \S*MyLoss\.java:\[6,18\] \[UnguardedLog\]/ : "strict.properties must make UnguardedLog an error:\n" + builds[5]
// 7: javac -Werror with warningKind=NOTE: the findings are notes ([INFO]) and -Werror does not fail the build
assert builds[6].contains('BUILD SUCCESS') : "build 7 (-Werror, warningKind=NOTE) must pass:\n" + builds[6]
assert builds[6] =~ /\[INFO\] \S*MyLoss\.java:\[6,18\] \[UnguardedLog\]/ : "build 7 must report the finding as a note:\n" + builds[6]
assert !(builds[6] =~ /\[(WARNING|ERROR)\] \S*MyLoss\.java/) : "build 7 must print no warning:\n" + builds[6]
assert new File(basedir, 'target/generated-sources/annotations/org/example/AutoValue_Hyperparameters.java').exists() :
    "AutoValue must have run beside nanlint"
return true
