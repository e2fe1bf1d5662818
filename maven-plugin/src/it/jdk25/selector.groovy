// run this build only where Temurin 25 is installed (jdk25.home in the parent POM, -Djdk25.home=... to move it)
return new File(jdk25Home, 'bin/java').isFile()
