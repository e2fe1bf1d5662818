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
// build 1: a javac error that names the fix
assert log =~ /\[ERROR\] nanlint: cannot load a custom rule: .*ExpOfLargeLiteral.* \(it refers to JavaParser as com\.github\.javaparser, but this nanlint carries it as dev\.nanlint\.shaded\.javaparser: use the rule's jar built for it/ :
    "the unrelocated rule jar must be reported:\n" + log
assert log.findAll('BUILD FAILURE').size() == 1 && log.findAll('BUILD SUCCESS').size() == 1 :
    "the plain jar's build must fail and the relocated jar's pass:\n" + log
return true
