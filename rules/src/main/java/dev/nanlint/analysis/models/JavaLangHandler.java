package dev.nanlint.analysis.models;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.AccessPath;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.NumFact.Tag;
import dev.nanlint.analysis.facts.Store;
import java.util.Optional;
import java.util.Set;

/**
 * The java.lang and java.util calls numeric code leans on: the NaN/Infinity checks of {@code Double} and
 * {@code Float}, parsing and unboxing, and sizes ({@code size()}, {@code length()}, {@code isEmpty()}:
 * never negative, and what {@code isEmpty()} tells about {@code size()}), and the draws of the JDK's
 * random generators ({@code nextDouble()} is in [0, 1): 0 possible, 1 never).
 */
public final class JavaLangHandler implements CallHandler {
  private static final double INF = Double.POSITIVE_INFINITY;
  /** The classes of java.lang's NaN tests ({@code Double.isNaN}), as they are written. */
  static final String[] BOXES = {"Double", "Float", "java.lang.Double", "java.lang.Float"};
  private static final String THREAD_LOCAL_RANDOM = "java.util.concurrent.ThreadLocalRandom";
  private static final String[] RANDOMS = {"java.util.Random", "java.util.SplittableRandom",
      "java.security.SecureRandom", THREAD_LOCAL_RANDOM, "java.util.random.RandomGenerator",
      // the same contract in the commons: nextDouble() in [0, 1)
      "org.apache.commons.rng.UniformRandomProvider", "org.apache.commons.math3.random.RandomGenerator"};
  /** Methods that change nothing on their receiver: reading a collection, a string, a boxed number. */
  private static final Set<String> READERS = Set.of("size", "length", "isEmpty", "get", "getOrDefault", "contains",
      "containsKey", "indexOf", "charAt", "equals", "hashCode", "toString", "compareTo", "doubleValue", "floatValue",
      "intValue", "longValue", "isNaN", "isInfinite", "getClass");
  /** {@code Collections} methods that move or replace the elements of their first argument, never its size. */
  private static final Set<String> REORDERINGS = Set.of("sort", "shuffle", "reverse", "swap", "fill", "rotate");
  /** {@code Arrays} methods that write the elements of their first argument (an array's length never changes). */
  private static final Set<String> ARRAY_WRITERS = Set.of("sort", "parallelSort", "fill", "setAll", "parallelSetAll",
      "parallelPrefix");
  /** List methods that move or replace elements in place: the list keeps its size. */
  private static final Set<String> LIST_REORDERINGS = Set.of("sort", "set", "replaceAll");
  private static final String[] LISTS = {"java.util.List", "java.util.ArrayList", "java.util.LinkedList",
      "java.util.Vector"};

  @Override
  public Optional<Effect> effect(Call call) {
    if (call.isOn(BOXES) || call.isOn("Integer", "Long", "java.lang.Integer", "java.lang.Long")) {
      return Optional.of(Effect.PURE);
    }
    if (call.receiverIs("String", "java.lang.String")) {
      return Optional.of(Effect.PURE); // a String never changes: s.toLowerCase() keeps s.length()
    }
    if (call.arity() >= 1 && REORDERINGS.contains(call.name()) && call.isStaticOn("java.util.Collections")) {
      return Optional.of(Effect.changesArgument(0).keepingSizes());
    }
    if (call.arity() >= 1 && ARRAY_WRITERS.contains(call.name()) && call.isStaticOn("java.util.Arrays")) {
      return Optional.of(Effect.changesArgument(0));
    }
    if (LIST_REORDERINGS.contains(call.name()) && call.receiverPath().isPresent() && call.receiverIs(LISTS)) {
      return Optional.of(new Effect(true, Set.of(), false).keepingSizes());
    }
    return READERS.contains(call.name()) && call.receiverPath().isPresent() ? Optional.of(Effect.PURE) : Optional.empty();
  }

  @Override
  public Optional<NumFact> returns(Call call) {
    String name = call.name();
    if (call.arity() == 0 && call.expr().getScope().isPresent() && (name.equals("size") || name.equals("length"))) {
      return Optional.of(size());
    }
    if (call.arity() == 0 && call.receiver().isPresent()) {
      if (name.equals("doubleValue") || name.equals("floatValue")) { // unboxing keeps the value
        return Optional.of(call.receiver().get());
      }
    }
    if (isRandom(call)) {
      Optional<NumFact> draw = draw(call);
      if (draw.isPresent()) {
        return draw;
      }
    }
    if (call.arity() == 1 && (call.isOn(BOXES) || call.isOn("Integer", "Long", "java.lang.Integer", "java.lang.Long"))) {
      return switch (name) {
        case "valueOf" -> call.argumentExpr(0).isStringLiteralExpr() ? Optional.empty() : Optional.of(call.argument(0));
        case "parseDouble" -> Optional.of(NumFact.top(Precision.DOUBLE)); // "NaN" and "Infinity" parse
        case "parseFloat" -> Optional.of(NumFact.top(Precision.FLOAT));
        case "parseInt" -> Optional.of(NumFact.top(Precision.INT));
        case "parseLong" -> Optional.of(NumFact.top(Precision.LONG));
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  /** A JDK random generator: a Random (or subclass named here) or {@code ThreadLocalRandom.current()}. */
  private static boolean isRandom(Call call) {
    if (call.receiverIs(RANDOMS)) {
      return true;
    }
    return call.expr().getScope().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast)
        .filter(s -> s.getNameAsString().equals("current") && s.getArguments().isEmpty()
            && call.analysis().api().isStaticCallOn(s, THREAD_LOCAL_RANDOM))
        .isPresent();
  }

  /** A uniform draw in [0, 1) of {@code precision}, which is exactly 0 once in {@code odds} draws. */
  private static NumFact uniform(Call call, Precision precision, String odds) {
    double below1 = precision == Precision.FLOAT ? Math.nextDown(1.0f) : Math.nextDown(1.0);
    return NumFact.of(0, below1, false, true, false, precision).tagged(Tag.UNIFORM_DRAW)
        .because(Printed.of(call.expr()) + " is exactly 0 once in " + odds + " draws", call.expr());
  }

  /** What one draw returns: [0, 1) for nextDouble/nextFloat, [0, bound) for nextInt(bound), a finite gaussian. */
  private static Optional<NumFact> draw(Call call) {
    return switch (call.name()) {
      case "nextDouble" -> call.arity() == 0 ? Optional.of(uniform(call, Precision.DOUBLE, "2^53")) : Optional.empty();
      case "nextFloat" -> call.arity() == 0
          ? Optional.of(uniform(call, Precision.FLOAT, "2^24 (about 17 million)")) : Optional.empty();
      case "nextInt" -> call.arity() == 1 && call.argument(0).hi() < INF && call.argument(0).hi() >= 1
          ? Optional.of(NumFact.range(0, call.argument(0).hi() - 1, Precision.INT)) : Optional.empty();
      case "nextGaussian" -> call.arity() == 0
          ? Optional.of(NumFact.of(-Double.MAX_VALUE, Double.MAX_VALUE, false, true, false, Precision.DOUBLE))
          : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** What a size or length can be when nothing else is known. */
  public static NumFact size() {
    return NumFact.range(0, Integer.MAX_VALUE, Precision.INT).tagged(Tag.LENGTH);
  }

  @Override
  public Optional<Store> refine(Call call, boolean outcome, Store before) {
    String name = call.name();
    if (call.arity() == 1 && call.isOn(BOXES)) {
      NumFact onTrue;
      NumFact onFalse;
      switch (name) {
        case "isNaN" -> {
          onTrue = NumFact.nan(Precision.UNKNOWN);
          onFalse = NumFact.of(-INF, INF, false, true, false, Precision.UNKNOWN);
        }
        case "isFinite" -> {
          onTrue = NumFact.of(-Double.MAX_VALUE, Double.MAX_VALUE, false, true, false, Precision.UNKNOWN);
          onFalse = infiniteOrNaN(call.argument(0));
        }
        case "isInfinite" -> {
          onTrue = infiniteOrNaN(call.argument(0)).notNaN();
          onFalse = NumFact.of(-Double.MAX_VALUE, Double.MAX_VALUE, true, true, false, Precision.UNKNOWN);
        }
        default -> {
          return Optional.empty();
        }
      }
      return Optional.of(call.restrictArgument(0, outcome ? onTrue : onFalse, before));
    }
    if (name.equals("isEmpty") && call.arity() == 0 && !outcome && trimmed(call.expr()).isPresent()) {
      // !s.trim().isEmpty(): s has a character that is not whitespace, so it is not empty either
      Optional<AccessPath> string = call.pathOf(trimmed(call.expr()).get());
      if (string.isPresent()) {
        AccessPath size = string.get().dot(AccessPath.SIZE);
        NumFact known = before.get(size).orElse(size());
        return Optional.of(before.with(size, known.restrict(NumFact.range(1, Integer.MAX_VALUE, Precision.INT))));
      }
    }
    if (name.equals("isEmpty") && call.arity() == 0 && call.receiverPath().isPresent()) {
      AccessPath size = call.receiverPath().get().dot(AccessPath.SIZE);
      NumFact known = before.get(size).orElse(size());
      NumFact bound = outcome ? NumFact.constant(0, Precision.INT) : NumFact.range(1, Integer.MAX_VALUE, Precision.INT);
      return Optional.of(before.with(size, known.restrict(bound)));
    }
    return Optional.empty();
  }

  /** {@code s} of {@code s.trim().isEmpty()} or {@code s.strip().isEmpty()}: the string that was trimmed. */
  private static Optional<Expression> trimmed(MethodCallExpr isEmpty) {
    return isEmpty.getScope().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast)
        .filter(t -> (t.getNameAsString().equals("trim") || t.getNameAsString().equals("strip"))
            && t.getArguments().isEmpty())
        .flatMap(MethodCallExpr::getScope);
  }

  /** The infinite values {@code x} can take, and NaN: what {@code !isFinite(x)} leaves. */
  static NumFact infiniteOrNaN(NumFact x) {
    double lo = x.lo() == -INF ? -INF : INF;
    double hi = x.hi() == INF ? INF : -INF;
    return NumFact.of(lo, hi, true, false, false, Precision.UNKNOWN);
  }
}
