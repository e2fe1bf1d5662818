package dev.nanlint.analysis.models;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.AccessPath;
import dev.nanlint.analysis.facts.Arith;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import java.util.Optional;
import java.util.Set;

/**
 * Tribuo's {@code org.tribuo.math.la} vectors ({@code DenseVector}, {@code SGDVector},
 * {@code SparseVector}; a vector's fact is its elements') and {@code org.tribuo.math.util} normalizers:
 * {@code ExpNormalizer} is a softmax (subtracts the max: elements in [0, 1]), {@code Normalizer} shifts
 * by the min minus 0.01 and divides by the sum (in [0, 1]), {@code SigmoidNormalizer} a sigmoid,
 * {@code NoopNormalizer} the identity. {@code normalize(double[])} returns a new array,
 * {@code normalizeInPlace} and a vector's {@code normalize(normalizer)}, {@code expNormalize},
 * {@code scaleInPlace} and {@code scalarAddInPlace} change it.
 */
public final class TribuoHandler implements CallHandler {
  private static final String[] VECTORS = {"org.tribuo.math.la.DenseVector", "org.tribuo.math.la.SGDVector",
      "org.tribuo.math.la.SparseVector"};
  private static final String UTIL = "org.tribuo.math.util.";
  private static final Set<String> READERS = Set.of("get", "size", "indexOfMax", "copy", "dot", "numActiveElements",
      "toArray", "getShape", "equals", "toString");
  private static final Precision D = Precision.DOUBLE;

  @Override
  public Optional<NumFact> returns(Call call) {
    if (call.receiverIs(VECTORS)) {
      String text = Printed.of(call.expr());
      NumFact e = call.receiver().orElse(NumFact.top(D));
      return Optional.ofNullable(switch (call.name() + "/" + call.arity()) {
        case "sum/0" -> Reductions.sum(e, text, call.expr(), D);
        case "twoNorm/0", "oneNorm/0" -> Reductions.norm(e, text, call.expr(), D);
        case "maxValue/0", "minValue/0", "get/1" -> e;
        case "variance/0" -> Reductions.spread(e, true, text, call.expr(), D);
        case "scale/1" -> Arith.mul(e, call.argument(0));
        default -> null;
      });
    }
    if (call.name().equals("normalize") && call.arity() == 1 && call.expr().getScope().isPresent()) {
      return Optional.ofNullable(normalized(call.expr().getScope().get(), call.elements(0), Printed.of(call.expr()), call));
    }
    return Optional.empty();
  }

  @Override
  public Optional<Effect> effect(Call call) {
    Optional<Expression> scope = call.expr().getScope();
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    if (call.receiverIs(VECTORS)) {
      String text = Printed.of(call.expr());
      NumFact e = call.receiver().orElse(NumFact.top(D));
      NumFact changed = switch (call.name() + "/" + call.arity()) {
        case "scaleInPlace/1" -> Arith.mul(e, call.argument(0));
        case "scalarAddInPlace/1" -> Arith.add(e, call.argument(0));
        case "expNormalize/1" -> Reductions.probabilities(Reductions.softmaxNaN(e), text, call.expr(), D);
        case "normalize/1" -> {
          NumFact n = normalized(call.argumentExpr(0), e, text, call);
          yield n == null ? NumFact.top(D) : n; // an unknown normalizer: anything
        }
        default -> null;
      };
      if (changed != null) {
        return Optional.of(call.receiverPath().map(p -> Effect.sets(p, changed)).orElse(Effect.PURE));
      }
      return returns(call).isPresent() || READERS.contains(call.name()) ? Optional.of(Effect.PURE) : Optional.empty();
    }
    if (kind(call, scope.get()).isPresent()) {
      if (call.name().equals("normalizeInPlace") && call.arity() == 1) {
        Optional<AccessPath> array = call.argumentPaths().get(0);
        NumFact n = normalized(scope.get(), call.elements(0), Printed.of(call.expr()), call);
        return Optional.of(array.map(a -> Effect.sets(a.elements(), n)).orElse(Effect.PURE));
      }
      return call.name().equals("normalize") ? Optional.of(Effect.PURE) : Optional.empty();
    }
    return Optional.empty();
  }

  /** The elements {@code normalizer} turns {@code e} into; null when the normalizer's class is not known. */
  private static NumFact normalized(Expression normalizer, NumFact e, String text, Call call) {
    Node at = call.expr();
    return kind(call, normalizer).map(k -> switch (k) {
      case "ExpNormalizer" -> Reductions.probabilities(Reductions.softmaxNaN(e), text, at, D);
      case "Normalizer" -> Reductions.probabilities(e.canBeNaN() || e.canBeInfinite(), text, at, D);
      case "SigmoidNormalizer" -> Reductions.probabilities(e.canBeNaN(), text, at, D);
      default -> e; // NoopNormalizer
    }).orElse(null);
  }

  /** Which Tribuo normalizer {@code e} is, from its declared or created class. */
  private static Optional<String> kind(Call call, Expression e) {
    for (String k : new String[] {"ExpNormalizer", "Normalizer", "SigmoidNormalizer", "NoopNormalizer"}) {
      if (call.isOfType(e, UTIL + k)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
