package dev.nanlint.cli;

import dev.nanlint.engine.InputError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds the .java files under the given paths (skipping build output) and reads them strictly. */
public final class SourceFiles {
  /**
   * Directories that hold tool state or generated code, never sources to lint. None is a possible
   * Java package name but {@code node_modules}, which no Java project uses as one.
   */
  private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", ".git", ".gradle", ".idea", ".mvn",
      "generated-sources", "generated-test-sources");

  /**
   * Names build tools give their output directories. Each is also a legal package name
   * ({@code org.encog.util.normalize.target}), so such a directory is skipped only when it is build
   * output: see {@link #isBuildOutput}.
   */
  private static final Set<String> OUTPUT_NAMES = Set.of("target", "build", "out", "bin");

  /** Files that make a directory a Maven, Gradle or Ant project, whose output sits beside them. */
  private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts",
      "settings.gradle", "settings.gradle.kts", "build.xml");

  /**
   * Entries only a build tool writes into its output directory (Maven's, Gradle's test results). None is
   * a Java identifier, so no source package can contain one.
   */
  private static final List<String> OUTPUT_MARKERS = List.of("maven-status", "maven-archiver",
      "generated-sources", "generated-test-sources", "test-classes", "surefire-reports", "failsafe-reports",
      "test-results");

  /** The directory paths in reports are relative to (when a file lies under it). */
  private static final Path WORKING_DIRECTORY = Path.of("").toAbsolutePath();

  /** Runs just before a listed file is read; tests use it to delete or replace the file "mid-scan". */
  static volatile BeforeRead beforeRead = file -> { };

  interface BeforeRead {
    void accept(Path file) throws IOException;
  }

  /** The file was read but is not lintable Java source (binary, wrong encoding); its message says why. */
  static final class NotSource extends IOException {
    NotSource(String message) {
      super(message);
    }
  }

  private SourceFiles() {}

  /**
   * How reports name a file: relative to the working directory when the file lies under it (however
   * PATH was written), else as given. CI runs from the checkout root, so GitHub annotations, SARIF and
   * baselines get the same repository-relative path on every machine.
   */
  public static String display(Path file) {
    return display(file, WORKING_DIRECTORY);
  }

  /** How reports name a file: relative to {@code base} when the file lies under it, else as given. */
  public static String display(Path file, Path base) {
    Path absolute = file.toAbsolutePath().normalize();
    Path root = base.toAbsolutePath().normalize();
    if (absolute.startsWith(root) && !absolute.equals(root)) {
      return root.relativize(absolute).toString();
    }
    return file.toString();
  }

  /**
   * Every .java file under {@code roots}, sorted, minus those matching an exclude glob (matched against
   * the path relative to its root, e.g. {@code **}{@code /generated/**}); missing or unreadable roots are
   * added to {@code errors}. Symbolic links are not followed.
   */
  public static List<Path> find(List<Path> roots, List<String> excludeGlobs, List<InputError> errors) {
    List<PathMatcher> excludes = excludeGlobs.stream()
        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        errors.add(new InputError(display(root), 0, 0, "no such file or directory"));
      } else if (!Files.exists(root)) {
        errors.add(new InputError(display(root), 0, 0, "no such file or directory (a symbolic link to a missing target)"));
      } else if (Files.isRegularFile(root)) {
        files.add(root.normalize());
      } else if (Files.isDirectory(root)) {
        walk(root, files, excludes, errors);
      } else {
        errors.add(new InputError(display(root), 0, 0, "not a regular file or directory"));
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
          // a directory the user named is scanned, whatever its name: they asked for it
          boolean skip = !dir.equals(root)
              && (SKIPPED_DIRS.contains(name) || isBuildOutput(dir, name) || excluded(root, dir, excludes));
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
          errors.add(new InputError(display(file), 0, 0, cannotRead(file, e)));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      errors.add(new InputError(display(root), 0, 0, cannotRead(root, e)));
    }
  }

  /**
   * True for a directory named like build output ({@code target}, {@code build}, {@code out}, {@code bin})
   * that is build output: it sits beside a build file ({@code pom.xml}, {@code build.gradle[.kts]},
   * {@code settings.gradle[.kts]}, {@code build.xml}), or holds an entry only a build tool writes
   * ({@code maven-status}, {@code generated-sources}, {@code test-classes}, ...; for a Gradle subproject
   * without a build file of its own). A package directory {@code .../normalize/target} under
   * {@code src/main/java} has neither, and is scanned.
   */
  static boolean isBuildOutput(Path dir, String name) {
    if (!OUTPUT_NAMES.contains(name)) {
      return false;
    }
    Path parent = dir.getParent();
    if (parent != null && BUILD_FILES.stream().anyMatch(f -> Files.isRegularFile(parent.resolve(f)))) {
      return true;
    }
    return OUTPUT_MARKERS.stream().anyMatch(m -> Files.exists(dir.resolve(m), LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * The file's text. Throws {@link NotSource} when it is not lintable Java source, another
   * IOException when it cannot be read (see {@link #cannotRead}).
   */
  static String read(Path file, Charset charset) throws IOException {
    beforeRead.accept(file);
    return decode(Files.readAllBytes(file), charset);
  }

  /** Charsets that read bytes 1-127 as ASCII, so an all-ASCII file needs no decoding. */
  private static final java.util.Set<Charset> ASCII_SUPERSETS = java.util.Set.of(StandardCharsets.UTF_8,
      StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);

  /** The text of a file's bytes, or an exception whose message says why it is not lintable Java source. */
  static String decode(byte[] bytes, Charset charset) throws IOException {
    boolean ascii = true;
    for (byte b : bytes) {
      if (b == 0) {
        throw new NotSource("binary file (contains NUL bytes), skipped");
      }
      ascii &= b > 0;
    }
    if (ascii && ASCII_SUPERSETS.contains(charset)) {
      return new String(bytes, StandardCharsets.ISO_8859_1); // the same text, without the strict decoder's cost
    }
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new NotSource("not valid " + charset.name() + " text (use --encoding), skipped");
    }
  }

  /**
   * Why {@code file} could not be read, in words: it may have been deleted, replaced or locked
   * between the listing and the read, and that is an input error, not an internal one.
   */
  static String cannotRead(Path file, IOException e) {
    if (e instanceof NotSource) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory (deleted or moved during the scan?)";
    }
    if (e instanceof AccessDeniedException) {
      return "cannot read: permission denied";
    }
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      return "cannot read: it is a directory, not a file (replaced during the scan?)";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return "cannot read: " + fs.getReason();
    }
    return "cannot read: " + describe(e);
  }

  static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName().replace("Exception", "") + (message == null ? "" : ": " + message);
  }
}
