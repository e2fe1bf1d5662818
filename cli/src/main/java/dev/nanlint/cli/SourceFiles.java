package dev.nanlint.cli;

import dev.nanlint.engine.InputError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds the .java files under the given paths (skipping build output) and reads them strictly. */
final class SourceFiles {
  /** Directories that hold build output or tool state, never sources to lint. */
  private static final Set<String> SKIPPED_DIRS = Set.of("target", "build", "out", "node_modules", ".git",
      ".gradle", ".idea", ".mvn", "generated-sources", "generated-test-sources");

  private SourceFiles() {}

  /**
   * Every .java file under {@code roots}, sorted, minus those matching an exclude glob (matched against
   * the path relative to its root, e.g. {@code **}{@code /generated/**}); missing or unreadable roots are
   * added to {@code errors}. Symbolic links are not followed.
   */
  static List<Path> find(List<Path> roots, List<String> excludeGlobs, List<InputError> errors) {
    List<PathMatcher> excludes = excludeGlobs.stream()
        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        errors.add(new InputError(root.toString(), 0, 0, "no such file or directory"));
      } else if (Files.isRegularFile(root)) {
        files.add(root.normalize());
      } else if (Files.isDirectory(root)) {
        walk(root, files, excludes, errors);
      } else {
        errors.add(new InputError(root.toString(), 0, 0, "not a regular file or directory"));
      }
    }
    return files.stream().distinct().sorted().toList();
  }

  private static boolean excluded(Path root, Path file, List<PathMatcher> excludes) {
    Path relative = root.relativize(file);
    return excludes.stream().anyMatch(m -> m.matches(relative) || m.matches(file));
  }

  private static void walk(Path root, List<Path> files, List<PathMatcher> excludes, List<InputError> errors) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          boolean skip = !dir.equals(root) && (SKIPPED_DIRS.contains(name) || excluded(root, dir, excludes));
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java")
              && !excluded(root, file, excludes)) {
            files.add(file.normalize());
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          errors.add(new InputError(file.toString(), 0, 0, "cannot read: " + describe(e)));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      errors.add(new InputError(root.toString(), 0, 0, "cannot read: " + describe(e)));
    }
  }

  /** The file's text, or an exception whose message says why it is not lintable Java source. */
  static String read(Path file, Charset charset) throws IOException {
    return decode(Files.readAllBytes(file), charset);
  }

  /** The text of a file's bytes, or an exception whose message says why it is not lintable Java source. */
  static String decode(byte[] bytes, Charset charset) throws IOException {
    for (byte b : bytes) {
      if (b == 0) {
        throw new IOException("binary file (contains NUL bytes), skipped");
      }
    }
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not valid " + charset.name() + " text (use --encoding), skipped");
    }
  }

  static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName().replace("Exception", "") + (message == null ? "" : ": " + message);
  }
}
