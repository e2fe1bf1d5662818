package dev.nanlint.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One reported problem. Positions are 1-based; {@code endLine/endColumn} point at the last character
 * of the flagged expression. {@code sourceLine} is the text of {@code line}, for reports and baselines.
 * {@code fix} is the hint shown to people (code or advice); {@code edit} is the mechanical fix that
 * {@code nanlint --fix} applies, or null when the fix needs a person's judgement.
 *
 * <p>When several rules flag the same expression, the engine reports one finding (see
 * {@link SameExpression}): the most severe, whose message and fix carry the others' after
 * {@code "; also [Rule] "}, and whose {@code also} lists the findings it absorbed, as their rules reported
 * them. {@code also} is empty for a finding no other rule shared.
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
    Edit edit,
    List<Finding> also) {

  public Finding {
    also = also == null ? List.of() : List.copyOf(also);
  }

  /** A finding no other rule shared. */
  public Finding(String rule, Severity severity, String path, int line, int column, int endLine, int endColumn,
      String message, String fix, String sourceLine, Edit edit) {
    this(rule, severity, path, line, column, endLine, endColumn, message, fix, sourceLine, edit, List.of());
  }

  /** A finding without a mechanical fix. */
  public Finding(String rule, Severity severity, String path, int line, int column, int endLine, int endColumn,
      String message, String fix, String sourceLine) {
    this(rule, severity, path, line, column, endLine, endColumn, message, fix, sourceLine, null);
  }

  /** Every rule this finding carries: its own first, then those of the findings it absorbed. */
  public List<String> rules() {
    List<String> names = new ArrayList<>(1 + also.size());
    names.add(rule);
    also.forEach(f -> names.add(f.rule()));
    return names;
  }

  public boolean hasEdit() {
    return edit != null;
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(rule, newSeverity, path, line, column, endLine, endColumn, message, fix, sourceLine, edit, also);
  }

  public Finding withEdit(Edit newEdit) {
    return new Finding(rule, severity, path, line, column, endLine, endColumn, message, fix, sourceLine, newEdit, also);
  }
}
