package dev.nanlint.analysis.models;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.AccessPath;
import dev.nanlint.analysis.facts.Evaluator;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.Store;
import java.util.List;
import java.util.Optional;

/**
 * One call as a handler sees it: the call, the facts of its receiver and arguments where they were
 * evaluated, the access paths they name (when they are variables, fields or array elements), the store
 * once they are evaluated, and the file's analysis (imports, types) to tell whose method it is.
 *
 * @param evaluator reads other expressions in {@link #store()}: the path a view's array starts from
 *     ({@code x} in {@code x.getRow(0).divi(s)}), the constant in {@code Conditions.lessThan(1e-12)}
 */
public record Call(
    MethodCallExpr expr,
    Optional<NumFact> receiver,
    Optional<AccessPath> receiverPath,
    List<NumFact> arguments,
    List<Optional<AccessPath>> argumentPaths,
    Store store,
    Evaluator evaluator,
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

  /** The access path {@code e} names, if any. */
  public Optional<AccessPath> pathOf(Expression e) {
    return evaluator.pathOf(e);
  }

  /** The fact of {@code e} (a part of the call, such as an argument's argument) read in {@link #store()}. */
  public NumFact factOf(Expression e) {
    return evaluator.factOf(e, store);
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
    String scope = Printed.ofName(expr.getScope().get());
    if (scope == null) {
      return false;
    }
    for (String c : classes) {
      if (c.equals(scope)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A static method of one of the fully qualified {@code classes}, as the file's imports resolve it: a
   * class of the same simple name from another package is not it.
   */
  public boolean isStaticOn(String... classes) {
    for (String c : classes) {
      if (analysis.api().isStaticCallOn(expr, c)) {
        return true;
      }
    }
    return false;
  }

  /** The receiver's declared type is one of the fully qualified {@code types}, as the file's imports resolve it. */
  public boolean receiverIs(String... types) {
    if (expr.getScope().isEmpty()) {
      return false;
    }
    return isOfType(expr.getScope().get(), types);
  }

  /** {@code e}'s declared type (type arguments aside) is one of the fully qualified {@code types}. */
  public boolean isOfType(Expression e, String... types) {
    String type = analysis.types().typeOf(e);
    int generic = type.indexOf('<');
    String raw = generic < 0 ? type : type.substring(0, generic);
    for (String t : types) {
      if (!raw.isEmpty() && analysis.api().refersTo(raw, t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The fact of the elements of the Java array passed as argument {@code index}: its {@code a[*]} in the
   * store, the fact of an array-valued call, or any value of the element type.
   */
  public NumFact elements(int index) {
    Optional<NumFact> known = argumentPaths.get(index).flatMap(p -> store.get(p.elements()));
    if (known.isPresent()) {
      return known.get();
    }
    if (argumentExpr(index) instanceof MethodCallExpr) {
      return argument(index);
    }
    String type = analysis.types().typeOf(argumentExpr(index));
    return NumFact.ofType(type.endsWith("[]") ? type.substring(0, type.length() - 2) : "");
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
