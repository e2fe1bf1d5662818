package dev.nanlint.analysis.cfg;

import com.github.javaparser.ast.expr.Expression;

/**
 * A control-flow edge. {@code condition} is the atomic condition a {@link Kind#TRUE} or {@link Kind#FALSE}
 * edge leaves on (always the last element of {@code source}); it is null on the other kinds.
 */
public record Edge(Block source, Block target, Kind kind, Expression condition) {
  /** How control leaves the source block along this edge. */
  public enum Kind {
    /** Plain sequencing, a jump (break, continue, return) or a switch dispatch. */
    NORMAL,
    /** Taken when {@code condition} evaluated to true. */
    TRUE,
    /** Taken when {@code condition} evaluated to false. */
    FALSE,
    /** An exception thrown by one of the source block's elements. */
    EXCEPTION
  }

  @Override
  public String toString() {
    String prefix = switch (kind) {
      case NORMAL -> "";
      case TRUE -> "T:";
      case FALSE -> "F:";
      case EXCEPTION -> "E:";
    };
    return prefix + target;
  }
}
