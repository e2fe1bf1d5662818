package dev.nanlint.analysis.index;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The project index kept between compiles (issue 15, item 2): the {@link FileRecord} of every file of the
 * last compiles, with the size and modification time the file had when it was read, so an incremental compile
 * (an IDE saving one file) still resolves calls into the files it does not compile. Declarations only, no
 * AST and no summary: a callee's summary is computed from its text on disk, as in a full compile.
 *
 * <p>A text file, one record a line, fields separated by tabs (escaped in values). The first line names the
 * format and the version of nanlint that wrote it; anything else (another version, a line that does not
 * read) makes {@link #read} throw, and the caller ignores the cache: the cache can only add what a full
 * compile would know.
 */
public final class IndexCache {
  /** Bumped whenever {@link FileRecord} or this format changes. */
  private static final String FORMAT = "nanlint-index-cache 1";

  private IndexCache() {
  }

  /** A file as the last compile saw it: its record, and the size and modification time it was read at. */
  public record Entry(FileRecord record, Stamp stamp) {}

  /** What tells a file changed without reading it: size and modification time (nanoseconds). */
  public record Stamp(long size, long modified) {
    /** The file's stamp now; empty when it is gone or cannot be read. */
    public static Optional<Stamp> of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.isRegularFile() ? Optional.of(new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)))
            : Optional.empty();
      } catch (IOException | SecurityException e) {
        return Optional.empty();
      }
    }
  }

  /** A cache that cannot be used: corrupt, from another version, or unreadable. The message says which. */
  public static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message);
    }
  }

  /**
   * The entries of {@code file}, by path (absolute, as written); empty when there is no such file.
   *
   * @param version the version of nanlint reading it: a cache another version wrote is {@link Unusable}
   */
  public static Map<String, Entry> read(Path file, String version) throws Unusable {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !header.equals(header(version))) {
        throw new Unusable("written by another nanlint version (" + (header == null ? "empty" : header) + ")");
      }
      return new Parser(in).entries();
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException | RuntimeException e) { // an unreadable file, a line that does not read
      throw new Unusable(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** Writes {@code entries} to {@code file} (a temporary file beside it, then moved over it). */
  public static void write(Path file, String version, Collection<Entry> entries) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        out.write(header(version));
        out.write('\n');
        for (Entry e : entries) {
          write(out, e);
        }
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String header(String version) {
    return FORMAT + "\t" + escape(version);
  }

  private static void write(BufferedWriter out, Entry entry) throws IOException {
    FileRecord r = entry.record();
    line(out, "file", r.path(), Long.toString(entry.stamp().size()), Long.toString(entry.stamp().modified()),
        r.packageName());
    for (Map.Entry<String, String> i : new java.util.TreeMap<>(r.singleImports()).entrySet()) {
      line(out, "import", i.getKey(), i.getValue());
    }
    for (String w : r.wildcardImports()) {
      line(out, "wildcard", w);
    }
    for (Map.Entry<String, String> i : new java.util.TreeMap<>(r.staticImports()).entrySet()) {
      line(out, "static", i.getKey(), i.getValue());
    }
    for (String w : r.staticWildcards()) {
      line(out, "staticWildcard", w);
    }
    for (ClassRecord c : r.classes()) {
      line(out, "class", c.qualifiedName(), c.simpleName(), c.superclass(), flag(c.isFinal()), flag(c.isInterface()));
      for (MethodRecord m : c.methods()) {
        List<String> fields = new ArrayList<>(List.of("method", m.name(), m.returnType(), flag(m.isStatic()),
            flag(m.isPrivate()), flag(m.isFinal()), flag(m.hasBody()), flag(m.varargs()), Integer.toString(m.line())));
        fields.addAll(m.parameterTypes());
        line(out, fields.toArray(String[]::new));
      }
    }
    for (OperandCall call : r.operandCalls()) {
      line(out, "call", call.kind().name(), call.type(), call.name(), Integer.toString(call.arity()));
    }
  }

  private static String flag(boolean b) {
    return b ? "1" : "0";
  }

  private static void line(BufferedWriter out, String... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write('\t');
      }
      out.write(i == 0 ? fields[i] : escape(fields[i]));
    }
    out.write('\n');
  }

  /** Tabs, line ends and backslashes in a value (a path, a type as written) as {@code \t}, {@code \n}, {@code \r}, {@code \\}. */
  private static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i == value.length()) {
        throw new IllegalArgumentException("a value ends with a lone backslash");
      }
      out.append(switch (value.charAt(i)) {
        case '\\' -> '\\';
        case 't' -> '\t';
        case 'n' -> '\n';
        case 'r' -> '\r';
        default -> throw new IllegalArgumentException("unknown escape \\" + value.charAt(i));
      });
    }
    return out.toString();
  }

  /** Reads the records after the header; any line that does not read throws (the whole cache is then ignored). */
  private static final class Parser {
    private final BufferedReader in;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private int lineNumber = 1;
    // the file being read
    private String path;
    private Stamp stamp;
    private String packageName;
    private Map<String, String> singleImports;
    private List<String> wildcards;
    private Map<String, String> staticImports;
    private List<String> staticWildcards;
    private List<ClassRecord> classes;
    private Set<OperandCall> calls;
    // the class being read
    private String[] classFields;
    private List<MethodRecord> methods;

    Parser(BufferedReader in) {
      this.in = in;
    }

    Map<String, Entry> entries() throws IOException {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        try {
          read(line.split("\t", -1));
        } catch (NumberFormatException e) {
          throw bad("not a number: " + e.getMessage());
        }
      }
      endFile();
      return entries;
    }

    private void read(String[] f) {
      for (int i = 1; i < f.length; i++) {
        f[i] = unescape(f[i]);
      }
      if (!f[0].equals("file") && path == null) {
        throw bad("a " + f[0] + " line before any file line");
      }
      switch (f[0]) {
        case "file" -> {
          endFile();
          fields(f, 5);
          path = f[1];
          stamp = new Stamp(Long.parseLong(f[2]), Long.parseLong(f[3]));
          packageName = f[4];
          singleImports = new HashMap<>();
          wildcards = new ArrayList<>();
          staticImports = new HashMap<>();
          staticWildcards = new ArrayList<>();
          classes = new ArrayList<>();
          calls = new HashSet<>();
        }
        case "import" -> singleImports.put(fields(f, 3)[1], f[2]);
        case "wildcard" -> wildcards.add(fields(f, 2)[1]);
        case "static" -> staticImports.put(fields(f, 3)[1], f[2]);
        case "staticWildcard" -> staticWildcards.add(fields(f, 2)[1]);
        case "class" -> {
          endClass();
          classFields = fields(f, 6);
          methods = new ArrayList<>();
        }
        case "method" -> {
          if (classFields == null) {
            throw bad("a method line outside a class");
          }
          if (f.length < 9) {
            throw bad("a method line with " + f.length + " fields");
          }
          methods.add(new MethodRecord(f[1], List.copyOf(List.of(f).subList(9, f.length)), f[2], bool(f[3]), bool(f[4]),
              bool(f[5]), bool(f[6]), bool(f[7]), Integer.parseInt(f[8])));
        }
        case "call" -> calls.add(new OperandCall(OperandCall.Kind.valueOf(fields(f, 5)[1]), f[2], f[3],
            Integer.parseInt(f[4])));
        default -> throw bad("an unknown line '" + f[0] + "'");
      }
    }

    private void endClass() {
      if (classFields != null) {
        String[] c = classFields;
        classes.add(new ClassRecord(c[1], c[2], c[3], bool(c[4]), bool(c[5]), List.copyOf(methods)));
        classFields = null;
      }
    }

    private void endFile() {
      if (path == null) {
        return;
      }
      endClass();
      FileRecord r = new FileRecord(path, packageName, Map.copyOf(singleImports), List.copyOf(wildcards),
          Map.copyOf(staticImports), List.copyOf(staticWildcards), List.copyOf(classes), Set.copyOf(calls));
      entries.put(path, new Entry(r, stamp));
      path = null;
    }

    private String[] fields(String[] f, int count) {
      if (f.length != count) {
        throw bad("a " + f[0] + " line with " + f.length + " fields, not " + count);
      }
      return f;
    }

    private boolean bool(String s) {
      return switch (s) {
        case "1" -> true;
        case "0" -> false;
        default -> throw bad("'" + s + "' is not 0 or 1");
      };
    }

    private IllegalArgumentException bad(String problem) {
      return new IllegalArgumentException("line " + lineNumber + ": " + problem);
    }
  }
}
