package dev.nanlint.analysis.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.engine.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index cache's file: what is written reads back equal, and anything else is refused, never half read. */
class IndexCacheTest {
  private static final String SOURCE = """
      package p;
      import java.util.List;
      import java.util.Map;
      import q.*;
      import static java.lang.Math.log;
      import static r.Util.*;

      public final class A extends Base {
        static final class Inner {
          final double half(double x) { return x / 2; }
        }

        public static double mean(double[] xs, Map<String, List<Integer>> unused) {
          return Util.sum(xs) / Counts.of(xs).size() + log(other.total());
        }

        private int hidden(int... xs) { return 0; }

        abstract static class Shape { abstract double area(); }
      }
      """;

  @Test
  void whatIsWrittenReadsBackEqual(@TempDir Path dir) throws Exception {
    FileRecord record = FileRecord.of("/src/p/A.java", Linter.parse(SOURCE).orElseThrow());
    // a path with a tab and a backslash: escaped, not a field separator
    FileRecord odd = FileRecord.of("/src/we\tird\\B.java", Linter.parse("class B { int f() { return 1; } }").orElseThrow());
    Path file = dir.resolve("index.cache");
    List<IndexCache.Entry> entries = List.of(new IndexCache.Entry(record, new IndexCache.Stamp(120, 1_700_000_000_123_456_789L)),
        new IndexCache.Entry(odd, new IndexCache.Stamp(0, 0)));
    IndexCache.write(file, "v1 with spaces", entries);

    Map<String, IndexCache.Entry> read = IndexCache.read(file, "v1 with spaces");
    assertEquals(List.of("/src/p/A.java", "/src/we\tird\\B.java"), List.copyOf(read.keySet()));
    assertEquals(entries.get(0), read.get("/src/p/A.java"));
    assertEquals(entries.get(1), read.get("/src/we\tird\\B.java"));
    // the record is not trivially equal: it holds imports, nested classes, methods and operand calls
    assertEquals(3, record.classes().size());
    assertTrue(record.operandCalls().contains(new OperandCall(OperandCall.Kind.STATIC, "Counts", "of", 1)), record::toString);
    assertEquals(Set.of(), Set.copyOf(Files.list(dir).filter(f -> f.toString().endsWith(".tmp")).toList()));
  }

  @Test
  void noFileIsAnEmptyCache(@TempDir Path dir) throws Exception {
    assertEquals(Map.of(), IndexCache.read(dir.resolve("none.cache"), "v1"));
  }

  @Test
  void anotherVersionOrABadLineIsUnusable(@TempDir Path dir) throws IOException {
    FileRecord record = FileRecord.of("/src/p/A.java", Linter.parse(SOURCE).orElseThrow());
    Path file = dir.resolve("index.cache");
    IndexCache.write(file, "v1", List.of(new IndexCache.Entry(record, new IndexCache.Stamp(1, 2))));
    String text = Files.readString(file);

    assertTrue(assertThrows(IndexCache.Unusable.class, () -> IndexCache.read(file, "v2")).getMessage()
        .startsWith("written by another nanlint version"));
    for (String broken : List.of(
        text.replaceFirst("\nmethod\t", "\nmethod\tx\t"), // shifted fields: a flag that is not 0 or 1
        text.replace("\t1\t2\tp\n", "\tmany\t2\tp\n"), // a size that is not a number
        text.replaceFirst("\ncall\tSTATIC", "\ncall\tSIDEWAYS"),
        text.replaceFirst("\nclass\t", "\nklass\t"),
        text.replace("\nfile\t", "\n"), // records before any file
        text + "method\tm\tdouble\t1\n", // too few fields
        text + "wildcard\ta\\qb\n")) { // an unknown escape
      assertNotEquals(text, broken, "each case breaks something");
      Files.writeString(file, broken);
      assertThrows(IndexCache.Unusable.class, () -> IndexCache.read(file, "v1"), broken);
    }
    Files.write(file, new byte[] {(byte) 0xc3, 0x28, 0x0a});
    assertThrows(IndexCache.Unusable.class, () -> IndexCache.read(file, "v1"));
  }
}
