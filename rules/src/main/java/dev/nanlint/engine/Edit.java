package dev.nanlint.engine;

/**
 * A mechanical fix as a source edit: replace the characters from {@code beginLine:beginColumn} through
 * {@code endLine:endColumn} (1-based, end inclusive, the same convention as {@link Finding}'s range)
 * with {@code replacement}. Columns count characters (UTF-16 code units), a tab is one column, as
 * JavaParser counts them. A rule's edit replaces exactly the flagged node, so {@code replacement} is
 * also the code the finding suggests ("Did you mean ...?").
 */
public record Edit(int beginLine, int beginColumn, int endLine, int endColumn, String replacement) {
  public Edit {
    if (beginLine < 1 || beginColumn < 1 || endLine < beginLine || (endLine == beginLine && endColumn < beginColumn)) {
      throw new IllegalArgumentException("bad edit range " + beginLine + ":" + beginColumn + "-" + endLine + ":" + endColumn);
    }
    if (replacement == null) {
      throw new IllegalArgumentException("an edit needs a replacement");
    }
  }

  /** Character offset in {@code source} of the first replaced character. */
  public int beginOffset(SourceText source) {
    return source.offset(beginLine, beginColumn);
  }

  /** Character offset in {@code source} just after the last replaced character. */
  public int endOffset(SourceText source) {
    return source.offset(endLine, endColumn) + 1;
  }
}
