package dev.nanlint.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A source file's text with a line index. Line breaks are \n, \r\n or \r, as JavaParser counts them,
 * so JavaParser positions convert to character offsets (used to find the same spot in javac's tree).
 */
public final class SourceText {
  private final String text;
  private final int[] lineStarts;

  public SourceText(String text) {
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The text of a 1-based line without its terminator; empty when out of range. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Character offset of a 1-based line and column. */
  public int offset(int line, int column) {
    int index = Math.max(0, Math.min(line, lineStarts.length) - 1);
    return Math.min(text.length(), lineStarts[index] + Math.max(0, column - 1));
  }
}
