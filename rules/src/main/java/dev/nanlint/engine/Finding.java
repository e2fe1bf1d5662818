package dev.nanlint.engine;

/**
 * One reported problem. Positions are 1-based; {@code endLine/endColumn} point at the last character
 * of the flagged expression. {@code sourceLine} is the text of {@code line}, for reports and baselines.
 * {@code fix} is the hint shown to people (code or advice); {@code edit} is the mechanical fix that
 * {@code nanlint --fix} applies, or null when the fix needs a person's judgement.
 */
public record Finding(
    String rule,
    Severity severity,
    String path,
    int line,
    int column,
    int endLine,
    int endColumn,
    String message,
    String fix,
    String sourceLine,
    Edit edit) {

  /** A finding without a mechanical fix. */
  public Finding(String rule, Severity severity, String path, int line, int column, int endLine, int endColumn,
      String message, String fix, String sourceLine) {
    this(rule, severity, path, line, column, endLine, endColumn, message, fix, sourceLine, null);
  }

  public boolean hasEdit() {
    return edit != null;
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(rule, newSeverity, path, line, column, endLine, endColumn, message, fix, sourceLine, edit);
  }

  public Finding withEdit(Edit newEdit) {
    return new Finding(rule, severity, path, line, column, endLine, endColumn, message, fix, sourceLine, newEdit);
  }
}
