// Runs after the five builds of invoker.properties; build.log holds the output of all five.
def log = new File(basedir, 'build.log').text
// forked javac (the JDK 25 build) is reported by Maven one column to the left of in-process javac
def finding = { int line, String cols -> ~/MyLoss\.java:\[${line},(${cols})\] \[UnguardedLog\] Math\.log\(/ }

// once per build, and twice in the failing build 4 (Maven repeats errors in its summary): 6 in all; more
// would mean the plugin build (5) reported through both the plugin and the processor
assert log.findAll(finding(6, '17|18')).size() == 6 : "Math.log(p) at 6:18 must be reported once by each build:\n" + log
assert log.findAll(finding(6, '41|42')).size() == 6 : "Math.log(1 - p) at 6:42 must be reported once by each build:\n" + log
assert log.contains("Did you mean 'Math.log(Math.max(p, 1e-12))'?") : "the suggested fix is missing:\n" + log
assert !(log =~ /MyLoss\.java:\[1[01],\d+\] \[UnguardedLog\]/) : "the clamped safeLoss must not warn:\n" + log
// LogOfSoftmax is a note on both losses (hand-written cross-entropy, even clamped), shown where notes are
assert log =~ /MyLoss\.java:\[11,1[78]\] (Note: )?\[LogOfSoftmax\]/ : "the LogOfSoftmax note is missing:\n" + log
assert log.contains('release 25') : "the jdk25 build must compile with JDK 25's javac:\n" + log
assert log.findAll('BUILD SUCCESS').size() == 4 : "builds 1-3 and 5 must pass:\n" + log
// only the plugin gets severity=LogOfSoftmax=warning: this warning is the plugin's
assert log =~ /\[WARNING\] \S*MyLoss\.java:\[11,1[78]\] \[LogOfSoftmax\]/ : "the plugin build must report through the plugin:\n" + log
assert log.findAll('BUILD FAILURE').size() == 1 : "nanlint.werror=true must fail build 4:\n" + log
assert new File(basedir, 'target/generated-sources/annotations/org/example/AutoValue_Hyperparameters.java').exists() :
    "AutoValue must have run beside nanlint"
return true
