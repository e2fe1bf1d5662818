package dev.nanlint.analysis.models;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.NumFact.Tag;
import java.util.Optional;
import java.util.Set;

/**
 * The inner product of a vector with itself, in any vector library: {@code v.dot(v)}, {@code blas.dot(v, v)},
 * {@code innerProduct(v, v)}. Whatever the library, it is a sum of squares: never negative, and 0 for a zero
 * vector (two coinciding points, an all-zero embedding). Asked after the libraries' own handlers.
 */
public final class InnerProducts implements CallHandler {
  private static final Set<String> NAMES = Set.of("dot", "innerProduct", "dotProduct");

  @Override
  public Optional<NumFact> returns(Call call) {
    MethodCallExpr c = call.expr();
    if (!NAMES.contains(call.name())) {
      return Optional.empty();
    }
    Optional<Expression> vector = call.arity() == 1 && c.getScope().isPresent()
        && sameText(c.getScope().get(), c.getArgument(0)) ? Optional.of(c.getArgument(0))
        : call.arity() == 2 && sameText(c.getArgument(0), c.getArgument(1)) ? Optional.of(c.getArgument(0))
        : Optional.empty();
    return vector.map(v -> NumFact.of(0, Double.POSITIVE_INFINITY, true, true, false, Precision.DOUBLE)
        .tagged(Tag.SUM_OF_NONNEGATIVES)
        .because(Printed.of(c) + " is the squared norm of " + Printed.of(v) + ": 0 for a zero vector", c));
  }

  private static boolean sameText(Expression a, Expression b) {
    return Printed.of(a).equals(Printed.of(b)) && a.findFirst(MethodCallExpr.class).isEmpty();
  }
}
