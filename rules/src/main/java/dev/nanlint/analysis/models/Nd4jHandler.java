package dev.nanlint.analysis.models;

import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.AccessPath;
import dev.nanlint.analysis.facts.Arith;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.NumFact.Tag;
import dev.nanlint.analysis.facts.Squares;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ND4J: {@code Transforms}, the {@code INDArray} methods, {@code Nd4j} factories and
 * {@code BooleanIndexing.replaceWhere}. The fact of an INDArray expression is the fact of its elements
 * (every element lies in the interval, any may be 0 or NaN when the fact allows it), kept at the
 * variable's own path; an in-place operation ({@code x.divi(n)}, {@code Transforms.log(x, false)},
 * {@code replaceWhere(x, ...)}) replaces it, and one through a view ({@code x.getRow(i).divi(s)}) joins
 * the new fact into x's. Elements are float, ND4J's default data type (a double array is not told apart).
 */
public final class Nd4jHandler implements CallHandler {
  static final String INDARRAY = "org.nd4j.linalg.api.ndarray.INDArray";
  static final String TRANSFORMS = "org.nd4j.linalg.ops.transforms.Transforms";
  static final String ND4J = "org.nd4j.linalg.factory.Nd4j";
  static final String BOOLEAN_INDEXING = "org.nd4j.linalg.indexing.BooleanIndexing";
  static final String CONDITIONS = "org.nd4j.linalg.indexing.conditions.Conditions";
  /** ND4J's default data type. */
  static final Precision ELEMENTS = Precision.FLOAT;

  /** ND4J's names: {@code sub}, {@code subi}, {@code subRowVector}, {@code subiColumnVector} (in place: the i before the vector). */
  private static final Pattern ARITHMETIC = Pattern.compile("(add|sub|mul|div|rdiv|rsub)(i)?(RowVector|ColumnVector)?");
  /** Methods returning the same elements, or some of them (views and copies). */
  private static final Set<String> SAME_ELEMENTS = Set.of("dup", "getRow", "getColumn", "getRows", "getColumns",
      "get", "reshape", "transpose", "permute", "ravel", "slice", "tensorAlongDimension", "broadcast", "repeat",
      "castTo", "detach", "migrate", "leverage");
  /** Methods that read the array and change nothing. */
  private static final Set<String> READERS = Set.of("shape", "rank", "rows", "columns", "length", "size",
      "isVector", "isScalar", "isMatrix", "isEmpty", "dataType", "getDouble", "getFloat", "getInt", "getLong",
      "toDoubleVector", "toFloatVector", "toDoubleMatrix", "equals", "toString", "argMax", "mmul");
  /** Methods whose result is a view of the receiver, or the receiver itself: changing it changes the receiver. */
  private static final Set<String> VIEWS = Set.of("getRow", "getColumn", "get", "reshape", "transpose", "permute",
      "ravel", "slice", "tensorAlongDimension", "addi", "subi", "muli", "divi", "rdivi", "rsubi", "negi", "assign");

  @Override
  public Optional<NumFact> returns(Call call) {
    if (call.isStaticOn(TRANSFORMS)) {
      return Optional.ofNullable(transform(call)).map(f -> f.result);
    }
    if (call.isStaticOn(ND4J)) {
      return Optional.ofNullable(factory(call));
    }
    if (isArray(call, call.expr().getScope())) {
      return Optional.ofNullable(method(call)).map(f -> f.result);
    }
    return Optional.empty();
  }

  @Override
  public Optional<Effect> effect(Call call) {
    if (call.isStaticOn(TRANSFORMS)) {
      Applied t = transform(call);
      if (t == null) {
        return Optional.empty();
      }
      Optional<Boolean> dup = dupFlag(call);
      if (dup.isPresent()) { // false: in place; true: a copy
        return Optional.of(dup.get() ? Effect.PURE : changes(call, call.argumentExpr(0), t.result, true));
      }
      boolean maybeInPlace = isBoolean(call, call.arity() - 1);
      return Optional.of(maybeInPlace ? changes(call, call.argumentExpr(0), t.result, false) : Effect.PURE);
    }
    if (call.isStaticOn(ND4J)) {
      return factory(call) == null ? Optional.empty() : Optional.of(Effect.PURE);
    }
    if (call.isStaticOn(BOOLEAN_INDEXING) && call.name().equals("replaceWhere") && call.arity() == 3) {
      NumFact kept = kept(call, call.argumentExpr(2));
      if (kept == null) {
        return Optional.empty();
      }
      NumFact replaced = Reductions.in(kept.join(call.argument(1)), ELEMENTS);
      return Optional.of(changes(call, call.argumentExpr(0), replaced, true));
    }
    if (isArray(call, call.expr().getScope())) {
      Applied m = method(call);
      if (m != null) {
        return Optional.of(m.inPlace ? changes(call, call.expr().getScope().get(), m.result, true) : Effect.PURE);
      }
      if (READERS.contains(call.name())) {
        return Optional.of(Effect.PURE);
      }
    }
    return Optional.empty();
  }

  /** A result, and whether it was written into the array operated on. */
  private record Applied(NumFact result, boolean inPlace) {}

  // ---- Transforms --------------------------------------------------------------------------------

  /** {@code Transforms.f(x[, c][, dup])}, or null when f is not modelled. */
  private static Applied transform(Call call) {
    int values = call.arity() - (dupFlag(call).isPresent() || isBoolean(call, call.arity() - 1) ? 1 : 0);
    if (values < 1 || values > 2) {
      return null;
    }
    NumFact x = call.argument(0);
    String arg = Printed.of(call.argumentExpr(0));
    String text = "Transforms." + call.name() + "(" + arg + ")";
    NumFact r = switch (values == 1 ? call.name() : call.name() + "/2") {
      case "sigmoid" -> Reductions.probabilities(x.canBeNaN(), text, call.expr(), ELEMENTS);
      case "softmax" -> Reductions.probabilities(Reductions.softmaxNaN(x), text, call.expr(), ELEMENTS);
      case "exp" -> exp(x, text, call);
      case "log", "log1p", "sqrt", "abs", "tanh", "floor", "ceil", "expm1", "sin", "cos", "atan", "asin", "acos" ->
          JavaMathHandler.unary(call.name(), x, arg, call.expr());
      case "neg" -> Arith.neg(x);
      case "relu" -> JavaMathHandler.extreme(x, NumFact.constant(0), true);
      case "pow/2" -> JavaMathHandler.binary("pow", x, call.argument(1));
      case "max/2", "min/2" -> JavaMathHandler.binary(call.name(), x, call.argument(1)); // a clamp
      default -> null;
    };
    return r == null ? null : new Applied(Reductions.in(r, ELEMENTS), false);
  }

  /** exp of float elements: overflows to Infinity above 88.72 (709.78 for a double array). */
  private static NumFact exp(NumFact x, String text, Call call) {
    NumFact r = Reductions.in(JavaMathHandler.monotone(x, Math::exp, true, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, Double.NaN, Precision.DOUBLE), ELEMENTS);
    for (Tag t : new Tag[] {Tag.ROW_ATTAINS_MAX, Tag.COLUMN_ATTAINS_MAX}) {
      if (x.has(t)) {
        r = r.tagged(t); // exp is increasing: the row's largest element stays its largest, now exp(max)
      }
    }
    if (x.hi() > JavaMathHandler.EXP_OVERFLOW_FLOAT) {
      String bound = x.hi() == Double.POSITIVE_INFINITY ? "nothing bounds it" : "it reaches " + x.hi();
      r = r.tagged(Tag.EXP).because(text + " overflows to Infinity above " + (float) JavaMathHandler.EXP_OVERFLOW_FLOAT
          + " in a float array (ND4J's default), " + (float) JavaMathHandler.EXP_OVERFLOW + " in a double one: "
          + bound, call.expr());
    }
    return r;
  }

  /**
   * {@code x.subColumnVector(x.max(1))} (per row) or {@code x.subRowVector(x.max(0))} (per column), in place
   * or not: the tag saying every row (column) of the result holds a 0; empty for anything else.
   */
  private static Optional<Tag> shiftedByOwnMax(Call call, String op, String vector) {
    if (!op.equals("sub") || vector == null || !(unwrap(call.argumentExpr(0)) instanceof MethodCallExpr max)
        || !max.getNameAsString().equals("max") || max.getArguments().size() != 1 || max.getScope().isEmpty()
        || call.receiverPath().isEmpty() || !call.receiverPath().equals(call.pathOf(max.getScope().get()))) {
      return Optional.empty();
    }
    String dimension = max.getArgument(0).toString();
    return vector.equals("ColumnVector") && dimension.equals("1") ? Optional.of(Tag.ROW_ATTAINS_MAX)
        : vector.equals("RowVector") && dimension.equals("0") ? Optional.of(Tag.COLUMN_ATTAINS_MAX) : Optional.empty();
  }

  /** x minus its own row (column) maximum: at most 0, with a 0 in every row (column). */
  private static NumFact atMostZero(NumFact r, Tag attained) {
    return r.restrict(NumFact.of(Double.NEGATIVE_INFINITY, 0, true, true, false, Precision.UNKNOWN)).tagged(attained);
  }

  /** {@code x.sum(1)} of non-negative elements each row of which holds the bound hi: at least hi (or NaN). */
  private static NumFact atLeastItsMax(NumFact sum, NumFact x, Call call) {
    Tag needed = call.arity() == 1 && call.argumentExpr(0).toString().equals("1") ? Tag.ROW_ATTAINS_MAX
        : call.arity() == 1 && call.argumentExpr(0).toString().equals("0") ? Tag.COLUMN_ATTAINS_MAX : null;
    if (needed == null || !x.has(needed) || x.lo() < 0 || x.hi() <= 0) {
      return sum;
    }
    // a NaN element (from a NaN input) makes the sum NaN, never 0
    return sum.restrict(NumFact.of(x.hi(), Double.POSITIVE_INFINITY, true, false, false, Precision.UNKNOWN));
  }

  /** The last argument as a literal dup flag: {@code true} (a copy) or {@code false} (in place); empty otherwise. */
  private static Optional<Boolean> dupFlag(Call call) {
    if (call.arity() < 2) {
      return Optional.empty();
    }
    Expression last = unwrap(call.argumentExpr(call.arity() - 1));
    return last instanceof BooleanLiteralExpr b ? Optional.of(b.getValue()) : Optional.empty();
  }

  private static boolean isBoolean(Call call, int index) {
    return index > 0 && call.analysis().types().typeOf(call.argumentExpr(index)).equals("boolean");
  }

  // ---- INDArray methods ---------------------------------------------------------------------------

  /** A method of an INDArray, or null when it is not modelled. */
  private static Applied method(Call call) {
    NumFact x = call.receiver().orElse(NumFact.top());
    String name = call.name();
    String text = Printed.of(call.expr());
    Matcher m = ARITHMETIC.matcher(name);
    if (m.matches() && call.arity() == 1) {
      NumFact r = shaped(call, m.group(1), x, arithmetic(m.group(1), x, call.argument(0)));
      return new Applied(shiftedByOwnMax(call, m.group(1), m.group(3)).map(t -> atMostZero(r, t)).orElse(r),
          m.group(2) != null);
    }
    String reduction = name.endsWith("Number") ? name.substring(0, name.length() - "Number".length()) : name;
    NumFact r = switch (reduction) {
      case "sum" -> atLeastItsMax(Reductions.sum(x, text, call.expr(), ELEMENTS), x, call);
      case "mean" -> Reductions.mean(x, text, call.expr(), ELEMENTS);
      case "norm1", "norm2", "normmax" -> Reductions.norm(x, text, call.expr(), ELEMENTS);
      case "std" -> Reductions.spread(x, false, text, call.expr(), ELEMENTS);
      case "var" -> Reductions.spread(x, true, text, call.expr(), ELEMENTS);
      case "max", "min" -> x;
      case "amax", "amin" -> JavaMathHandler.abs(x);
      default -> null;
    };
    if (r != null) {
      return new Applied(r, false);
    }
    if (name.equals("neg") || name.equals("negi")) {
      return new Applied(Arith.neg(x), name.equals("negi"));
    }
    if (name.equals("assign") && call.arity() == 1) {
      return new Applied(Reductions.in(call.argument(0), ELEMENTS), true);
    }
    if (SAME_ELEMENTS.contains(name)) {
      return new Applied(x, false);
    }
    if ((name.equals("getDouble") || name.equals("getFloat")) && call.arity() >= 1) {
      return new Applied(Reductions.in(x, name.equals("getDouble") ? Precision.DOUBLE : Precision.FLOAT), false);
    }
    return null;
  }

  /**
   * {@code r}, the elements of {@code x op y} for the call, with the tags of its shape: {@code x.mul(x)} is a
   * SQUARE, {@code a.sub(b)} of a non-square and a square a CANCELLATION, a division a QUOTIENT.
   */
  private static NumFact shaped(Call call, String op, NumFact x, NumFact r) {
    boolean sameOperand = call.receiverPath().isPresent() && call.receiverPath().equals(call.argumentPaths().get(0));
    return switch (op) {
      case "mul" -> sameOperand ? r.tagged(Tag.SQUARE) : r;
      case "sub" -> Squares.difference(r, x, call.argument(0), call.expr());
      case "rsub" -> Squares.difference(r, call.argument(0), x, call.expr());
      case "div", "rdiv" -> r.tagged(Tag.QUOTIENT);
      default -> r;
    };
  }

  /** The elements of {@code x op y} (y a scalar, or an array broadcast against x). */
  static NumFact arithmetic(String op, NumFact x, NumFact y) {
    NumFact r = switch (op) {
      case "add" -> Arith.add(x, y);
      case "sub" -> Arith.sub(x, y);
      case "rsub" -> Arith.sub(y, x);
      case "mul" -> Arith.mul(x, y);
      case "div" -> Arith.div(x, y);
      default -> Arith.div(y, x); // rdiv
    };
    r = Reductions.in(r, ELEMENTS);
    if ((op.equals("sub") || op.equals("rsub")) && r.canBeZero() && !(x.isConstant() && y.isConstant())) {
      r = r.tagged(Tag.DIFFERENCE);
    }
    return r.canBeNonPositive() || r.canBeNaN() ? r.explainedBy(x, y) : r;
  }

  // ---- Nd4j factories -----------------------------------------------------------------------------

  private static NumFact factory(Call call) {
    int n = call.arity();
    NumFact r = switch (call.name()) {
      case "zeros", "zerosLike" -> NumFact.constant(0);
      case "ones", "onesLike" -> NumFact.constant(1);
      case "rand" -> NumFact.of(0, 1, false, true, false, Precision.DOUBLE);
      case "randn" -> NumFact.of(-Double.MAX_VALUE, Double.MAX_VALUE, false, true, false, Precision.DOUBLE);
      case "scalar" -> n >= 1 ? call.argument(n - 1) : null;
      case "valueArrayOf" -> n >= 2 ? call.argument(n - 1) : null;
      default -> null;
    };
    return r == null ? null : Reductions.in(r, ELEMENTS);
  }

  // ---- BooleanIndexing.replaceWhere ---------------------------------------------------------------

  /** The elements {@code replaceWhere} leaves alone: those the condition does not hold for; null when not modelled. */
  private static NumFact kept(Call call, Expression condition) {
    Expression c = unwrap(condition);
    if (!(c instanceof MethodCallExpr cond) || !call.analysis().api().isStaticCallOn(cond, CONDITIONS)) {
      return null;
    }
    NumFact x = call.argument(0);
    double inf = Double.POSITIVE_INFINITY;
    if (cond.getArguments().isEmpty()) {
      return switch (cond.getNameAsString()) {
        case "isNan" -> x.notNaN();
        case "isInfinite" -> x.restrict(NumFact.of(-Double.MAX_VALUE, Double.MAX_VALUE, true, true, false, Precision.UNKNOWN));
        case "notFinite" -> x.restrict(NumFact.of(-Double.MAX_VALUE, Double.MAX_VALUE, false, true, false, Precision.UNKNOWN));
        default -> null;
      };
    }
    NumFact v = call.factOf(cond.getArgument(0));
    if (v.hasNoNumber()) {
      return null;
    }
    // NaN fails every comparison, so NaN elements are kept
    return switch (cond.getNameAsString()) {
      case "lessThan" -> x.restrict(NumFact.of(v.lo(), inf, true, true, false, Precision.UNKNOWN));
      case "lessThanOrEqual" -> x.restrict(NumFact.of(Math.nextUp(v.lo()), inf, true, true, false, Precision.UNKNOWN));
      case "greaterThan" -> x.restrict(NumFact.of(-inf, v.hi(), true, true, false, Precision.UNKNOWN));
      case "greaterThanOrEqual" -> x.restrict(NumFact.of(-inf, Math.nextDown(v.hi()), true, true, false, Precision.UNKNOWN));
      case "equals" -> v.isConstant() ? x.exclude(v.lo()) : x;
      case "absLessThan" -> v.lo() > 0 ? x.exclude(0) : x;
      default -> null;
    };
  }

  // ---- shared -------------------------------------------------------------------------------------

  /**
   * The effect of writing {@code fact} into the array {@code target}: its variable replaced (all of it,
   * when {@code whole}), or, through a view, joined into the variable the view is of.
   */
  private static Effect changes(Call call, Expression target, NumFact fact, boolean whole) {
    Optional<AccessPath> path = call.pathOf(target);
    if (path.isPresent()) {
      return whole ? Effect.sets(path.get(), fact) : Effect.setsSome(path.get(), fact);
    }
    Expression e = unwrap(target);
    while (e instanceof MethodCallExpr m && m.getScope().isPresent() && VIEWS.contains(m.getNameAsString())) {
      e = unwrap(m.getScope().get());
    }
    Optional<AccessPath> viewed = e == unwrap(target) ? Optional.empty() : call.pathOf(e);
    return viewed.map(p -> Effect.setsSome(p, fact)).orElse(Effect.PURE);
  }

  /** Is {@code e} an INDArray: declared as one, or made by ND4J ({@code Transforms}, {@code Nd4j}, an INDArray method)? */
  static boolean isArray(Call call, Optional<Expression> e) {
    if (e.isEmpty()) {
      return false;
    }
    Expression x = unwrap(e.get());
    if (call.isOfType(x, INDARRAY)) {
      return true;
    }
    if (x instanceof MethodCallExpr m) {
      var api = call.analysis().api();
      if (api.isStaticCallOn(m, TRANSFORMS) || api.isStaticCallOn(m, ND4J)) {
        return true;
      }
      String name = m.getNameAsString();
      boolean arrayValued = ARITHMETIC.matcher(name).matches() || SAME_ELEMENTS.contains(name)
          || Set.of("sum", "mean", "norm1", "norm2", "normmax", "std", "var", "neg", "negi", "assign").contains(name);
      return arrayValued && m.getScope().isPresent() && isArray(call, m.getScope());
    }
    return false;
  }

  private static Expression unwrap(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    return x;
  }
}
