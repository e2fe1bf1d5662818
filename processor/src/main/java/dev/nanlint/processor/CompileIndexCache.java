package dev.nanlint.processor;

import com.github.javaparser.ast.CompilationUnit;
import dev.nanlint.analysis.index.FileRecord;
import dev.nanlint.analysis.index.IndexCache;
import dev.nanlint.analysis.index.ProjectIndex;
import dev.nanlint.engine.Linter;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The project index between compiles, for one class output directory (issue 15, item 2): an incremental
 * compile (an IDE saving one file, Gradle, Maven compiling only the stale files) adds to its index the
 * declarations of the files the last compiles saw and this one does not compile, so a call into them
 * resolves as in a full compile. The files of this compile win; the file written at the end keeps the
 * others' entries, so the next incremental compile sees them too.
 *
 * <p>The cache is {@code nanlint-index/<class output name>.cache} beside the class output directory
 * ({@code target/nanlint-index/classes.cache}), not inside it, so it never ends up in the project's jar. It
 * is written directly, not through the Filer: it is nothing javac or Gradle should know as generated
 * (Gradle's isolating contract is about generated files; this processor generates none). An entry whose
 * file changed since (size or modification time) is read again from disk; one whose file is gone is
 * dropped. A cache that does not read, or another nanlint's, is ignored: the files outside the compile are
 * then unknown, as without a cache. Nothing here throws.
 */
final class CompileIndexCache {
  private final Path file;
  private final String version;
  /** The entries of the earlier compiles for files this compile does not compile; null until loaded. */
  private Map<String, IndexCache.Entry> earlier;
  /** Why the cache was not used, for a note; null when it was (or there was none). */
  private String problem;
  private boolean otherVersion;

  private CompileIndexCache(Path file, String version) {
    this.file = file;
    this.version = version;
  }

  /** The cache in {@code file} ({@code nanlint.indexCache}). */
  static CompileIndexCache at(Path file) {
    return new CompileIndexCache(file.toAbsolutePath().normalize(), version());
  }

  /** The cache for the class output directory {@code classOutput}; empty when it has no parent. */
  static Optional<CompileIndexCache> forClassOutput(Path classOutput) {
    Path dir = classOutput.toAbsolutePath().normalize();
    if (dir.getParent() == null || dir.getFileName() == null) {
      return Optional.empty();
    }
    return Optional.of(new CompileIndexCache(dir.getParent().resolve("nanlint-index")
        .resolve(dir.getFileName() + ".cache"), version()));
  }

  /**
   * The class output directory javac writes to ({@code -d}), when it is a directory on disk: found through
   * javac's Filer, which only says where a resource of a package would be (nothing is opened or created).
   * Without {@code -d} javac puts class files beside the sources and names such a resource by its file name
   * alone: no cache then.
   */
  static Optional<Path> classOutput(Filer filer) {
    try {
      FileObject probe = filer.getResource(StandardLocation.CLASS_OUTPUT, "nanlint.probe", "index");
      URI uri = probe.toUri();
      if (!"file".equals(uri.getScheme())) {
        return Optional.empty(); // an in-memory file manager
      }
      Path path = Path.of(uri);
      return path.endsWith(Path.of("nanlint", "probe", "index")) && path.getNameCount() > 3
          ? Optional.of(path.getParent().getParent().getParent()) : Optional.empty();
    } catch (IOException | RuntimeException e) { // a module-oriented output, a file manager that refuses
      return Optional.empty();
    }
  }

  Path file() {
    return file;
  }

  /**
   * Adds to {@code index} the files of the earlier compiles that this one does not compile ({@code compiled}:
   * their absolute paths). Once per compile; returns how many were added.
   */
  int addEarlierFiles(ProjectIndex index, Set<Path> compiled) {
    if (earlier != null) {
      return 0;
    }
    earlier = new LinkedHashMap<>();
    Map<String, IndexCache.Entry> cached;
    try {
      cached = IndexCache.read(file, version);
    } catch (IndexCache.Unusable e) {
      if (e.getMessage() != null && e.getMessage().startsWith("written by another nanlint version")) {
        otherVersion = true;
      } else {
        problem = "ignored the index cache " + file + " (" + e.getMessage() + "); it is written again at the end";
      }
      return 0;
    }
    for (IndexCache.Entry entry : cached.values()) {
      try {
        Path path = Path.of(entry.record().path());
        if (compiled.contains(path)) {
          continue; // this compile's own record wins
        }
        Optional<IndexCache.Stamp> now = IndexCache.Stamp.of(path);
        if (now.isEmpty()) {
          continue; // the file is gone: so is what it declared
        }
        IndexCache.Entry current = now.get().equals(entry.stamp()) ? entry : readAgain(path, now.get());
        if (current != null) {
          earlier.put(current.record().path(), current);
          index.add(current.record());
        }
      } catch (RuntimeException e) { // a path this system cannot take: that file stays unknown
        // next entry
      }
    }
    return earlier.size();
  }

  /** A file changed since it was recorded and not compiled now: its declarations as they are on disk. */
  private static IndexCache.Entry readAgain(Path path, IndexCache.Stamp stamp) {
    String text = text(path);
    CompilationUnit unit = text == null ? null : Linter.parse(text).orElse(null);
    return unit == null ? null : new IndexCache.Entry(FileRecord.of(path.toString(), unit), stamp);
  }

  /** The text of a file of an earlier compile (a callee the second pass summarises); null when it is not one. */
  String textOf(String path) {
    return earlier != null && earlier.containsKey(path) ? text(Path.of(path)) : null;
  }

  /** UTF-8 (the encoding of nearly every build); a file in another encoding stays unknown. */
  private static String text(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) { // gone, unreadable, or not UTF-8
      return null;
    }
  }

  /**
   * Writes the index of this compile, whose files are {@code compiled} (index name to absolute path, with
   * the stamp each had before javac read it), and the earlier entries this compile did not replace.
   */
  void write(ProjectIndex index, Map<String, Path> compiled, Map<String, IndexCache.Stamp> stamps) {
    addEarlierFiles(index, new HashSet<>(compiled.values())); // an unusable cache is replaced by this compile's
    List<IndexCache.Entry> entries = new ArrayList<>();
    compiled.forEach((name, path) -> {
      FileRecord record = index.file(name);
      IndexCache.Stamp stamp = stamps.get(name);
      if (record != null && stamp != null) {
        entries.add(new IndexCache.Entry(record.withPath(path.toString()), stamp));
      }
    });
    entries.addAll(earlier.values());
    try {
      IndexCache.write(file, version, entries);
    } catch (IOException | RuntimeException e) {
      problem = "could not write the index cache " + file + " (" + e + "); the next incremental compile will"
          + " not see the files it does not compile";
    }
  }

  /** Why the cache was not read or written, for a note; null when all went well. */
  String problem() {
    return problem;
  }

  boolean wasFromAnotherVersion() {
    return otherVersion;
  }

  /**
   * The version a cache must match: the processor jar's name, size and modification time, so another
   * nanlint (a new snapshot included) does not read the records this one wrote. Classes in a directory
   * (nanlint's own tests) have no such stamp; {@link IndexCache}'s format number still applies.
   */
  private static String version() {
    try {
      CodeSource source = CompileIndexCache.class.getProtectionDomain().getCodeSource();
      Path jar = source == null ? null : Path.of(source.getLocation().toURI());
      if (jar == null || !Files.isRegularFile(jar)) {
        return "classes";
      }
      return jar.getFileName() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }
}
