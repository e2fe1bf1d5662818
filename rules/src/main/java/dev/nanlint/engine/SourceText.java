package dev.nanlint.engine;

import com.github.javaparser.Position;
import java.util.Arrays;

/**
 * A source file's text with a line index. Line breaks are \n, \r\n or \r, as JavaParser counts them,
 * so JavaParser positions convert to character offsets (used to find the same spot in javac's tree).
 */
public final class SourceText {
  private final String text;
  private int[] lineStarts; // on first use: most files have no finding and never need it

  public SourceText(String text) {
    this.text = text;
  }

  private int[] lineStarts() {
    if (lineStarts != null) {
      return lineStarts;
    }
    int[] starts = new int[64];
    int count = 1; // starts[0] = 0
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    lineStarts = Arrays.copyOf(starts, count);
    return lineStarts;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts().length;
  }

  /** The text of a 1-based line without its terminator; empty when out of range. */
  public String line(int line) {
    int[] lineStarts = lineStarts();
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

  /** The 1-based line and column of a character offset, as JavaParser counts them (a tab is one column). */
  public Position position(int offset) {
    int[] lineStarts = lineStarts();
    int index = Arrays.binarySearch(lineStarts, offset);
    int line = index >= 0 ? index : -index - 2;
    return new Position(line + 1, offset - lineStarts[line] + 1);
  }

  /** Character offset of a 1-based line and column. */
  public int offset(int line, int column) {
    int[] lineStarts = lineStarts();
    int index = Math.max(0, Math.min(line, lineStarts.length) - 1);
    return Math.min(text.length(), lineStarts[index] + Math.max(0, column - 1));
  }
}
