package dev.nanlint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLookupTest {
  @TempDir
  Path dir;

  @Test
  void theModulesOwnFileComesFirst() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path module = Files.createDirectories(root.resolve("module"));
    Files.writeString(root.resolve("nanlint.properties"), "");
    Files.writeString(module.resolve("nanlint.properties"), "");
    assertEquals(module.resolve("nanlint.properties"), ConfigLookup.find(module(module, project(root)), null));
  }

  @Test
  void aModuleFindsTheFileOfItsParentProject() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path module = Files.createDirectories(root.resolve("modules/module"));
    Files.writeString(root.resolve("nanlint.properties"), "");
    assertEquals(root.resolve("nanlint.properties"), ConfigLookup.find(module(module, project(root)), null));
  }

  @Test
  void nothingAboveTheTopOfTheBuildIsRead() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path module = Files.createDirectories(root.resolve("module"));
    Files.writeString(dir.resolve("nanlint.properties"), ""); // belongs to some other project
    assertNull(ConfigLookup.find(module(module, project(root)), null));
    assertNull(ConfigLookup.find(project(module), null));
  }

  @Test
  void aParentPomOutsideTheModulesDirectoriesIsIgnored() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("repository/parent"));
    Path module = Files.createDirectories(dir.resolve("project"));
    Files.writeString(elsewhere.resolve("nanlint.properties"), "");
    Files.writeString(dir.resolve("nanlint.properties"), "");
    assertNull(ConfigLookup.find(module(module, project(elsewhere)), null));
  }

  @Test
  void theBuildRootIsTheHighestParentOnDisk() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path middle = Files.createDirectories(root.resolve("group"));
    Path module = Files.createDirectories(middle.resolve("module"));
    assertEquals(root, ConfigLookup.buildRoot(module(module, module(middle, project(root))), null));
    assertEquals(module, ConfigLookup.buildRoot(project(module), null));
  }

  private static MavenProject project(Path directory) {
    MavenProject project = new MavenProject();
    project.setFile(directory.resolve("pom.xml").toFile());
    return project;
  }

  private static MavenProject module(Path directory, MavenProject parent) {
    MavenProject project = project(directory);
    project.setParent(parent);
    return project;
  }
}
