package dev.nanlint.rules;

import com.github.javaparser.ast.expr.Expression;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Consequences;
import dev.nanlint.engine.RuleContext;

/**
 * Reports an operation that can produce NaN or Infinity at the level its consequence earns (issue 15, item
 * 3): a warning when the value can reach a result; a note when it only decides comparisons, which a NaN
 * makes false (often the intended way out: {@code if (gain > best)}), when it is converted to an integer
 * (NaN becomes 0, Infinity the largest integer: a wrong number, but no NaN spreads), or when it is returned by a method that returns NaN on purpose elsewhere; nothing when
 * no one reads it. Only for
 * a double or float: an array operation may have changed its receiver in place, whatever its result does.
 */
final class ValueFindings {
  private ValueFindings() {}

  static void report(RuleContext ctx, Expression value, String message, String fix, String replacement) {
    report(ctx, value, message, fix, replacement, false, Consequences.NonFinite.ANY);
  }

  /** As {@link #report}, at most a note: the finding rests on weak evidence. */
  static void note(RuleContext ctx, Expression value, String message, String fix, String replacement) {
    report(ctx, value, message, fix, replacement, true, Consequences.NonFinite.ANY);
  }

  /**
   * As {@link #report}, or at most a note when {@code weak}; {@code kind} says which non-finite values the value
   * can take: a NaN (a sqrt of a negative) or a -Infinity (a log of 0) does not reach a read guarded by a
   * comparison that is false for it ({@code if (den > 0)}, {@code score > -100 ? score : MIN}).
   */
  static void report(RuleContext ctx, Expression value, String message, String fix, String replacement,
      boolean weak, Consequences.NonFinite kind) {
    Analysis a = Analysis.of(ctx);
    // a primitive's NaN goes only where the value goes; an array op may have changed its receiver in place
    Consequences.Outcome outcome = !a.types().isFloating(value) ? Consequences.Outcome.REACHES
        : a.consequences().of(value, kind);
    switch (outcome.fate()) {
      case REACHES_RESULT -> {
        if (weak) {
          ctx.reportWeaker(value, message, fix, replacement);
        } else {
          ctx.report(value, message, fix, replacement);
        }
      }
      case NAN_BY_CONTRACT -> ctx.reportWeaker(value, message + "; the method also returns Double.NaN (line "
          + outcome.line() + "), so its callers already expect NaN", fix);
      case CONVERTED -> ctx.reportWeaker(value, message + "; the result is converted to an integer by "
          + outcome.firstComparison() + ", which turns NaN into 0 and Infinity into the largest integer", fix);
      case ONLY_COMPARED -> ctx.reportWeaker(value, message + "; the result only decides "
          + outcome.firstComparison() + " (a comparison with NaN is false)", fix);
      case GUARDED -> ctx.reportWeaker(value, message + "; " + (kind == Consequences.NonFinite.NAN ? "a NaN" : "a NaN or"
          + " -Infinity") + " stops at " + outcome.firstComparison() + (outcome.decidedByComparison()
          ? ", which is false for it and guards the other uses" : ", which catches it before the other uses"), fix);
      case CHECKED_AFTER -> ctx.reportWeaker(value, message + "; the method tests it with " + outcome.firstComparison()
          + " (line " + outcome.line() + ") and exits, so the NaN does not go on", fix);
      case NEVER_READ -> { } // a value no one reads cannot spread
    }
  }
}
