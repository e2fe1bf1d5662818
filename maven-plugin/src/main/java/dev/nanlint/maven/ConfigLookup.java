package dev.nanlint.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Finds the nanlint.properties a module uses when none is named: the one in the module's directory,
 * else the nearest one above it, up to the top of the build. So a multi-module project keeps one file
 * at its root, and a module can still have its own.
 */
final class ConfigLookup {
  static final String FILE_NAME = "nanlint.properties";

  private ConfigLookup() {}

  /** The nearest nanlint.properties, or null when there is none up to the top of the build. */
  static Path find(MavenProject project, MavenSession session) {
    Path module = project.getBasedir().toPath().toAbsolutePath().normalize();
    Path top = buildRoot(project, session);
    for (Path dir = module; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      if (dir.equals(top)) {
        break;
      }
    }
    return null;
  }

  /**
   * The top of the module's build, where nanlint.properties lookups stop and which report paths are
   * relative to: the highest directory above the module that still belongs to its build, the top-level project's,
   * the multi-module project directory (where .mvn is), or that of the highest parent POM on disk (a
   * module built on its own, {@code cd module && mvn verify}, still finds the file at the root). Never a
   * directory that does not contain the module.
   */
  static Path buildRoot(MavenProject project, MavenSession session) {
    Path module = project.getBasedir().toPath().toAbsolutePath().normalize();
    List<File> candidates = new ArrayList<>();
    if (session != null) {
      if (session.getTopLevelProject() != null) {
        candidates.add(session.getTopLevelProject().getBasedir());
      }
      if (session.getRequest() != null) {
        candidates.add(session.getRequest().getMultiModuleProjectDirectory());
      }
    }
    for (MavenProject parent = project.getParent(); parent != null; parent = parent.getParent()) {
      if (parent.getFile() != null) { // a parent POM from a repository has no directory of its own here
        candidates.add(parent.getBasedir());
      }
    }
    Path top = module;
    for (File candidate : candidates) {
      if (candidate == null) {
        continue;
      }
      Path dir = candidate.toPath().toAbsolutePath().normalize();
      if (top.startsWith(dir)) {
        top = dir;
      }
    }
    return top;
  }
}
