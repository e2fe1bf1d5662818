package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Exponentials in softmax and log-sum-exp code: is an {@code exp} call's exponent bounded above
 * (shifted by the max, negated, a clamp, a value known to be at most 0), and is its result normalised
 * (divided by a sum of exponentials, summed into a running sum that becomes a divisor or a log
 * argument, stored in an array that is then normalised, ND4J's {@code exp(x).div(exp(x).sum(1))})?
 * An unbounded exponent in such a pattern overflows to Infinity above 709 (88 in float), and the
 * normalisation turns that into NaN.
 */
public final class Exponentials {
  private static final int MAX_DEPTH = 5;
  private static final Set<String> DIVIDE_METHODS = Set.of("div", "divi", "divRowVector", "diviRowVector",
      "divColumnVector", "diviColumnVector");
  private static final Set<String> SUB_METHODS = Set.of("sub", "subi", "subRowVector", "subiRowVector",
      "subColumnVector", "subiColumnVector");
  private static final Set<String> SUB_IN_PLACE = Set.of("subi", "subiRowVector", "subiColumnVector");
  private static final Set<String> SUM_METHODS = Set.of("sum", "sumNumber");
  private static final Set<String> PASS_THROUGH = Set.of("doubleValue", "floatValue", "dup", "detach", "castTo",
      "add", "addi");

  /** How an exponential's result is normalised: the words for a message, and whether the end is a log. */
  public record Normalisation(String how, boolean log, Expression inline) {}

  private final Api api;
  private final Values values;
  private final Flow flow;
  private final Types types;

  Exponentials(Api api, Values values, Flow flow, Types types) {
    this.api = api;
    this.values = values;
    this.flow = flow;
    this.types = types;
  }

  /** {@code Math.exp} (also StrictMath, FastMath, static imports) or ND4J {@code Transforms.exp}. */
  public boolean isExp(MethodCallExpr call) {
    return call.getArguments().isNonEmpty() && (api.isMath(call, "exp") || api.isTransforms(call, "exp"));
  }

  /**
   * An {@code exp} (or {@code cosh}/{@code sinh}, {@code expm1}) that dominates {@code e} (the value itself,
   * a factor, a numerator or a term) and can exceed {@code limit} by the flow facts at that point, unless
   * its exponent is shifted by a maximum ({@code Math.exp(z - max)}, at most 1). Stops at casts to float,
   * where the value narrows.
   */
  public Optional<MethodCallExpr> expExceeding(Expression e, double limit, Facts facts) {
    if (e instanceof EnclosedExpr en) {
      return expExceeding(en.getInner(), limit, facts);
    }
    if (e instanceof CastExpr cast) {
      String t = cast.getType().asString();
      return t.equals("float") || t.equals("Float") ? Optional.empty()
          : expExceeding(cast.getExpression(), limit, facts);
    }
    if (e instanceof MethodCallExpr call && api.isMath(call, "exp", "expm1", "cosh", "sinh")) {
      boolean shifted = call.getArguments().isNonEmpty() && Flow.strip(call.getArgument(0)) instanceof BinaryExpr b
          && b.getOperator() == BinaryExpr.Operator.MINUS && isMaxLike(b.getRight(), 0);
      return !shifted && facts.at(call).hi() > limit ? Optional.of(call) : Optional.empty();
    }
    if (e instanceof BinaryExpr b) {
      switch (b.getOperator()) {
        case MULTIPLY, PLUS, MINUS: {
          Optional<MethodCallExpr> left = expExceeding(b.getLeft(), limit, facts);
          return left.isPresent() ? left : expExceeding(b.getRight(), limit, facts);
        }
        case DIVIDE:
          return expExceeding(b.getLeft(), limit, facts);
        default:
          return Optional.empty();
      }
    }
    return Optional.empty();
  }

  // ---- the exponent -----------------------------------------------------------------------------

  /**
   * Is the exponent bounded above: a constant, at most 0 ({@link Values}), written negated
   * ({@code -x * x}, {@code -k * t}: decays and kernels, taken as bounded), clamped with
   * {@code Math.min(x, c)}, or shifted by a maximum ({@code z[i] - max}, {@code x.subColumnVector(x.max(1))},
   * an earlier in-place {@code z[i] -= max}), also through the local holding it?
   */
  public boolean isBoundedAbove(Expression exponent) {
    return bounded(exponent, exponent, 0);
  }

  private boolean bounded(Expression e, Node use, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (!Double.isNaN(values.constant(e))) {
      return true;
    }
    Expression x = Flow.strip(e);
    if ((values.of(x).signs() & Value.POS) == 0) {
      return true;
    }
    if (x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      return true;
    }
    if (x instanceof BinaryExpr b) {
      switch (b.getOperator()) {
        case MINUS:
          return isMaxLike(b.getRight(), 0);
        case MULTIPLY: {
          if (leadingMinus(b)) {
            return true;
          }
          // a constant factor scales: scores[i] * SCALE is as unbounded as scores[i]; a factor bounded for
          // another reason ((z - max) * beta: at most 0) keeps the product bounded
          boolean constantLeft = !Double.isNaN(values.constant(b.getLeft()));
          boolean constantRight = !Double.isNaN(values.constant(b.getRight()));
          if (constantLeft || constantRight) {
            return bounded(constantLeft ? b.getRight() : b.getLeft(), use, depth + 1);
          }
          return bounded(b.getLeft(), use, depth + 1) || bounded(b.getRight(), use, depth + 1);
        }
        case DIVIDE:
          return leadingMinus(b) || bounded(b.getLeft(), use, depth + 1); // (z - max) / temperature
        default:
          return false;
      }
    }
    if (x instanceof NameExpr n) {
      if (shiftedInPlaceBefore(n.getNameAsString(), use)) {
        return true;
      }
      Optional<ForEachStmt> loop = flow.declarations().find(n, n.getNameAsString())
          .flatMap(d -> d.node().getParentNode()).flatMap(Node::getParentNode)
          .filter(ForEachStmt.class::isInstance).map(ForEachStmt.class::cast);
      if (loop.isPresent()) { // for (double v : z) after z[i] -= max
        String iterable = Flow.root(loop.get().getIterable());
        return !iterable.isEmpty() && shiftedInPlaceBefore(iterable, use);
      }
      Optional<Expression> def = flow.definition(n);
      return def.isPresent() && bounded(def.get(), use, depth + 1);
    }
    if (x instanceof ArrayAccessExpr) {
      String root = Flow.root(x);
      return !root.isEmpty() && shiftedInPlaceBefore(root, use);
    }
    if (x instanceof MethodCallExpr call) {
      String name = call.getNameAsString();
      if ((api.isMath(call, "min") || api.isTransforms(call, "min")) && call.getArguments().size() == 2) {
        return !Double.isNaN(values.constant(call.getArgument(1))) || !Double.isNaN(values.constant(call.getArgument(0)));
      }
      if (call.getScope().isEmpty()) {
        return false;
      }
      Expression receiver = call.getScope().get();
      if (SUB_METHODS.contains(name) && call.getArguments().size() == 1) {
        return isMaxLike(call.getArgument(0), 0);
      }
      if ((DIVIDE_METHODS.contains(name) || name.equals("mul") || name.equals("muli") || name.equals("dup")
          || name.equals("castTo")) && !(Flow.strip(receiver) instanceof NameExpr r && r.getNameAsString().equals("Nd4j"))) {
        return bounded(receiver, use, depth + 1);
      }
    }
    return false;
  }

  /** Calls whose result is a weighted sum: a dot or matrix product, a layer's pre-activation. */
  private static final Set<String> SCORE_METHODS = Set.of("dot", "mmul", "mmuli", "gemv", "gemm", "innerProduct",
      "dotProduct", "preOutput");

  /** What makes an exponential overflow on ordinary data: the words for a message, and whether it is kept in float. */
  public record Overflow(String reason, boolean inFloat) {
    /** The exponent above which exp overflows: 88.7 in float, 709.78 in double. */
    public String limit() {
      return inFloat ? "88.7 (exp in float)" : "709.78";
    }
  }

  /**
   * Why the exponent of {@code exp} can be expected to pass the overflow on ordinary data, or empty when the
   * code shows nothing that makes it large. Two mechanisms: the exponential is kept in float (ND4J, a result
   * cast to or stored in a float), where it overflows above 88.7; or the exponent is a linear score the method
   * computes, a sum of products of weights and features ({@code s += w[i] * x[i]}, {@code w.dot(x) + b},
   * {@code x.mmul(W)}), which grows with unscaled features and weights with no bound. An exponent handed in by a
   * caller, read from a field or returned by another method may be anything, bounded log-probabilities as often
   * as raw scores: its shape alone is weak evidence.
   */
  public Optional<Overflow> overflowMechanism(MethodCallExpr exp) {
    Expression exponent = exp.getArgument(0);
    if (api.isTransforms(exp, "exp")) {
      return Optional.of(new Overflow("ND4J arrays are float by default", true));
    }
    if (keptInFloat(exp)) {
      return Optional.of(new Overflow("the exponential is kept in a float", true));
    }
    return isLinearScore(exponent, exp, 0)
        ? Optional.of(new Overflow(exponent + " is a linear score (a sum of weights times features) with no bound", false))
        : Optional.empty();
  }

  /**
   * Math.exp computes in double whatever its argument's type; its result overflows at 88.7 only when it is
   * kept in a float: cast to float, or (through sums and products) stored in a float variable or element.
   */
  private boolean keptInFloat(MethodCallExpr exp) {
    Node child = exp;
    Node p = exp.getParentNode().orElse(null);
    while (p instanceof EnclosedExpr || p instanceof BinaryExpr b && b.getOperator() != BinaryExpr.Operator.DIVIDE
        && !isComparison(b)) {
      child = p;
      p = p.getParentNode().orElse(null);
    }
    if (p instanceof CastExpr c) {
      return c.getType().asString().equals("float");
    }
    if (p instanceof VariableDeclarator v) {
      return v.getTypeAsString().equals("float");
    }
    return p instanceof AssignExpr a && a.getValue() == child && types.isFloat(a.getTarget());
  }

  private static boolean isComparison(BinaryExpr b) {
    return switch (b.getOperator()) {
      case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS, EQUALS, NOT_EQUALS, AND, OR -> true;
      default -> false;
    };
  }

  private boolean isLinearScore(Expression e, Node use, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    Expression x = Flow.strip(e);
    if (x instanceof MethodCallExpr call) {
      return SCORE_METHODS.contains(call.getNameAsString())
          || PASS_THROUGH.contains(call.getNameAsString()) && call.getScope().isPresent()
              && isLinearScore(call.getScope().get(), use, depth + 1);
    }
    if (x instanceof BinaryExpr b) {
      return switch (b.getOperator()) {
        case PLUS, MINUS -> isLinearScore(b.getLeft(), use, depth + 1) || isLinearScore(b.getRight(), use, depth + 1)
            || isProduct(b.getLeft()) && isProduct(b.getRight()); // w0 * x0 + w1 * x1, written out
        case MULTIPLY, DIVIDE -> !Double.isNaN(values.constant(b.getRight())) && isLinearScore(b.getLeft(), use, depth + 1)
            || b.getOperator() == BinaryExpr.Operator.MULTIPLY && !Double.isNaN(values.constant(b.getLeft()))
                && isLinearScore(b.getRight(), use, depth + 1);
        default -> false;
      };
    }
    String name = x instanceof NameExpr n ? n.getNameAsString() : x instanceof ArrayAccessExpr ? Flow.root(x) : "";
    Optional<Node> method = use.findAncestor(CallableDeclaration.class).map(m -> (Node) m);
    if (name.isEmpty() || method.isEmpty()) {
      return false;
    }
    if (x instanceof NameExpr n && flow.declarations().find(n, name).filter(d -> d.kind() != Declarations.Kind.LOCAL).isPresent()) {
      return false; // a parameter or a field: whatever the caller or another method put there
    }
    for (Node write : x instanceof NameExpr ? Flow.writes(method.get(), name) : elementWrites(method.get(), name)) {
      if (write instanceof AssignExpr a && (accumulatesProduct(a)
          || a.getOperator() == AssignExpr.Operator.ASSIGN && isLinearScore(a.getValue(), use, depth + 1))) {
        return true;
      }
    }
    if (x instanceof NameExpr n) {
      Optional<Expression> initial = flow.declarations().find(n, name).map(Declarations.Declaration::node)
          .filter(VariableDeclarator.class::isInstance).flatMap(v -> ((VariableDeclarator) v).getInitializer());
      return initial.isPresent() && isLinearScore(initial.get(), use, depth + 1);
    }
    return false;
  }

  /** {@code s += w * x}, {@code s = s + w * x} or {@code s = w * x + s}: a product of two values that are not constants, summed up. */
  private boolean accumulatesProduct(AssignExpr a) {
    if (a.getOperator() == AssignExpr.Operator.PLUS) {
      return isProduct(a.getValue());
    }
    if (a.getOperator() != AssignExpr.Operator.ASSIGN || !(Flow.strip(a.getValue()) instanceof BinaryExpr sum)
        || sum.getOperator() != BinaryExpr.Operator.PLUS) {
      return false;
    }
    String target = Printed.of(Flow.strip(a.getTarget()));
    return Printed.of(Flow.strip(sum.getLeft())).equals(target) && isProduct(sum.getRight())
        || Printed.of(Flow.strip(sum.getRight())).equals(target) && isProduct(sum.getLeft());
  }

  /** A product of two values that are not constants: one weight times one feature. */
  private boolean isProduct(Expression e) {
    return Flow.strip(e) instanceof BinaryExpr product && product.getOperator() == BinaryExpr.Operator.MULTIPLY
        && Double.isNaN(values.constant(product.getLeft())) && Double.isNaN(values.constant(product.getRight()));
  }

  /** Assignments to an element of the array {@code name}: {@code z[k] = ...}, {@code z[k] += ...}. */
  private static List<Node> elementWrites(Node within, String name) {
    List<Node> out = new ArrayList<>();
    Nodes.walk(within, node -> {
      if (node instanceof AssignExpr a && Flow.strip(a.getTarget()) instanceof ArrayAccessExpr element
          && Flow.root(element).equals(name)) {
        out.add(a);
      }
    });
    return out;
  }

  private static boolean leadingMinus(BinaryExpr b) {
    Expression left = Flow.strip(b.getLeft());
    while (left instanceof BinaryExpr l && (l.getOperator() == BinaryExpr.Operator.MULTIPLY
        || l.getOperator() == BinaryExpr.Operator.DIVIDE)) {
      left = Flow.strip(l.getLeft());
    }
    return left instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS;
  }

  /** An earlier {@code z.subiColumnVector(max)}, {@code z[i] -= max} or {@code z[i] = z[i] - max} in the same method. */
  private boolean shiftedInPlaceBefore(String name, Node use) {
    Node body = Callables.methodOrLambdaInClass(use).orElse(null);
    if (body == null) {
      return false;
    }
    return Nodes.first(body, Node.class, n -> {
      if (!Flow.before(n, use)) {
        return false;
      }
      if (n instanceof MethodCallExpr call && SUB_IN_PLACE.contains(call.getNameAsString())
          && call.getArguments().size() == 1 && call.getScope().map(s -> Flow.root(s).equals(name)).orElse(false)) {
        return isMaxLike(call.getArgument(0), 0);
      }
      if (n instanceof AssignExpr a && Flow.root(a.getTarget()).equals(name)) {
        if (a.getOperator() == AssignExpr.Operator.MINUS) {
          return isMaxLike(a.getValue(), 0);
        }
        return a.getOperator() == AssignExpr.Operator.ASSIGN && Flow.strip(a.getValue()) instanceof BinaryExpr b
            && b.getOperator() == BinaryExpr.Operator.MINUS && isMaxLike(b.getRight(), 0);
      }
      return false;
    }).isPresent();
  }

  /**
   * A maximum (or a log-sum-exp, which is at least the maximum): named so ({@code max}, {@code maxLogit},
   * {@code lse}, {@code logSumExp}, {@code logZ}), computed so ({@code Math.max}, {@code x.max(1)},
   * {@code stream.max().getAsDouble()}, {@code x.maxNumber()}), or a local holding one or kept as a
   * running maximum ({@code if (z[i] > m) m = z[i];}). A name holding a constant is not one, whatever it is
   * called ({@code double max = 0;} never updated).
   */
  public boolean isMaxLike(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    Expression x = Flow.strip(e);
    if (x instanceof MethodCallExpr call) {
      for (Expression c = call; c instanceof MethodCallExpr m; c = m.getScope().map(Flow::strip).orElse(null)) {
        if (isMaxName(m.getNameAsString())) {
          return true;
        }
      }
      return false;
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      return isMaxLike(b.getLeft(), depth + 1) || isMaxLike(b.getRight(), depth + 1); // max + log(sum)
    }
    String root = Flow.root(x);
    if (x instanceof FieldAccessExpr f) {
      root = f.getNameAsString();
    }
    if (root.isEmpty()) {
      return false;
    }
    if (x instanceof NameExpr && !Double.isNaN(values.constant(x))) {
      return false; // double max = 0; never updated: a constant shift leaves exp as unbounded as before
    }
    if (isMaxName(root)) {
      return true;
    }
    if (x instanceof NameExpr n) {
      Optional<Expression> def = flow.definition(n);
      if (def.isPresent()) {
        return isMaxLike(def.get(), depth + 1);
      }
      return isRunningMax(n);
    }
    return false;
  }

  private static boolean isMaxName(String identifier) {
    List<String> words = Names.words(identifier);
    if (words.stream().anyMatch(Vocabulary.MAX::contains)) {
      return true;
    }
    return words.contains("log") && words.stream().anyMatch(Vocabulary.LOG_NORMALISER::contains);
  }

  /** {@code m = Math.max(m, z)} or {@code if (z > m) m = z;} for every non-initial write to {@code m}. */
  private boolean isRunningMax(NameExpr n) {
    String name = n.getNameAsString();
    boolean seen = false;
    for (Expression occurrence : flow.occurrences(n, name)) {
      if (!(occurrence.getParentNode().orElse(null) instanceof AssignExpr a) || a.getTarget() != occurrence) {
        continue;
      }
      boolean maxCall = Flow.strip(a.getValue()) instanceof MethodCallExpr call && isMaxName(call.getNameAsString());
      boolean underComparison = a.findAncestor(IfStmt.class).map(s -> s.getCondition() instanceof BinaryExpr c
          && (c.getOperator() == BinaryExpr.Operator.GREATER || c.getOperator() == BinaryExpr.Operator.LESS
              || c.getOperator() == BinaryExpr.Operator.GREATER_EQUALS || c.getOperator() == BinaryExpr.Operator.LESS_EQUALS)
          && Nodes.first(c, NameExpr.class, m -> m.getNameAsString().equals(name)).isPresent()).orElse(false);
      if (!maxCall && !underComparison) {
        return false;
      }
      seen = true;
    }
    return seen;
  }

  // ---- the result -------------------------------------------------------------------------------

  /**
   * How the result of {@code exp} is normalised, or null when it is not part of a softmax, a
   * log-sum-exp or a ratio of exponentials (a learning-rate decay, a perplexity, a sigmoid
   * {@code 1 / (1 + exp(-z))} stay null).
   */
  public Normalisation normalisation(MethodCallExpr exp) {
    // climb through the terms and factors the exponential is part of: w * exp(z), a + exp(z)
    Expression top = exp;
    boolean summed = false;
    while (true) {
      Node p = top.getParentNode().orElse(null);
      if (p instanceof EnclosedExpr || p instanceof CastExpr) {
        top = (Expression) p;
      } else if (p instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.PLUS
          || (b.getOperator() == BinaryExpr.Operator.MINUS && b.getLeft() == top))) {
        top = b;
        summed = true;
      } else if (p instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
        top = b;
      } else {
        break;
      }
    }
    Node parent = top.getParentNode().orElse(null);
    if (parent instanceof MethodCallExpr log && isLog(log) && log.getArgument(0) == top
        && (summed || api.isMath(log, "log1p"))) {
      return new Normalisation("it is summed inside " + shortText(log), true, top);
    }
    if (parent instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.DIVIDE && b.getLeft() == top
        && normaliserLike(b.getRight())) {
      return new Normalisation("it is divided by " + b.getRight(), false, top);
    }
    String accumulator = accumulatorTarget(top, parent);
    if (accumulator != null) {
      String use = usedAsNormaliser(accumulator, exp, 0);
      return use == null ? null : new Normalisation("it is added to " + accumulator + ", which " + use, use.contains("log"), null);
    }
    String stored = storageTarget(top, parent);
    if (stored != null) {
      String use = storedAndNormalised(stored, parent, 0);
      return use == null ? null : new Normalisation("it is stored in " + stored + ", which " + use, use.contains("log"), null);
    }
    if (top == exp && parent instanceof MethodCallExpr call && call.getScope().orElse(null) == exp) {
      String use = receiverUse(call, 0);
      return use == null ? null : new Normalisation("it " + use, use.contains("log"), null);
    }
    if (top == exp && parent instanceof ExpressionStmt stmt && stmt.getParentNode().orElse(null) instanceof LambdaExpr lambda) {
      return streamSum(lambda);
    }
    if (top == exp && parent instanceof ExpressionStmt && api.isTransforms(exp, "exp") && exp.getArguments().size() == 2
        && exp.getArgument(1) instanceof BooleanLiteralExpr copy && !copy.getValue()) {
      // Transforms.exp(x, false); changes x in place: x now holds the exponentials
      String root = Flow.root(exp.getArgument(0));
      String use = root.isEmpty() ? null : storedAndNormalised(root, exp, 0);
      return use == null ? null : new Normalisation("it overwrites " + root + " in place, which " + use, use.contains("log"), null);
    }
    return null;
  }

  private boolean isLog(MethodCallExpr call) {
    return call.getArguments().isNonEmpty()
        && (api.isMath(call, "log", "log10", "log1p") || api.isTransforms(call, "log"));
  }

  private static String shortText(MethodCallExpr call) {
    return call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString() + "(...)";
  }

  /** {@code s += top}, {@code s = s + top}: the accumulator's name, else null. */
  private static String accumulatorTarget(Expression top, Node parent) {
    if (!(parent instanceof AssignExpr a) || a.getValue() != top) {
      return null;
    }
    String target = Flow.root(a.getTarget());
    if (target.isEmpty()) {
      return null;
    }
    if (a.getOperator() == AssignExpr.Operator.PLUS) {
      return target;
    }
    if (a.getOperator() == AssignExpr.Operator.ASSIGN && Flow.strip(top) instanceof BinaryExpr b
        && b.getOperator() == BinaryExpr.Operator.PLUS
        && (Guards.key(b.getLeft()).equals(Guards.key(a.getTarget())) || Guards.key(b.getRight()).equals(Guards.key(a.getTarget())))) {
      return target;
    }
    return null;
  }

  /** {@code e[i] = top}, {@code double e = top}, {@code INDArray e = top}: the variable's name, else null. */
  private static String storageTarget(Expression top, Node parent) {
    if (parent instanceof AssignExpr a && a.getValue() == top && a.getOperator() == AssignExpr.Operator.ASSIGN) {
      String target = Flow.root(a.getTarget());
      return target.isEmpty() ? null : target;
    }
    if (parent instanceof VariableDeclarator v && v.getInitializer().orElse(null) == top) {
      return v.getNameAsString();
    }
    return null;
  }

  /** Is the variable used as a divisor or a log argument (directly or through one more local)? How, or null. */
  private String usedAsNormaliser(String name, Node near, int depth) {
    if (depth > 2) {
      return null;
    }
    for (Expression occurrence : flow.occurrences(near, name)) {
      if (Flow.isWritten(occurrence)) {
        continue;
      }
      String use = normaliserUse(occurrence, depth);
      if (use != null) {
        return use;
      }
    }
    return null;
  }

  /** {@code x / s}, {@code x /= s}, {@code x.div(s)}, {@code log(s)}, {@code max + log(s)}: how, or null. */
  private String normaliserUse(Expression occurrence, int depth) {
    Expression cur = occurrence;
    while (true) {
      Node p = cur.getParentNode().orElse(null);
      if (p instanceof EnclosedExpr || p instanceof CastExpr
          || (p instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.PLUS
              || b.getOperator() == BinaryExpr.Operator.MULTIPLY))
          || (p instanceof MethodCallExpr m && m.getScope().orElse(null) == cur && PASS_THROUGH.contains(m.getNameAsString()))) {
        cur = (Expression) p;
      } else {
        break;
      }
    }
    Node parent = cur.getParentNode().orElse(null);
    if (parent instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.DIVIDE && b.getRight() == cur) {
      return "is then a divisor";
    }
    if (parent instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.DIVIDE && a.getValue() == cur) {
      return "is then a divisor";
    }
    if (parent instanceof MethodCallExpr m) {
      if (DIVIDE_METHODS.contains(m.getNameAsString()) && Nodes.indexOf(m.getArguments(), cur) >= 0) {
        return "is then a divisor";
      }
      if ((m.getNameAsString().equals("rdiv") || m.getNameAsString().equals("rdivi")) && m.getScope().orElse(null) == cur) {
        return "is then a divisor";
      }
      if (isLog(m) && m.getArgument(0) == cur) {
        return "is then passed to " + shortText(m);
      }
    }
    String local = storageTarget(cur, parent);
    if (local != null && depth < 2) {
      return usedAsNormaliser(local, parent, depth + 1);
    }
    return null;
  }

  /** A variable holding exponentials: divided ({@code e[i] /= s}, {@code e.div(...)}), or summed into a normaliser. */
  private String storedAndNormalised(String name, Node near, int depth) {
    if (depth > 2) {
      return null;
    }
    for (Expression occurrence : flow.occurrences(near, name)) {
      Node parent = occurrence.getParentNode().orElse(null);
      if (parent instanceof AssignExpr a && a.getTarget() == occurrence) {
        if (a.getOperator() == AssignExpr.Operator.DIVIDE && normaliserLike(a.getValue())) {
          return "is then divided by " + a.getValue();
        }
        continue;
      }
      Expression top = occurrence;
      boolean summed = false;
      while (true) {
        Node p = top.getParentNode().orElse(null);
        if (p instanceof EnclosedExpr || p instanceof CastExpr
            || (p instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY)) {
          top = (Expression) p;
        } else if (p instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
          top = b;
          summed = true;
        } else {
          break;
        }
      }
      Node p = top.getParentNode().orElse(null);
      if (p instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.DIVIDE && b.getLeft() == top
          && normaliserLike(b.getRight())) {
        return "is then divided by " + b.getRight();
      }
      if (p instanceof MethodCallExpr log && isLog(log) && log.getArgument(0) == top && summed) {
        return "is then summed inside " + shortText(log);
      }
      String accumulator = accumulatorTarget(top, p);
      if (accumulator != null) {
        String use = usedAsNormaliser(accumulator, occurrence, depth + 1);
        if (use != null) {
          return "is added to " + accumulator + ", which " + use;
        }
      }
      if (top == occurrence && p instanceof MethodCallExpr call && call.getScope().orElse(null) == occurrence) {
        String use = receiverUse(call, depth + 1);
        if (use != null) {
          return use;
        }
      }
    }
    return null;
  }

  /** ND4J: {@code e.div(...)}, {@code e.divColumnVector(e.sum(1))}, {@code log(e.sum(1))}: how, or null. */
  private String receiverUse(MethodCallExpr call, int depth) {
    String name = call.getNameAsString();
    if (DIVIDE_METHODS.contains(name) && call.getArguments().isNonEmpty() && normaliserLike(call.getArgument(0))) {
      return "is divided by " + call.getArgument(0);
    }
    if (SUM_METHODS.contains(name)) {
      String use = normaliserUse(call, depth);
      return use == null ? null : "is summed, and the sum " + use;
    }
    return null;
  }

  /** {@code Arrays.stream(z).map(v -> Math.exp(v)).sum()} used as a divisor or log argument. */
  private Normalisation streamSum(LambdaExpr lambda) {
    Node p = lambda.getParentNode().orElse(null);
    if (!(p instanceof MethodCallExpr map) || !map.getNameAsString().startsWith("map")) {
      return null;
    }
    Expression cur = map;
    while (cur.getParentNode().orElse(null) instanceof MethodCallExpr next && next.getScope().orElse(null) == cur) {
      cur = next;
      if (next.getNameAsString().equals("sum")) {
        String use = normaliserUse(next, 0);
        return use == null ? null : new Normalisation("it is summed, and the sum " + use, use.contains("log"), null);
      }
    }
    return null;
  }

  /**
   * A denominator that normalises exponentials: it contains an exponential ({@code 1 + exp(z)}), a sum
   * ({@code e.sum(1)}), a running sum (a local updated with {@code +=}) or a variable named as a sum or
   * normaliser ({@code sum}, {@code denom}, {@code partition}).
   */
  private boolean normaliserLike(Expression denominator) {
    if (Nodes.first(denominator, MethodCallExpr.class, c -> isExp(c) || SUM_METHODS.contains(c.getNameAsString())).isPresent()) {
      return true;
    }
    return Nodes.first(denominator, NameExpr.class, n -> Names.any(n.getNameAsString(), Vocabulary.NORMALISER)
        || isRunningSum(n)).isPresent();
  }

  private boolean isRunningSum(NameExpr n) {
    for (Expression occurrence : flow.occurrences(n, n.getNameAsString())) {
      if (occurrence.getParentNode().orElse(null) instanceof AssignExpr a && a.getTarget() == occurrence
          && accumulatorTarget(a.getValue(), a) != null) {
        return true;
      }
    }
    return false;
  }
}
