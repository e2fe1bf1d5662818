package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Can this value be zero or negative, and why? A small sign analysis over one file: literals and
 * constants, arithmetic, java.lang.Math and ND4J functions, clamps ({@code Math.max(p, eps)},
 * {@code p + eps}, {@code arr.add(eps)}), helper methods whose result is always positive, the
 * definitions of locals that reach a use (reassignment replaces a guard; {@code if (p < eps) p = eps;}
 * adds one), accumulators, and the guards around the use ({@link Guards}). Where the code says nothing,
 * names speak ({@code probs}, {@code count}, {@code EPSILON}).
 */
public final class Values {
  private static final int MAX_DEPTH = 48;
  private static final Set<String> COUNT_METHODS = Set.of("size", "length", "count", "getCount", "numExamples",
      "rows", "columns", "numRows", "numColumns", "getNumExamples", "numOutcomes", "getNumberOfExamples",
      "totalExamples", "numLabels", "totalOutcomes", "getNumRows", "numInputs");
  private static final Set<String> NORM_METHODS = Set.of("norm1", "norm2", "normmax", "norm1Number",
      "norm2Number", "normmaxNumber", "std", "stdNumber", "var", "varNumber", "distance2", "euclideanDistance",
      "getNorm", "stdev", "variance");
  private static final Set<String> PROBABILITY_METHODS = Set.of("getActivation", "output", "activate",
      "predictProbabilities", "predictProba", "softmax", "sigmoid", "logistic", "probabilities", "probability");
  /** Copies, casts and re-layouts: the same elements, so the same signs. */
  private static final Set<String> SAME_VALUE_METHODS = Set.of("doubleValue", "floatValue", "dup", "detach",
      "permute", "permutei", "transposei", "reshapei",
      "castTo", "reshape", "transpose", "ravel", "toDoubleVector", "toFloatVector");

  private final Api api;
  private final Declarations declarations;
  private final Definitions definitions;
  private final Types types;
  private final Guards guards;
  private final Constants constants;
  private Map<Node, Value> memo = new IdentityHashMap<>();
  /** The file's writes to its names, collected on first use (see {@link #fieldWrites}). */
  private FieldWrites fieldWrites;
  private final Map<Node, Boolean> reassignedLocals = new IdentityHashMap<>();
  private final Map<Node, Value> runningTotals = new IdentityHashMap<>();
  /** Per method: the arrays it hands to ND4J in-place ops as their result argument. */
  private final Map<Node, Set<String>> resultArrays = new IdentityHashMap<>();
  /** Parameters bound to the arguments of the helper call being evaluated (see {@link #withArguments}). */
  private Map<Node, Value> bindings = Map.of();
  /** Arrays whose elements are all positive, by declaration (see positiveElements). */
  private final Map<Node, Boolean> positiveArrays = new IdentityHashMap<>();
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  private int depth;

  Values(Api api, Declarations declarations, Definitions definitions, Types types) {
    this.api = api;
    this.definitions = definitions;
    this.declarations = declarations;
    this.types = types;
    this.constants = new Constants(declarations);
    this.guards = new Guards(this::constant, this::isNonNegativeBound, e -> of(e).isPositive());
  }

  public Guards guards() {
    return guards;
  }

  /** What {@code e} can be at its own position in the code. */
  public Value of(Expression e) {
    Value cached = memo.get(e);
    if (cached != null) {
      return cached;
    }
    if (depth > MAX_DEPTH || !inProgress.add(e)) {
      return Value.UNKNOWN;
    }
    Linter.stopIfInterrupted(); // the per-file time limit: a slow analysis gives its thread back
    depth++;
    try {
      Value v = compute(e);
      int allowed = guards.allowedSigns(e);
      if (allowed != Value.ANY) {
        v = v.withSigns(v.signs() & allowed);
      }
      if (e instanceof NameExpr) {
        double upper = guards.upperBound(e, this::upperOf);
        if (upper < v.upper()) {
          v = v.withUpper(upper);
        }
      }
      memo.put(e, v);
      return v;
    } finally {
      depth--;
      inProgress.remove(e);
    }
  }

  /**
   * The numeric value of a constant (literal, {@code static final} or effectively final variable, simple
   * arithmetic), else NaN. One evaluator for the whole analysis: {@link Constants}.
   */
  public double constant(Expression e) {
    return constants.value(e);
  }

  Constants constants() {
    return constants;
  }

  private Value compute(Expression e) {
    if (e instanceof BinaryExpr || e instanceof UnaryExpr || e instanceof NameExpr || e instanceof FieldAccessExpr) {
      double c = constant(e);
      if (!Double.isNaN(c)) {
        return Value.constant(c, e.toString());
      }
    }
    if (e instanceof EnclosedExpr en) {
      return of(en.getInner());
    }
    if (e instanceof CastExpr c) {
      return of(c.getExpression());
    }
    if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr || e instanceof DoubleLiteralExpr) {
      return Value.constant(constant(e), e.toString());
    }
    if (e instanceof UnaryExpr u) {
      return switch (u.getOperator()) {
        case MINUS -> negate(of(u.getExpression()));
        case PLUS -> of(u.getExpression());
        default -> Value.UNKNOWN;
      };
    }
    if (e instanceof BinaryExpr b) {
      return arithmetic(b);
    }
    if (e instanceof ConditionalExpr c) {
      return Value.join(of(c.getThenExpr()), of(c.getElseExpr()));
    }
    if (e instanceof MethodCallExpr call) {
      return call(call);
    }
    if (e instanceof NameExpr n) {
      return name(n);
    }
    if (e instanceof FieldAccessExpr f) {
      return field(f);
    }
    if (e instanceof ArrayAccessExpr a) {
      Optional<Expression> stored = Definitions.elementJustWritten(a);
      return stored.isPresent() ? of(stored.get()) : element(a.getName());
    }
    if (e instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN) {
      return of(a.getValue());
    }
    return Value.UNKNOWN;
  }

  // ---- arithmetic -------------------------------------------------------------------------------

  private Value arithmetic(BinaryExpr b) {
    switch (b.getOperator()) {
      case PLUS: {
        Value l = of(b.getLeft());
        Value r = of(b.getRight());
        if ((l.isPositive() && r.risk() == null) || (r.isPositive() && l.risk() == null)) {
          return Value.POSITIVE; // x + eps: the usual guard
        }
        Value sum = combine(signsOf(l.signs(), r.signs(), Values::addOne), l, r);
        if (l.weak() && r.weak() && l.risk() != null && r.risk() != null) {
          // total + counts.length: 0 only when both are, and only names say either can be
          return new Value(sum.signs(), null, false, Double.POSITIVE_INFINITY, false);
        }
        if (configuredOffset(b.getLeft(), l) || configuredOffset(b.getRight(), r)
            || constant(b.getLeft()) > 0 || constant(b.getRight()) > 0) {
          // 1 + x: x reaching 0 leaves the sum at 1, so x's risk does not explain a zero of the sum;
          // x + sigma, x + this.k: a configured smoothing term or prior count; the author has already
          // moved the sum away from x's zero, so x's risk no longer explains it
          return new Value(sum.signs(), null, false, Double.POSITIVE_INFINITY, false);
        }
        return sum;
      }
      case MINUS: {
        if (isWindow(b)) {
          return Value.POSITIVE;
        }
        Value l = of(b.getLeft());
        Value r = of(b.getRight());
        double c = constant(b.getLeft());
        if (!Double.isNaN(c) && r.upper() < c) {
          return Value.POSITIVE; // c - x with x clamped below c
        }
        if (r.probability() && c == 1.0) {
          return new Value(Value.ZERO | Value.POS,
              "1 - " + Guards.key(b.getRight()) + " is 0 when " + Guards.key(b.getRight()) + " reaches 1", true, 1.0,
              false, r.named()); // the complement of a probability only a name suggests is no stronger
        }
        int signs = signsOf(l.signs(), negate(r).signs(), Values::addOne);
        Value v = combine(signs, l, r);
        // a difference is 0 exactly when its sides are equal: that, not a side's own risk, explains it
        if ((signs & (Value.ZERO | Value.NEG)) != 0
            && !(isConfiguration(b.getLeft()) && isConfiguration(b.getRight()))
            && !Names.isTime(b.getLeft().toString()) && !Names.isTime(b.getRight().toString())) {
          return Value.of(signs, b + " is 0 when both sides are equal");
        }
        return v;
      }
      case MULTIPLY: {
        Value l = factor(b.getLeft());
        Value r = factor(b.getRight());
        if (Guards.key(b.getLeft()).equals(Guards.key(b.getRight()))) {
          return l.derive((l.canBeZero() ? Value.ZERO : 0) | Value.POS);
        }
        Value even = evenProduct(b);
        if (even != null) {
          return even; // qred * 1e-4 * qred: a square times non-negative factors
        }
        // a product is 0 when a factor is: the factor that can be 0 explains it, not one that is merely signed
        Value zero = r.canBeZero() && r.risk() != null && !(l.canBeZero() && l.risk() != null) ? r : l;
        Value other = zero == l ? r : l;
        Value v = combine(signsOf(l.signs(), r.signs(), Values::mulOne), zero, other);
        return new Value(v.signs(), v.risk(), l.probability() && r.probability(), Double.POSITIVE_INFINITY, v.weak(),
            Value.onlyNamed(l, r));
      }
      case DIVIDE: {
        if (isExp(b.getLeft())) {
          return Value.probability(b + " underflows to 0 when the logits are far apart");
        }
        if (isSigmoid(b)) {
          return Value.probability(b + " (a sigmoid) reaches 0 once exp overflows, and 1 once it underflows");
        }
        Value l = of(b.getLeft());
        Value r = factor(b.getRight());
        int signs = signsOf(l.signs(), r.signs(), Values::divOne);
        return new Value(signs, l.risk(), false, Double.POSITIVE_INFINITY, l.weak()).withSigns(signs);
      }
      default:
        return Value.UNKNOWN;
    }
  }

  /**
   * {@code end - start} with {@code end = Math.min(n, start + batchSize)}: a minibatch window. It is the
   * smaller of {@code n - start} (positive where a loop guard says start < n) and batchSize.
   */
  private boolean isWindow(BinaryExpr minus) {
    Expression left = Flow.strip(minus.getLeft());
    if (left instanceof NameExpr n) {
      List<Definitions.Def> defs = definitions.reaching(n);
      left = defs.size() == 1 && defs.get(0).value() != null ? Flow.strip(defs.get(0).value()) : left;
    }
    if (!(left instanceof MethodCallExpr min && api.isMath(min, "min") && min.getArguments().size() == 2)) {
      return false;
    }
    String start = Guards.key(minus.getRight());
    for (Expression bound : min.getArguments()) {
      Expression x = Flow.strip(bound);
      boolean positive;
      if (x instanceof BinaryExpr plus && plus.getOperator() == BinaryExpr.Operator.PLUS
          && (Guards.key(plus.getLeft()).equals(start) || Guards.key(plus.getRight()).equals(start))) {
        positive = of(Guards.key(plus.getLeft()).equals(start) ? plus.getRight() : plus.getLeft()).isPositive();
      } else {
        positive = guards.allowedSigns(minus, Guards.key(bound) + " - " + start) == Value.POS;
      }
      if (!positive) {
        return false;
      }
    }
    return true;
  }

  /** The largest value {@code e} can take, as far as constants and clamps show. */
  private double upperOf(Expression e) {
    double c = constant(e);
    return Double.isNaN(c) ? of(e).upper() : c;
  }

  /** A field or constant added to a value, whose sign the code does not show to be negative. */
  private boolean configuredOffset(Expression e, Value v) {
    return isConfiguration(e) && Double.isNaN(constant(e)) && v.risk() == null;
  }

  /**
   * A factor of a product or quotient. A non-zero constant ({@code -1 * dot}, {@code x / 2}) changes the
   * sign or scale, not whether the result can be 0, so it lends the result no risk of its own.
   */
  private Value factor(Expression e) {
    Value v = of(e);
    double c = constant(e);
    return !Double.isNaN(c) && c != 0 ? new Value(v.signs(), null, false, Double.POSITIVE_INFINITY, false) : v;
  }

  /** {@code 1 / (1 + Math.exp(-z))}: a hand-written sigmoid (also with ND4J's exp, and 1 on either side). */
  boolean isSigmoid(BinaryExpr division) {
    Expression den = Flow.strip(division.getRight());
    return constant(division.getLeft()) == 1.0 && den instanceof BinaryExpr sum
        && sum.getOperator() == BinaryExpr.Operator.PLUS
        && ((constant(sum.getLeft()) == 1.0 && isExp(sum.getRight())) || (constant(sum.getRight()) == 1.0 && isExp(sum.getLeft())));
  }

  private boolean isExp(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    return x instanceof MethodCallExpr call && (api.isMath(call, "exp") || api.isTransforms(call, "exp"));
  }

  private static Value combine(int signs, Value l, Value r) {
    Value risky = Value.riskOf(l, r);
    return new Value(signs, risky.risk(), false, Double.POSITIVE_INFINITY, risky.weak()).withSigns(signs);
  }

  @FunctionalInterface
  private interface SignOp {
    int apply(int a, int b);
  }

  private static int signsOf(int a, int b, SignOp op) {
    int result = 0;
    for (int sa = 1; sa <= Value.POS; sa <<= 1) {
      for (int sb = 1; sb <= Value.POS; sb <<= 1) {
        if ((a & sa) != 0 && (b & sb) != 0) {
          result |= op.apply(sa, sb);
        }
      }
    }
    return result == 0 ? Value.ANY : result;
  }

  private static int addOne(int a, int b) {
    if (a == Value.ZERO) return b;
    if (b == Value.ZERO) return a;
    return a == b ? a : Value.ANY;
  }

  private static int mulOne(int a, int b) {
    if (a == Value.ZERO || b == Value.ZERO) return Value.ZERO;
    return a == b ? Value.POS : Value.NEG;
  }

  private static int divOne(int a, int b) {
    if (b == Value.ZERO) return 0; // division by zero is a finding of its own
    if (a == Value.ZERO) return Value.ZERO;
    return a == b ? Value.POS : Value.NEG;
  }

  private static int maxOne(int a, int b) {
    return Math.max(a, b); // NEG < ZERO < POS as bits
  }

  private static int minOne(int a, int b) {
    return Math.min(a, b);
  }

  private static Value negate(Value v) {
    int s = v.signs();
    int flipped = (s & Value.ZERO) | ((s & Value.NEG) != 0 ? Value.POS : 0) | ((s & Value.POS) != 0 ? Value.NEG : 0);
    return v.derive(flipped);
  }

  // ---- calls ------------------------------------------------------------------------------------

  private Value call(MethodCallExpr call) {
    String name = call.getNameAsString();
    NodeList<Expression> args = call.getArguments();
    Optional<String> math = api.mathFunction(call);
    if (math.isPresent()) {
      return mathCall(math.get(), args);
    }
    if (api.isTransforms(call, "exp", "cosh")) {
      return Value.POSITIVE;
    }
    if (api.isTransforms(call, "sigmoid", "softmax", "hardSigmoid")) {
      return Value.probability(call + " reaches 0 when it saturates");
    }
    if (api.isTransforms(call, "max") && args.size() >= 2) {
      return maxOf(of(args.get(0)), of(args.get(1)));
    }
    if (api.isTransforms(call, "min") && args.size() >= 2) {
      return minOf(of(args.get(0)), of(args.get(1)));
    }
    if (api.isTransforms(call, "abs", "sqrt", "pow") && !args.isEmpty()) {
      return mathCall(name, args);
    }
    if (api.isSmileMathEx(call)) {
      return name.equals("sigmoid") ? Value.probability(call + " reaches 0 when it saturates") : Value.UNKNOWN;
    }
    Optional<Expression> scope = call.getScope();
    if (scope.isPresent() && !(scope.get() instanceof ThisExpr)) {
      return receiverCall(call, scope.get(), name, args);
    }
    if (api.isLocalMethod(name)) {
      Value helper = helper(call);
      if (helper.signs() != Value.ANY || helper.risk() != null) {
        return helper;
      }
    }
    if (isOwnGetter(call)) {
      // this object's own getter (getProbabilityOfSuccess()): a parameter validated where it is set
      return Names.isEpsilon(name) ? Value.POSITIVE : Value.UNKNOWN;
    }
    return configurationValue(name, call.toString()); // getters: what they return is validated where it is set
  }

  private Value mathCall(String fn, NodeList<Expression> args) {
    if (args.isEmpty()) {
      return fn.equals("random") ? UNIT_INTERVAL : Value.UNKNOWN;
    }
    Value x = of(args.get(0));
    switch (fn) {
      case "exp":
      case "cosh":
        return Value.POSITIVE;
      case "max":
        return args.size() == 2 ? maxOf(x, of(args.get(1))) : Value.UNKNOWN;
      case "min":
        return args.size() == 2 ? minOf(x, of(args.get(1))) : Value.UNKNOWN;
      case "abs":
        return abs(x);
      case "sqrt":
      case "cbrt": {
        int s = x.signs() & (Value.ZERO | Value.POS);
        return x.derive(s == 0 ? Value.ZERO | Value.POS : s);
      }
      case "pow": {
        double k = args.size() == 2 ? constant(args.get(1)) : Double.NaN;
        if (!Double.isNaN(k) && k == Math.rint(k) && k % 2 == 0) {
          return abs(x);
        }
        double base = constant(args.get(0));
        boolean decayRate = (base > 0 && base < 1) || (Double.isNaN(base) && args.get(0) instanceof NameExpr rate
            && Names.isDecayRate(rate.getNameAsString()));
        if (decayRate && Double.isNaN(k)) {
          // beta^t with a decay rate beta < 1 and a step counter t >= 1 (Adam's bias correction)
          return Value.POSITIVE.withUpper(Double.isNaN(base) ? Math.nextDown(1.0) : base);
        }
        if (x.isNonNegative()) {
          return x.isPositive() ? Value.POSITIVE : Value.of(Value.ZERO | Value.POS, x.risk()); // |v|^p
        }
        return Value.UNKNOWN;
      }
      case "signum":
      case "tanh":
      case "sinh":
      case "atan":
        return x.derive(x.signs());
      case "hypot":
        return Value.of(Value.ZERO | Value.POS, null);
      case "ulp":
        return Value.POSITIVE; // the gap to the next double: Double.MIN_VALUE even at 0
      default:
        return Value.UNKNOWN;
    }
  }

  /**
   * A uniform draw in [0, 1): 0 is possible but nothing flags it on its own (no risk); its bound below 1
   * makes {@code 1 - u} positive.
   */
  private static final Value UNIT_INTERVAL = Value.of(Value.ZERO | Value.POS, null).withUpper(Math.nextDown(1.0));

  private static final Set<String> RANDOM_TYPES = Set.of("Random", "ThreadLocalRandom", "SplittableRandom",
      "SecureRandom", "java.util.Random");

  private boolean isRandom(Expression receiver) {
    if (receiver instanceof MethodCallExpr m && m.getNameAsString().equals("current")) {
      return m.getScope().map(s -> Printed.of(s).endsWith("ThreadLocalRandom")).orElse(false);
    }
    return RANDOM_TYPES.contains(types.typeOf(receiver));
  }

  /**
   * A product of three or more factors in which every factor that can be negative appears an even number
   * of times ({@code q * c * q}, {@code 0.5 * d * d}): never negative. Null when that does not hold.
   */
  private Value evenProduct(BinaryExpr product) {
    Node parent = product.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr) {
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof BinaryExpr p && p.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      return null; // judged once, at the top of the chain: a 5,000-factor product stays linear
    }
    List<Expression> factors = new ArrayList<>();
    collectFactors(product, factors);
    if (factors.size() < 3 || factors.size() > MAX_FACTORS) {
      return null;
    }
    Map<String, Integer> times = new HashMap<>();
    for (Expression f : factors) {
      times.merge(Guards.key(f), 1, Integer::sum);
    }
    boolean zero = false;
    Value zeroFactor = null;
    for (Expression f : factors) {
      Value v = factor(f);
      if ((v.signs() & Value.NEG) != 0 && times.get(Guards.key(f)) % 2 != 0) {
        return null;
      }
      if (v.canBeZero()) {
        zero = true;
        zeroFactor = zeroFactor == null || zeroFactor.risk() == null ? v : zeroFactor;
      }
    }
    return zero ? zeroFactor.derive(Value.ZERO | Value.POS) : Value.POSITIVE;
  }

  private static final int MAX_FACTORS = 32;
  private static final int MAX_ARRAY_STORES = 64;

  private static void collectFactors(Expression e, List<Expression> out) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      collectFactors(b.getLeft(), out);
      collectFactors(b.getRight(), out);
    } else {
      out.add(x);
    }
  }

  private static Value abs(Value x) {
    int s = (x.canBeZero() ? Value.ZERO : 0) | ((x.signs() & (Value.NEG | Value.POS)) != 0 ? Value.POS : 0);
    return x.derive(s);
  }

  private static Value maxOf(Value a, Value b) {
    int s = signsOf(a.signs(), b.signs(), Values::maxOne);
    return Value.riskOf(a, b).derive(s).withUpper(Math.max(a.upper(), b.upper()));
  }

  private static Value minOf(Value a, Value b) {
    int s = signsOf(a.signs(), b.signs(), Values::minOne);
    Value risky = Value.riskOf(a, b);
    return new Value(s, risky.risk(), a.probability() || b.probability(), Math.min(a.upper(), b.upper()), risky.weak(),
        Value.onlyNamed(a, b))
        .withSigns(s);
  }

  private Value receiverCall(MethodCallExpr call, Expression receiver, String name, NodeList<Expression> args) {
    if (args.isEmpty() && (name.equals("nextDouble") || name.equals("nextFloat")) && isRandom(receiver)) {
      return UNIT_INTERVAL; // 1.0 - rng.nextDouble() is in (0, 1]: Box-Muller's guard against log(0)
    }
    if (COUNT_METHODS.contains(name) && (types.isIndArray(receiver) || !args.isEmpty())) {
      return Value.POSITIVE; // ND4J shapes: an INDArray with a 0-length dimension never reaches training
    }
    if (COUNT_METHODS.contains(name) && args.isEmpty()) {
      // the size of a collection handed in (a parameter or local) can be 0; of one the object keeps, less so
      return isLocalData(receiver) ? Value.named(Value.ZERO | Value.POS, call + " is 0 when it is empty") : Value.UNKNOWN;
    }
    if (NORM_METHODS.contains(name)) {
      return Value.of(Value.ZERO | Value.POS, call + " is 0 when all values are equal or zero");
    }
    if (name.equals("sum") || name.equals("sumNumber")) {
      Value r = of(receiver);
      if (r.isPositive()) {
        return Value.POSITIVE;
      }
      return Value.of(r.isNonNegative() ? Value.ZERO | Value.POS : Value.ANY, call + " is 0 when every term is 0");
    }
    if (SAME_VALUE_METHODS.contains(name)) {
      return of(receiver);
    }
    if (name.equals("getOrDefault") && args.size() == 2 && constant(args.get(1)) == 0) {
      return Value.of(Value.ZERO | Value.POS, call + " is 0 for a key never seen");
    }
    if ((name.equals("map") || name.equals("mapToDouble")) && args.size() == 1
        && args.get(0) instanceof LambdaExpr lambda && lambda.getExpressionBody().isPresent()) {
      // stream.map(v -> Math.exp(v - m)): the elements are what the lambda returns. An unshifted exp(v)
      // is not counted as positive: it underflows to 0 for very negative logits, and so can their sum.
      Expression body = lambda.getExpressionBody().get();
      boolean unshiftedExp = isExp(body) && !(Flow.strip(((MethodCallExpr) Flow.strip(body)).getArgument(0))
          instanceof BinaryExpr shift && shift.getOperator() == BinaryExpr.Operator.MINUS);
      return unshiftedExp ? Value.UNKNOWN : of(body);
    }
    if ((name.equals("rsub") || name.equals("rsubi")) && args.size() == 1 && constant(args.get(0)) == 1.0) {
      Value r = of(receiver);
      if (r.upper() < 1.0) {
        return Value.POSITIVE;
      }
      if (r.probability()) {
        return new Value(Value.ZERO | Value.POS, "1 - " + Guards.key(receiver) + " is 0 when "
            + Guards.key(receiver) + " reaches 1", true, 1.0, false, r.named());
      }
    }
    if ((name.equals("mul") || name.equals("muli")) && args.size() == 1
        && Guards.key(args.get(0)).equals(Guards.key(receiver))) {
      Value r = of(receiver);
      return r.derive((r.canBeZero() ? Value.ZERO : 0) | Value.POS); // x.mul(x): a square
    }
    if ((name.equals("mul") || name.equals("muli")) && args.size() == 1 && types.isIndArray(receiver)) {
      Value r = factor(receiver);
      Value a = factor(args.get(0));
      return combine(signsOf(r.signs(), a.signs(), Values::mulOne), r, a); // out.mul(out.rsub(1.0))
    }
    if ((name.equals("sub") || name.equals("subi")) && args.size() == 1 && types.isIndArray(receiver)) {
      return Value.of(Value.ANY, call + " is negative where " + args.get(0) + " is larger");
    }
    if ((name.equals("add") || name.equals("addi")) && args.size() == 1) {
      Value r = of(receiver);
      Value a = of(args.get(0));
      if ((a.isPositive() && (r.risk() == null || r.isNonNegative())) || (r.isPositive() && a.isNonNegative())) {
        return Value.POSITIVE;
      }
      if (!types.isIndArray(receiver) || constant(args.get(0)) > 0 || isConfiguration(args.get(0))) {
        return Value.UNKNOWN; // a list's add, or x.add(eps) / x.add(this.k): moved off x's zero
      }
      // p.mul(y).add(p.rsub(1).mul(y.rsub(1))): the probability of the true class, 0 when p saturates wrongly
      return combine(signsOf(r.signs(), a.signs(), Values::addOne), r, a);
    }
    if ((name.equals("getDouble") || name.equals("getFloat") || name.equals("getScalar")) && !args.isEmpty()) {
      return element(receiver);
    }
    if (PROBABILITY_METHODS.contains(name)) {
      return Value.probability(call + " reaches 0 when the model saturates");
    }
    if (Names.isProbability(name)) {
      return Value.namedProbability(call + " reaches 0 when the model saturates");
    }
    return configurationValue(name, call.toString()); // getters: what they return is validated where it is set
  }

  /** A helper declared in this file: positive when every return is, e.g. {@code return Math.max(x, EPS);}. */
  /**
   * The helper's result with its parameters bound to this call's arguments. Evaluated with a memo of its
   * own, since the values inside the helper hold only for these arguments.
   */
  private Value withArguments(MethodDeclaration method, MethodCallExpr call, List<ReturnStmt> returns) {
    Map<Node, Value> arguments = new IdentityHashMap<>();
    for (int i = 0; i < call.getArguments().size(); i++) {
      arguments.put(method.getParameter(i), of(call.getArgument(i)));
    }
    Map<Node, Value> outerBindings = bindings;
    Map<Node, Value> outerMemo = memo;
    bindings = arguments;
    memo = new IdentityHashMap<>();
    try {
      Value joined = null;
      for (ReturnStmt r : returns) {
        Value v = of(r.getExpression().get());
        joined = joined == null ? v : Value.join(joined, v);
      }
      return joined;
    } finally {
      bindings = outerBindings;
      memo = outerMemo;
    }
  }

  /** A parameter's incoming value: the argument while a helper call is evaluated, else what its name says. */
  private Value parameter(Declarations.Declaration d) {
    Value bound = bindings.get(d.node());
    return bound != null ? bound : nameValue(d);
  }

  private Value helper(MethodCallExpr call) {
    List<MethodDeclaration> candidates = call.findCompilationUnit().map(cu -> FileNodes.of(cu).methodsCalledBy(call))
        .orElse(List.of());
    if (candidates.size() != 1 || candidates.get(0).getBody().isEmpty()) {
      return Value.UNKNOWN;
    }
    MethodDeclaration method = candidates.get(0);
    boolean getter = method.getParameters().isEmpty() && Names.isGetter(method.getNameAsString());
    if (Names.isProbability(method.getNameAsString()) && !getter) {
      return Value.namedProbability(call + " reaches 0 when it saturates");
    }
    List<ReturnStmt> returns = Nodes.all(method.getBody().get(), ReturnStmt.class,
        r -> r.findAncestor(LambdaExpr.class).isEmpty());
    if (returns.isEmpty() || inProgress.contains(method)) {
      return Value.UNKNOWN;
    }
    inProgress.add(method);
    try {
      Value joined = null;
      Value computed = null; // returns other than literal sentinels such as "return 0;" in a guard
      for (ReturnStmt r : returns) {
        if (r.getExpression().isEmpty()) {
          return Value.UNKNOWN;
        }
        Value v = of(r.getExpression().get());
        joined = joined == null ? v : Value.join(joined, v);
        if (Double.isNaN(constant(r.getExpression().get()))) {
          computed = computed == null ? v : Value.join(computed, v);
        }
      }
      if (joined.isPositive()) {
        return Value.POSITIVE;
      }
      if (!call.getArguments().isEmpty()) {
        Value bound = withArguments(method, call, returns);
        if (bound.isPositive()) {
          // clip(p, EPS, 1 - EPS): positive for these arguments, and below 1 when hi is
          return Value.POSITIVE.withUpper(bound.upper());
        }
      }
      if (computed == null || Names.isStructuralSize(method.getNameAsString())) {
        return Value.UNKNOWN;
      }
      joined = computed;
      // a helper such as norm(v) = sqrt(sum of squares) passes on why its result can be 0
      return joined.hasStrongRisk() ? new Value(joined.signs(), call + " can be 0: inside it, " + joined.risk(),
          false, joined.upper(), false) : Value.UNKNOWN;
    } finally {
      inProgress.remove(method);
    }
  }

  // ---- names, fields, elements ------------------------------------------------------------------

  private Value name(NameExpr n) {
    String name = n.getNameAsString();
    Optional<Declarations.Declaration> decl = declarations.find(n, name);
    if (decl.isEmpty()) {
      return configurationValue(name, name); // inherited field or imported constant
    }
    Declarations.Declaration d = decl.get();
    if (d.kind() == Declarations.Kind.LOCAL || d.kind() == Declarations.Kind.PARAMETER) {
      Optional<ForEachStmt> forEach = forEachOf(d.node());
      if (forEach.isPresent()) {
        Value element = element(forEach.get().getIterable());
        return element.signs() == Value.ANY && element.risk() == null ? nameValue(d) : element;
      }
      Value v = local(n, d);
      // where the definition is opaque (a call into code we cannot see), the name is all we have
      if (v.signs() == Value.ANY && v.risk() == null && opaqueDefinition(d) && !bindings.containsKey(d.node())) {
        return nameValue(d);
      }
      return v;
    }
    if (d.kind() == Declarations.Kind.FIELD && d.isFinal() && d.initializer().isPresent()) {
      Value v = of(d.initializer().get());
      return v.signs() == Value.ANY && v.risk() == null ? configurationValue(name, name) : v;
    }
    if (d.kind() == Declarations.Kind.FIELD && SCALAR_TYPES.contains(d.typeName()) && isAccumulated(d)) {
      return runningTotal(d);
    }
    if (d.kind() == Declarations.Kind.FIELD && SCALAR_TYPES.contains(d.typeName())) {
      // a scalar field (double p, double dropoutProbability): a parameter validated where it is set
      return Names.isEpsilon(name) ? Value.POSITIVE : Value.UNKNOWN;
    }
    return d.kind() == Declarations.Kind.FIELD ? configurationValue(name, name) : nameValue(d);
  }

  /** {@code getThreshold()} or {@code this.getThreshold()}: this object's state, set (and validated) elsewhere. */
  private static boolean isOwnGetter(MethodCallExpr call) {
    return call.getArguments().isEmpty() && Names.isGetter(call.getNameAsString())
        && call.getScope().map(ThisExpr.class::isInstance).orElse(true);
  }

  /** A parameter, or a local initialised from a call we do not model: its name is the only evidence. */
  private boolean opaqueDefinition(Declarations.Declaration d) {
    if (d.kind() == Declarations.Kind.LOCAL && isResultArray(d)) {
      return false; // filled by arithmetic we can see (x.muli(alpha, out)), whatever its name says
    }
    if (d.kind() != Declarations.Kind.LOCAL || d.initializer().isEmpty()) {
      return true;
    }
    Expression init = Flow.strip(d.initializer().get());
    if (init instanceof MethodCallExpr call) {
      return !isOwnGetter(call) && api.mathFunction(call).isEmpty() && !api.isTransforms(call, call.getNameAsString());
    }
    return init instanceof ArrayAccessExpr || init instanceof FieldAccessExpr || init instanceof NameExpr;
  }

  /** An array handed to ND4J in-place ops as their result argument: {@code sumPart.muli(alpha, activations)}. */
  private boolean isResultArray(Declarations.Declaration local) {
    return local.node().findAncestor(CallableDeclaration.class).map(m -> resultArrays.computeIfAbsent(m, method -> {
      Set<String> names = new HashSet<>();
      Nodes.walk(method, MethodCallExpr.class, c -> {
        if (Flow.IN_PLACE.contains(c.getNameAsString()) && c.getArguments().size() >= 2) {
          names.add(Guards.key(c.getArguments().getLast().get()));
        }
      });
      return names;
    }).contains(local.name())).orElse(false);
  }


  private static Optional<ForEachStmt> forEachOf(Node declarator) {
    return declarator.getParentNode().flatMap(Node::getParentNode)
        .filter(ForEachStmt.class::isInstance).map(ForEachStmt.class::cast);
  }

  private Value field(FieldAccessExpr f) {
    String name = f.getNameAsString();
    if (name.equals("length")) {
      return isLocalData(f.getScope()) ? Value.named(Value.ZERO | Value.POS, f + " is 0 for an empty array") : Value.UNKNOWN;
    }
    double c = constant(f);
    if (!Double.isNaN(c)) {
      return c > 0 ? Value.POSITIVE : c < 0 ? Value.of(Value.NEG, f + " is negative") : Value.of(Value.ZERO, f + " is 0");
    }
    if (f.getScope() instanceof ThisExpr) {
      Optional<Declarations.Declaration> d = declarations.find(f, name);
      if (d.isPresent() && d.get().isFinal() && d.get().initializer().isPresent()) {
        return of(d.get().initializer().get());
      }
    }
    return configurationValue(name, f.toString());
  }

  /** An element of an array or INDArray: what the container's own value or name says. */
  private Value element(Expression container) {
    if (positiveElements(container)) {
      return Value.POSITIVE; // exps[i] = Math.exp(z[i] - max): every element written is positive
    }
    Value whole = of(container);
    if (whole.probability()) {
      String risk = Guards.key(container) + " holds probabilities" + (whole.named() ? " (so its name says)" : "")
          + ", which reach 0 when the model saturates";
      return whole.named() ? Value.namedProbability(risk) : Value.probability(risk);
    }
    if (whole.isPositive()) {
      return Value.POSITIVE;
    }
    String name = lastIdentifier(container);
    // a histogram of counts holds zeros (a class never seen): stronger evidence than a scalar named n
    return Names.isHistogram(name) ? Value.of(Value.ZERO | Value.POS, Guards.key(container) + " can hold a 0 count")
        : Names.isTarget(name) && holdsFloats(container) ? Value.named(Value.ANY, Guards.key(container)
            + "[...] holds observed targets, and a target can be 0 (a day without sales, a zero label)")
        : Names.isProbability(name) || Names.isSumOrNorm(name) || Names.isDistance(name)
            ? nameValue(name, Guards.key(container) + "[...]")
        : Value.UNKNOWN;
  }

  /** A {@code double[]} or {@code float[]} (of any rank): real-valued data, not class indices. */
  private boolean holdsFloats(Expression array) {
    String t = types.typeOf(array);
    return t.startsWith("double[") || t.startsWith("float[") || t.startsWith("Double[") || t.startsWith("Float[");
  }

  /**
   * An array whose every element write stores a positive value (or scales by one): a local, written in
   * its method, or a field, written in its class and only ever given fresh arrays
   * ({@code var[c][j] = sumSq[c][j] / n + VAR_SMOOTHING}). Rows and elements alike: {@code var[c]} and
   * {@code var} name the same array here.
   */
  private boolean positiveElements(Expression container) {
    Expression root = arrayBase(container);
    String name = arrayRoot(container);
    if (name == null || inProgress.contains(container)) {
      return false;
    }
    Optional<Declarations.Declaration> decl = declarations.find(root, name);
    if (decl.isEmpty()) {
      return false;
    }
    // the verdict depends on the array, not on where it is read: once per array, so reading a field
    // in every method of a big class stays linear
    if (!bindings.isEmpty()) {
      return positiveElements(container, root, name, decl.get()); // inside a helper call: depends on its arguments
    }
    Boolean known = positiveArrays.get(decl.get().node());
    if (known != null) {
      return known;
    }
    boolean verdict = positiveElements(container, root, name, decl.get());
    positiveArrays.put(decl.get().node(), verdict);
    return verdict;
  }

  private boolean positiveElements(Expression container, Expression root, String name, Declarations.Declaration decl) {
    Optional<Node> scope = switch (decl.kind()) {
      case LOCAL -> root.findAncestor(CallableDeclaration.class).map(Node.class::cast);
      case FIELD -> decl.node().findAncestor(TypeDeclaration.class).map(Node.class::cast);
      default -> Optional.empty();
    };
    Optional<Expression> initial = decl.initializer();
    if (scope.isEmpty() || (initial.isPresent() && !isFreshArray(initial.get()))) {
      return false; // {0.0, 1.0} or a copy of another array: elements we did not see written
    }
    List<AssignExpr> writes = Nodes.all(scope.get(), AssignExpr.class, a -> name.equals(arrayRoot(a.getTarget())));
    if (writes.size() > MAX_ARRAY_STORES) {
      return false; // more stores than anyone reasons about by hand: say nothing
    }
    if (writes.stream().noneMatch(w -> w.getTarget() instanceof ArrayAccessExpr) || Nodes.any(scope.get(),
        UnaryExpr.class, u -> Flow.isStep(u.getOperator()) && name.equals(arrayRoot(u.getExpression())))) {
      return false; // counts[y]++: a count array keeps a 0 wherever nothing was counted
    }
    inProgress.add(container);
    try {
      for (MethodCallExpr fill : Nodes.all(scope.get(), MethodCallExpr.class, c -> c.getNameAsString().equals("fill")
          && c.getArguments().size() >= 2 && name.equals(arrayRoot(c.getArgument(0))))) {
        if (!of(fill.getArgument(fill.getArguments().size() - 1)).isPositive()) {
          return false; // Arrays.fill(v, 0.0)
        }
      }
      for (AssignExpr w : writes) {
        boolean keeps = !(w.getTarget() instanceof ArrayAccessExpr)
            ? w.getOperator() == AssignExpr.Operator.ASSIGN && isFreshArray(w.getValue()) // elements written apart
            : switch (w.getOperator()) {
              case ASSIGN -> !selfUpdate(w) && of(w.getValue()).isPositive();
              case MULTIPLY -> of(w.getValue()).isPositive();
              case DIVIDE -> true; // normalising (exps[i] /= sum) never turns a positive element into 0
              default -> false;
            };
        if (!keeps) {
          return false;
        }
      }
      return true;
    } finally {
      inProgress.remove(container);
    }
  }

  /** {@code a[k] = a[k] + 1}: an update of what the element held, so a fresh array's 0 survives elsewhere. */
  private static boolean selfUpdate(AssignExpr w) {
    String target = Guards.key(w.getTarget());
    return w.getValue() instanceof BinaryExpr b
        && (Guards.key(b.getLeft()).equals(target) || Guards.key(b.getRight()).equals(target));
  }

  /** {@code new double[n]}: an array whose elements are all still to be written. */
  private static boolean isFreshArray(Expression e) {
    return e instanceof ArrayCreationExpr fresh && fresh.getInitializer().isEmpty();
  }

  /** {@code x} for {@code x[i][j]}, {@code this.x[i]}, {@code x} and {@code this.x}; else null. */
  private static String arrayRoot(Expression target) {
    Expression root = arrayBase(target);
    return root instanceof NameExpr n ? n.getNameAsString()
        : root instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr ? f.getNameAsString() : null;
  }

  /** The array expression under every index: {@code x} for {@code x[i][j]}, {@code this.x} for {@code this.x[i]}. */
  private static Expression arrayBase(Expression e) {
    Expression root = e;
    while (root instanceof ArrayAccessExpr a) {
      root = a.getName();
    }
    return root;
  }

  private static String lastIdentifier(Expression e) {
    if (e instanceof NameExpr n) return n.getNameAsString();
    if (e instanceof FieldAccessExpr f) return f.getNameAsString();
    if (e instanceof MethodCallExpr m) return m.getNameAsString();
    if (e instanceof ArrayAccessExpr a) return lastIdentifier(a.getName());
    if (e instanceof EnclosedExpr en) return lastIdentifier(en.getInner());
    if (e instanceof CastExpr c) return lastIdentifier(c.getExpression());
    return "";
  }

  /**
   * A field's value: set at construction, where configuration is validated, so a name like
   * {@code count} or {@code denom} says little. Only a probability name still speaks.
   */
  private static Value configurationValue(String identifier, String text) {
    return Names.isEpsilon(identifier) || Names.isProbability(identifier) ? nameValue(identifier, text) : Value.UNKNOWN;
  }

  /** A threshold or limit in a comparison: known non-negative, or a configured field (limits are). */
  private boolean isNonNegativeBound(Expression e) {
    return isConfiguration(e) || of(e).isNonNegative();
  }

  /** A parameter or local variable: data handed to this method, not state the object validated. */
  private boolean isLocalData(Expression e) {
    Expression x = Flow.strip(e);
    if (x instanceof MethodCallExpr getter && getter.getArguments().isEmpty() && Names.isGetter(getter.getNameAsString())
        && getter.getScope().isPresent()) {
      // model.getRelevantItems(): a collection read from an object handed in is that input's data
      return isLocalData(getter.getScope().get());
    }
    return x instanceof NameExpr n && declarations.find(n, n.getNameAsString())
        .map(d -> d.kind() != Declarations.Kind.FIELD).orElse(false);
  }

  /** Fields and constants: {@code upper - lower} of a configured range is validated where it is set. */
  private boolean isConfiguration(Expression e) {
    Expression x = Flow.strip(e);
    if (x instanceof FieldAccessExpr) {
      return true;
    }
    if (x instanceof NameExpr n) {
      // a field, or a local copied from one or from a getter (double threshold = conf.getThreshold())
      return declarations.find(n, n.getNameAsString()).map(d -> (d.kind() == Declarations.Kind.FIELD && !isAccumulated(d))
          || (d.kind() == Declarations.Kind.LOCAL && d.initializer().map(this::isConfiguration).orElse(false)
              && !reassigned(d)))
          .orElse(true);
    }
    if (x instanceof MethodCallExpr call) {
      return call.getArguments().isEmpty() && Names.isGetter(call.getNameAsString());
    }
    if (x instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.MULTIPLY
        || b.getOperator() == BinaryExpr.Operator.PLUS)) {
      return isConfiguration(b.getLeft()) && isConfiguration(b.getRight()); // alpha * vocabSize
    }
    return !Double.isNaN(constant(x));
  }

  /** A local assigned again after its declaration (int hi = 0; ... hi = Math.max(hi, x)). */
  private boolean reassigned(Declarations.Declaration local) {
    return reassignedLocals.computeIfAbsent(local.node(), node -> {
      Node body = node.findAncestor(CallableDeclaration.class).map(Node.class::cast)
          .or(() -> node.findAncestor(LambdaExpr.class)).orElse(node);
      return Definitions.assigns(body, local.name());
    });
  }

  /**
   * A field the class itself counts up or accumulates into ({@code count++}, {@code sum += x}): running
   * state that starts at its initial value, not configuration validated where it is set.
   */
  private boolean isAccumulated(Declarations.Declaration field) {
    return fieldWrites(field).accumulated().contains(field.name());
  }

  /**
   * A field the class counts or sums into ({@code count++; m2 += d * d;} in {@code push}): it holds its
   * initial value until the first update, so a running statistic read before any data divides by 0.
   * Only the initial state says so, which is weak evidence: enough for a division in ML code.
   */
  private Value runningTotal(Declarations.Declaration field) {
    return runningTotals.computeIfAbsent(field.node(), node -> {
      double initial = field.initializer().map(this::constant).orElse(0.0);
      // a field also set outright (this.value = value in a constructor) is a value, not a running total
      boolean onlyAccumulated = fieldWrites(field).assigned().getOrDefault(field.name(), List.of()).stream()
          .allMatch(value -> constant(value) == 0);
      return initial == 0 && onlyAccumulated
          ? Value.named(Value.ZERO | Value.POS, field.name() + " is 0 until the first update adds to it")
          : Value.UNKNOWN;
    });
  }

  /** How the file writes its names: counted or summed into, and the values assigned outright. */
  private record FieldWrites(Set<String> accumulated, Map<String, List<Expression>> assigned) {}

  /** One walk of the file, on first use. */
  private FieldWrites fieldWrites(Declarations.Declaration field) {
    if (fieldWrites == null) {
      FieldWrites writes = new FieldWrites(new HashSet<>(), new HashMap<>());
      field.node().findCompilationUnit().map(FileNodes::of).ifPresent(nodes -> {
        for (UnaryExpr u : nodes.all(UnaryExpr.class)) {
          if (Flow.isStep(u.getOperator())) {
            writtenName(u.getExpression()).ifPresent(writes.accumulated()::add);
          }
        }
        for (AssignExpr a : nodes.all(AssignExpr.class)) {
          if (a.getOperator() == AssignExpr.Operator.PLUS) {
            writtenName(a.getTarget()).ifPresent(writes.accumulated()::add);
          } else if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
            writtenName(a.getTarget()).ifPresent(name ->
                writes.assigned().computeIfAbsent(name, k -> new ArrayList<>()).add(a.getValue()));
          }
        }
      });
      fieldWrites = writes;
    }
    return fieldWrites;
  }

  /** The name {@code x} or {@code this.x} writes to. */
  private static Optional<String> writtenName(Expression target) {
    if (target instanceof NameExpr n) {
      return Optional.of(n.getNameAsString());
    }
    return target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
        ? Optional.of(f.getNameAsString()) : Optional.empty();
  }

  private static final Set<String> SCALAR_TYPES = Set.of("double", "float", "int", "long", "Double", "Float");
  private static final Set<String> INTEGRAL_TYPES = Set.of("int", "long", "short", "byte", "Integer", "Long");

  /**
   * What a declared variable's name says. An integer is never a probability: {@code p} is the number
   * of features in statistics code, {@code n} and {@code p} are dimensions.
   */
  private static Value nameValue(Declarations.Declaration d) {
    if (INTEGRAL_TYPES.contains(d.typeName()) && Names.isProbability(d.name())) {
      return Value.UNKNOWN;
    }
    return nameValue(d.name(), d.name());
  }

  private static Value nameValue(String identifier, String text) {
    if (Names.isEpsilon(identifier) || Names.isStructuralSize(identifier)) {
      return Value.POSITIVE; // an epsilon, or a size the model fixes (batchSize, numClasses, nOut)
    }
    if (Names.isProbability(identifier)) {
      return Value.namedProbability(text + " is a probability (so its name says) and reaches 0 when the model saturates");
    }
    if (Names.isCount(identifier)) {
      return Value.named(Value.ZERO | Value.POS, text + " is 0 when there is nothing to count");
    }
    if (Names.isSumOrNorm(identifier)) {
      return Value.named(Value.ZERO | Value.POS, text + " is 0 when every term is 0");
    }
    if (Names.isDistance(identifier)) {
      return Value.named(Value.ZERO | Value.POS, text + " is 0 when two points coincide");
    }
    if (Names.isSigned(identifier)) {
      return Value.named(Value.NEG | Value.POS, text + " is a signed difference and can be negative");
    }
    return Value.UNKNOWN;
  }

  // ---- locals: which definitions reach a use ----------------------------------------------------

  private Value local(NameExpr use, Declarations.Declaration decl) {
    List<Node> mayDefs = new ArrayList<>();
    Value base = reaching(use, decl, mayDefs);
    Value merged = merge(base, mayDefs, decl.name());
    if (merged.canBeZero() && base != null && base.signs() == Value.ZERO && aSummedElementIsPositiveAt(use, mayDefs)) {
      return merged.withSigns(merged.signs() & ~Value.ZERO); // total += counts[c]; ... if (counts[i] > 0) x / total
    }
    return merged;
  }

  /**
   * A sum of an array's non-negative elements ({@code total += counts[c]}, or {@code for (int c : counts)
   * total += c}) used where a guard says one element of that array is positive ({@code if (counts[i] > 0)}):
   * the sum is at least that element, so it is not 0. The entropy of a histogram is written this way.
   */
  private boolean aSummedElementIsPositiveAt(NameExpr use, List<Node> mayDefs) {
    String array = null;
    for (Node def : mayDefs) {
      if (!(def instanceof AssignExpr a) || a.getOperator() != AssignExpr.Operator.PLUS) {
        return false;
      }
      String summed = summedArray(Flow.strip(a.getValue()));
      if (summed == null || (array != null && !array.equals(summed)) || !of(a.getValue()).isNonNegative()) {
        return false;
      }
      array = summed;
    }
    if (array == null) {
      return false;
    }
    String summedArray = array;
    for (Guards.Fact fact : guards.factsAt(use)) {
      for (ArrayAccessExpr element : Nodes.all(fact.condition(), ArrayAccessExpr.class)) {
        // the elements are non-negative, so "not 0" is as good as "positive"
        if (summedArray.equals(arrayRoot(element)) && (guards.allowedSigns(use, Guards.key(element)) & Value.ZERO) == 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The array a summed term is an element of: {@code counts} for {@code counts[c]}, or for {@code c} of {@code for (int c : counts)}. */
  private String summedArray(Expression term) {
    if (term instanceof ArrayAccessExpr element) {
      return arrayRoot(element);
    }
    if (term instanceof NameExpr n) {
      return declarations.find(n, n.getNameAsString()).flatMap(d -> forEachOf(d.node()))
          .map(loop -> loop.getIterable() instanceof NameExpr iterable ? iterable.getNameAsString() : null).orElse(null);
    }
    return null;
  }

  /**
   * Walks backwards from {@code from} through the enclosing blocks to the nearest definition that
   * always runs (the declaration, or a plain assignment statement). Assignments that may run on the
   * way (inside branches and loops) are added to {@code mayDefs}. Returns the killing definition's
   * value, or null when there is none (no initializer).
   */
  private Value reaching(Node from, Declarations.Declaration decl, List<Node> mayDefs) {
    String name = decl.name();
    Node child = from;
    for (Node p = from.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || p instanceof TypeDeclaration<?>) {
        // a parameter's incoming value: only its name says anything about it
        return decl.kind() == Declarations.Kind.PARAMETER ? parameter(decl) : null;
      }
      if (Definitions.isLoop(p) && !decl.node().isDescendantOf(p)) {
        collectAssignments(p, name, mayDefs);
      }
      if (p instanceof ForStmt loop && decl.node().isDescendantOf(p)) {
        collectAssignments(p, name, mayDefs);
        return decl.initializer().map(this::of).orElse(null);
      }
      NodeList<Statement> statements = p instanceof BlockStmt block ? block.getStatements()
          : p instanceof SwitchEntry entry ? entry.getStatements() : null;
      if (statements == null || !(child instanceof Statement current)) {
        continue;
      }
      for (int i = Nodes.indexOf(statements, current) - 1; i >= 0; i--) {
        Statement s = statements.get(i);
        if (declares(s, decl)) {
          return decl.initializer().map(this::of).orElse(null);
        }
        AssignExpr kill = Definitions.plainAssignment(s, name);
        if (kill != null && !Definitions.isSelfUpdate(kill, name)) {
          return of(kill.getValue());
        }
        if (s instanceof IfStmt ifs && ifs.getElseStmt().isEmpty() && Definitions.plainAssignment(ifs.getThenStmt(), name) != null) {
          // if (p < EPS) p = EPS;  -> after it: the clamp, or the earlier value where the condition was false
          List<Node> earlier = new ArrayList<>();
          Value before = merge(reaching(s, decl, earlier), earlier, name);
          int kept = guards.facts(ifs.getCondition(), false, name);
          return Value.join(of(Definitions.plainAssignment(ifs.getThenStmt(), name).getValue()), before.withSigns(before.signs() & kept));
        }
        if (clampsInPlace(s, name) || clipsSomewhere(s, name)) {
          return Value.POSITIVE;
        }
        collectAssignments(s, name, mayDefs);
      }
    }
    return null;
  }


  private static boolean declares(Statement s, Declarations.Declaration decl) {
    return s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr vars
        && vars.getVariables().stream().anyMatch(v -> v == decl.node());
  }



  /** ND4J clamps that change an array in place: {@code x.addi(eps)}, {@code BooleanIndexing.replaceWhere(x, eps, ...)}. */
  private boolean clampsInPlace(Statement s, String name) {
    if (!(s instanceof ExpressionStmt es) || !(es.getExpression() instanceof MethodCallExpr call)) {
      return false;
    }
    String method = call.getNameAsString();
    if (method.equals("addi") && call.getScope().map(x -> x.toString().equals(name)).orElse(false)
        && call.getArguments().size() == 1) {
      return of(call.getArgument(0)).isPositive();
    }
    if ((method.equals("max")) && api.isTransforms(call, "max") && call.getArguments().size() == 3
        && call.getArgument(0).toString().equals(name) && call.getArgument(2).toString().equals("false")) {
      return of(call.getArgument(1)).isPositive();
    }
    if (method.equals("replaceWhere") && call.getArguments().size() >= 2
        && call.getArgument(0).toString().equals(name)) {
      return of(call.getArgument(1)).isPositive();
    }
    return false;
  }

  /**
   * A statement that visibly clips {@code name}, perhaps conditionally or through an op:
   * {@code if (eps > 0) BooleanIndexing.replaceWhere(out, eps, ...)}, {@code exec(new ClipByValue(out, ...))},
   * a "clipbyvalue" custom op on {@code out}. The developer has handled the range; trust it.
   */
  private static boolean clipsSomewhere(Statement s, String name) {
    if (s instanceof ExpressionStmt es && es.getExpression() instanceof AssignExpr) {
      return false; // an assignment is a definition, handled by the caller
    }
    if (s instanceof IfStmt ifs && ifs.getElseStmt().isEmpty() && ifs.getCondition().findFirst(InstanceOfExpr.class).isPresent()) {
      return false; // clipped only for one type of activation or input: every other type reaches the use unclipped
    }
    boolean[] clip = new boolean[1];
    boolean[] mentions = new boolean[1];
    Nodes.walk(s, node -> {
      if (node instanceof NameExpr n && n.getNameAsString().equals(name)) {
        mentions[0] = true;
      } else if (node instanceof MethodCallExpr c && isClipWord(c.getNameAsString())) {
        clip[0] = true;
      } else if (node instanceof ObjectCreationExpr o
          && isClipWord(o.getType().getNameAsString())) {
        clip[0] = true;
      } else if (node instanceof StringLiteralExpr str && isClipWord(str.getValue())) {
        clip[0] = true;
      }
    });
    return clip[0] && mentions[0];
  }

  private static boolean isClipWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.startsWith("clip") || w.startsWith("clamp") || w.equals("replacewhere");
  }

  private static void collectAssignments(Node within, String name, List<Node> out) {
    Nodes.walk(within, node -> {
      if (node instanceof AssignExpr a && a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) {
        out.add(a);
      } else if (node instanceof UnaryExpr u && u.getExpression() instanceof NameExpr t
          && t.getNameAsString().equals(name) && u.getOperator() != UnaryExpr.Operator.MINUS
          && u.getOperator() != UnaryExpr.Operator.PLUS && u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
          && u.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT) {
        out.add(u);
      }
    });
  }

  /**
   * An assignment or call that runs only under a condition inside its loop ({@code if (y == k) count++;}):
   * inside a branch, or after an {@code if (...) continue;} that can skip it, within its loop.
   */
  public static boolean isConditional(Node def) {
    Node child = def;
    for (Node p = def.getParentNode().orElse(null); p != null && !Definitions.isLoop(p);
        child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof IfStmt || p instanceof ConditionalExpr || p instanceof SwitchEntry) {
        return true;
      }
      if (p instanceof BlockStmt block && child instanceof Statement current) {
        int at = Nodes.indexOf(block.getStatements(), current);
        for (int i = 0; i < at; i++) {
          if (Guards.exitingConditions(block.getStatement(i)) != null) {
            return true;
          }
        }
      }
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
        return false;
      }
    }
    return false;
  }

  /** Joins the killing definition with the assignments that may also reach; accumulators get their own rule. */
  private Value merge(Value base, List<Node> mayDefs, String name) {
    Value plain = base;
    Value added = null;
    boolean decremented = false;
    boolean conditional = false;
    for (Node def : mayDefs) {
      if (def instanceof UnaryExpr u) {
        conditional |= isConditional(def);
        boolean up = u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
            || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT;
        if (up) {
          added = added == null ? Value.POSITIVE : Value.join(added, Value.POSITIVE);
        } else {
          decremented = true;
        }
        continue;
      }
      if (isConditional(def)) {
        conditional = true;
      }
      AssignExpr a = (AssignExpr) def;
      Expression term = a.getValue();
      AssignExpr.Operator op = a.getOperator();
      if (op == AssignExpr.Operator.ASSIGN && Definitions.isSelfUpdate(a, name)) {
        BinaryExpr b = (BinaryExpr) a.getValue();
        term = b.getRight();
        op = b.getOperator() == BinaryExpr.Operator.PLUS ? AssignExpr.Operator.PLUS
            : b.getOperator() == BinaryExpr.Operator.MINUS ? AssignExpr.Operator.MINUS
            : b.getOperator() == BinaryExpr.Operator.MULTIPLY ? AssignExpr.Operator.MULTIPLY : AssignExpr.Operator.XOR;
      }
      switch (op) {
        case ASSIGN -> plain = plain == null ? of(term) : Value.join(plain, of(term));
        case PLUS -> added = added == null ? of(term) : Value.join(added, of(term));
        case MINUS -> decremented = true;
        case MULTIPLY -> {
          if (!of(term).isPositive()) {
            plain = plain == null ? Value.UNKNOWN : Value.join(plain, Value.UNKNOWN);
          }
        }
        case DIVIDE -> { } // var /= n: scaling keeps the sum's sign and whether it is 0 (0 / n is its own finding)
        default -> plain = plain == null ? Value.UNKNOWN : Value.join(plain, Value.UNKNOWN);
      }
    }
    if (decremented) {
      return Value.of(Value.ANY, name + " is decreased and can reach 0");
    }
    if (plain == null) {
      return added == null ? Value.UNKNOWN : added;
    }
    if (base != null && base.signs() == Value.ZERO && plain != base && added == null) {
      // double step = 0; ... step = f(...): the 0 is a placeholder the later assignments replace
      plain = mayDefs.stream().filter(AssignExpr.class::isInstance).map(AssignExpr.class::cast)
          .filter(a -> a.getOperator() == AssignExpr.Operator.ASSIGN).map(a -> of(a.getValue()))
          .reduce(Value::join).orElse(plain);
    }
    if (added == null) {
      return plain;
    }
    if (plain.signs() == Value.ZERO && added.isPositive()) {
      if (conditional) {
        return Value.of(Value.ZERO | Value.POS, name + " stays 0 when the condition guarding its increments never holds");
      }
      return Value.POSITIVE; // a sum of positive terms (e.g. of exp): positive once the loop has run
    }
    Value result = plain;
    for (int i = 0; i < 2; i++) {
      int s = signsOf(result.signs(), added.signs(), Values::addOne) | result.signs();
      result = Value.riskOf(result, added).derive(s);
    }
    if (plain.signs() == Value.ZERO && result.canBeZero()) {
      return Value.of(result.signs(), name + " starts at 0 and stays 0 when every added term is 0");
    }
    return result.withSigns(result.signs());
  }
}
