// Runs after the build of invoker.properties; build.log holds its output.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'exp-literal-rule/target/exp-literal-rule-1.0.jar').exists() : "the plain rule jar is missing:\n" + log
assert new File(basedir, 'exp-literal-rule/target/exp-literal-rule-1.0-processor.jar').exists() : "the relocated rule jar is missing:\n" + log
assert log =~ /Scaling\.java:\[6,\d+\] \[ExpOfLargeLiteral\] Math\.exp\(800\.0\) is Infinity/ :
    "the custom rule's finding is missing:\n" + log
assert !(log =~ /Scaling\.java:\[10,\d+\] \[ExpOfLargeLiteral\]/) : "exp(700) is finite and must not warn:\n" + log
assert log =~ /Scaling\.java:\[14,\d+\] \[NaNEquality\]/ : "the built-in rules must still run beside the custom one:\n" + log
assert !log.contains('nanlint: rule ExpOfLargeLiteral failed') : "the custom rule failed:\n" + log
assert log.contains('BUILD SUCCESS') : "the build must pass:\n" + log
return true
