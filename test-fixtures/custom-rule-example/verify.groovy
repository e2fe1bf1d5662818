// Runs after the two builds of invoker.properties; build.log holds the output of both.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'exp-literal-rule/target/exp-literal-rule-1.0.jar').exists() : "the plain rule jar is missing:\n" + log
assert new File(basedir, 'exp-literal-rule/target/exp-literal-rule-1.0-processor.jar').exists() : "the relocated rule jar is missing:\n" + log
// build 2 only (build 1 runs without nanlint): once
assert log.findAll(/Scaling\.java:\[6,\d+\] \[ExpOfLargeLiteral\] Math\.exp\(800\.0\) is Infinity/).size() == 1 :
    "the custom rule's finding must be reported once:\n" + log
assert !(log =~ /Scaling\.java:\[10,\d+\] \[ExpOfLargeLiteral\]/) : "exp(700) is finite and must not warn:\n" + log
assert log.findAll(/Scaling\.java:\[14,\d+\] \[NaNEquality\]/).size() == 1 : "the built-in rules must run beside the custom one:\n" + log
assert !log.contains('nanlint: rule ExpOfLargeLiteral failed') : "the custom rule failed:\n" + log
// build 1: a clear warning that names the fix, and javac goes on
assert log =~ /nanlint: disabled by a configuration problem: cannot load a custom rule: .*ExpOfLargeLiteral.* \(it refers to JavaParser as com\.github\.javaparser, but this nanlint carries it as dev\.nanlint\.shaded\.javaparser: use the rule's jar built for it/ :
    "the unrelocated rule jar must be reported:\n" + log
assert log.findAll('BUILD SUCCESS').size() == 2 : "both builds must pass:\n" + log
return true
