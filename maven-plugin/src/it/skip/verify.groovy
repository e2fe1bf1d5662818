def log = new File(basedir, 'build.log').text
assert log.contains('nanlint: skipped (nanlint.skip)') : log
assert log.contains('BUILD SUCCESS') : log
assert !log.contains('[UnguardedLog]') && !log.contains('files scanned') : log
assert !new File(basedir, 'target/nanlint.sarif').exists() : 'a skipped check writes no report'
return true
