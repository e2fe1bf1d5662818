package dev.nanlint.cli;

import dev.nanlint.engine.Edits;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u} format, 3 lines of context) of the changes {@code --fix} would make,
 * built from the edits themselves rather than by comparing texts: the changed lines are exactly the
 * lines the edits touch. Lines keep their own terminators (a CRLF file's diff carries CRLF, so
 * {@code patch -p0} applies it); a last line without a terminator gets "\ No newline at end of file".
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;
  private static final String NO_NEWLINE = "\\ No newline at end of file\n";

  private UnifiedDiff() {}

  /** The diff of {@code result} for the file shown as {@code path}; empty when nothing changed. */
  static String of(String path, Edits.Result result) {
    if (!result.changed()) {
      return "";
    }
    Lines old = new Lines(result.original());
    List<Region> regions = regions(old, result.changes());
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(path).append('\n');
    out.append("+++ ").append(path).append('\n');
    int delta = 0; // new line number minus old line number, before the current hunk
    int i = 0;
    while (i < regions.size()) {
      int j = i;
      while (j + 1 < regions.size() && regions.get(j + 1).first - regions.get(j).last - 1 <= 2 * CONTEXT) {
        j++;
      }
      int start = Math.max(0, regions.get(i).first - CONTEXT);
      int end = Math.min(old.count() - 1, regions.get(j).last + CONTEXT);
      int oldCount = end - start + 1;
      int growth = 0;
      for (int k = i; k <= j; k++) {
        growth += regions.get(k).added.size() - (regions.get(k).last - regions.get(k).first + 1);
      }
      int newCount = oldCount + growth;
      out.append("@@ -").append(range(start + 1, oldCount)).append(" +").append(range(start + 1 + delta, newCount))
          .append(" @@\n");
      int line = start;
      for (int k = i; k <= j; k++) {
        Region r = regions.get(k);
        for (; line < r.first; line++) {
          line(out, ' ', old.line(line));
        }
        for (int l = r.first; l <= r.last; l++) {
          line(out, '-', old.line(l));
        }
        for (String added : r.added) {
          line(out, '+', added);
        }
        line = r.last + 1;
      }
      for (; line <= end; line++) {
        line(out, ' ', old.line(line));
      }
      delta += growth;
      i = j + 1;
    }
    return out.toString();
  }

  /** "start,count", or the line before an empty range, as diff writes it. */
  private static String range(int start, int count) {
    return count == 0 ? (start - 1) + ",0" : start + "," + count;
  }

  private static void line(StringBuilder out, char prefix, String text) {
    out.append(prefix).append(text);
    if (!text.endsWith("\n")) {
      out.append('\n').append(NO_NEWLINE);
    }
  }

  /** Old lines {@code first..last} (0-based, inclusive) become {@code added}. */
  private record Region(int first, int last, List<String> added) {}

  /**
   * Groups the changes by the lines they touch: changes on the same or adjacent lines make one region,
   * so a block of changed lines reads as its old lines, then its new lines.
   */
  private static List<Region> regions(Lines old, List<Edits.Change> changes) {
    List<Region> regions = new ArrayList<>();
    int k = 0;
    while (k < changes.size()) {
      int first = old.lineOf(changes.get(k).begin());
      int last = old.lineOf(changes.get(k).end() - 1);
      int m = k + 1;
      while (m < changes.size() && old.lineOf(changes.get(m).begin()) <= last + 1) { // on the same or the next line
        last = Math.max(last, old.lineOf(changes.get(m).end() - 1));
        m++;
      }
      int from = old.start(first);
      int to = old.end(last);
      StringBuilder replaced = new StringBuilder();
      int copied = from;
      for (Edits.Change c : changes.subList(k, m)) {
        replaced.append(old.text, copied, c.begin()).append(c.replacement());
        copied = c.end();
      }
      replaced.append(old.text, copied, to);
      regions.add(new Region(first, last, new Lines(replaced.toString()).all()));
      k = m;
    }
    return regions;
  }

  /** A text split into lines that keep their terminators (\n, \r\n or \r). */
  private static final class Lines {
    final String text;
    final List<Integer> starts = new ArrayList<>();

    Lines(String text) {
      this.text = text;
      if (!text.isEmpty()) {
        starts.add(0);
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
        if (lineBreak && i + 1 < text.length()) {
          starts.add(i + 1);
        }
      }
    }

    int count() {
      return starts.size();
    }

    int start(int line) {
      return starts.get(line);
    }

    int end(int line) {
      return line + 1 < starts.size() ? starts.get(line + 1) : text.length();
    }

    String line(int line) {
      return text.substring(start(line), end(line));
    }

    List<String> all() {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < count(); i++) {
        lines.add(line(i));
      }
      return lines;
    }

    int lineOf(int offset) {
      int lo = 0;
      int hi = starts.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (starts.get(mid) <= offset) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }
  }
}
