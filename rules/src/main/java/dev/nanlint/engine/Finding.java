package dev.nanlint.engine;

/**
 * One reported problem. Positions are 1-based; {@code endLine/endColumn} point at the last character
 * of the flagged expression. {@code sourceLine} is the text of {@code line}, for reports and baselines.
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
    String sourceLine) {

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(rule, newSeverity, path, line, column, endLine, endColumn, message, fix, sourceLine);
  }
}
