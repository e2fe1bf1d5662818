package dev.nanlint.analysis.models;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.AccessPath;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.Store;
import java.util.List;
import java.util.Optional;

/**
 * One call as a handler sees it: the call, the facts of its receiver and arguments where they were
 * evaluated, the access paths they name (when they are variables, fields or array elements), and the
 * file's analysis (imports, types) to tell whose method it is.
 */
public record Call(
    MethodCallExpr expr,
    Optional<NumFact> receiver,
    Optional<AccessPath> receiverPath,
    List<NumFact> arguments,
    List<Optional<AccessPath>> argumentPaths,
    Analysis analysis) {

  public String name() {
    return expr.getNameAsString();
  }

  public int arity() {
    return arguments.size();
  }

  public NumFact argument(int index) {
    return arguments.get(index);
  }

  public Expression argumentExpr(int index) {
    return expr.getArgument(index);
  }

  /** The java.lang.Math-like function this call is ({@code Math}, {@code StrictMath}, Commons {@code FastMath}, static imports). */
  public Optional<String> mathFunction() {
    return analysis.api().mathFunction(expr);
  }

  /** A static call written on one of {@code classes} ({@code Double.isNaN(x)}, {@code java.lang.Double.isNaN(x)}). */
  public boolean isOn(String... classes) {
    if (expr.getScope().isEmpty()) {
      return false;
    }
    String scope = Printed.of(expr.getScope().get());
    for (String c : classes) {
      if (c.equals(scope)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code before} with argument {@code index} known to satisfy {@code bound}: its path narrowed when it
   * has one; unreachable when no value of the argument satisfies it.
   */
  public Store restrictArgument(int index, NumFact bound, Store before) {
    NumFact narrowed = argument(index).restrict(bound);
    if (narrowed.isBottom()) {
      return Store.unreachable();
    }
    return argumentPaths.get(index).map(p -> before.with(p, narrowed)).orElse(before);
  }
}
