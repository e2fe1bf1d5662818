// `mvn nanlint:check` finds the plugin through the dev.nanlint group metadata, which lists each plugin's
// prefix. Maven 3.9+ writes it when it installs or deploys a plugin (Maven Central serves it once nanlint is
// published); invoker:install, which put the fresh plugin in this local repository, does not, nor does
// Maven 3.8 with maven-install-plugin 3.x (MNG-7055). So write it here as Maven 3.9's install does, with
// the prefix read from the installed plugin's own descriptor.
import java.util.zip.ZipFile

def pluginDir = new File(localRepositoryPath, 'dev/nanlint/nanlint-maven-plugin')
def jar = pluginDir.listFiles().findAll { it.isDirectory() }
    .collectMany { dir -> dir.listFiles().findAll { it.name.endsWith('.jar') } as List }
    .first()
def descriptor = new ZipFile(jar).withCloseable { zip -> zip.getInputStream(zip.getEntry('META-INF/maven/plugin.xml')).text }
def element = { String name -> (descriptor =~ "<${name}>([^<]+)</${name}>")[0][1] }
new File(localRepositoryPath, 'dev/nanlint/maven-metadata-local.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<metadata>
  <plugins>
    <plugin>
      <name>${element('name')}</name>
      <prefix>${element('goalPrefix')}</prefix>
      <artifactId>${element('artifactId')}</artifactId>
    </plugin>
  </plugins>
</metadata>
"""
return true
