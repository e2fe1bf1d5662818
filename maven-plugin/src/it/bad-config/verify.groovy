// build.log holds both builds
def log = new File(basedir, 'build.log').text
assert log =~ /on project bad-config: nanlint: \S*nanlint\.properties:1: unknown rule 'UnguardedLogg' in disable \(did you mean 'UnguardedLog'\?\)/ :
    "a misspelt rule must stop the build and name the file:\n" + log
assert log =~ /on project bad-config: nanlint: configuration file \S*missing\/nanlint\.properties does not exist/ :
    "a named configuration that is missing must stop the build:\n" + log
assert !log.contains('files scanned') : "nothing may be scanned with a broken configuration:\n" + log
return true
