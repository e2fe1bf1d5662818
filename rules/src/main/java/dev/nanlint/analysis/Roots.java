package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Square roots: is the argument an expanded square ({@code |a|² + |b|² - 2a·b}, which rounding leaves
 * slightly negative; a variance by subtraction is the flow facts' {@code CANCELLATION}), and can a root
 * used as a divisor be exactly 0 (an optimiser's second moment: a running sum or moving average of
 * squared gradients that starts at 0, as in Adam, RMSProp and AdaGrad)?
 */
public final class Roots {
  private static final int MAX_DEPTH = 6;
  private static final Set<String> CROSS_PRODUCTS = Set.of("dot", "mmul", "mul", "muli", "dotProduct");
  private static final Set<String> SAME_ARRAY = Set.of("dup", "detach", "castTo", "div", "mul", "divi", "muli");

  private final Api api;
  private final Values values;
  private final Flow flow;

  Roots(Api api, Values values, Flow flow) {
    this.api = api;
    this.values = values;
    this.flow = flow;
  }

  /** {@code Math.sqrt} (also StrictMath, FastMath, static imports) or ND4J {@code Transforms.sqrt}. */
  public boolean isSqrt(MethodCallExpr call) {
    return call.getArguments().isNonEmpty() && (api.isMath(call, "sqrt") || api.isTransforms(call, "sqrt"));
  }

  /**
   * Why the argument of {@code sqrt} is an expanded square ({@code |a|² + |b|² - 2a·b}), worded for a
   * message, or null: a squared distance computed from norms and a cross term is at least 0 in exact
   * arithmetic and slightly negative after rounding when a and b are (nearly) equal. Looks through the
   * locals that hold the argument, a division ({@code (...) / n}) and a positive constant factor. Whether
   * the argument can still be negative where the root is taken (guards, clamps) is the flow facts'
   * question, and so is a variance by subtraction ({@link dev.nanlint.analysis.facts.Squares}).
   */
  public String expandedSquare(MethodCallExpr sqrt) {
    return expandedSquare(sqrt.getArgument(0), 0);
  }

  private String expandedSquare(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    Expression x = Flow.strip(e);
    if (x instanceof NameExpr n) {
      Optional<Expression> def = flow.definition(n);
      if (def.isEmpty()) {
        return null;
      }
      String inner = expandedSquare(def.get(), depth + 1);
      return inner == null ? null : n + " = " + Flow.strip(def.get()) + ", and " + inner;
    }
    Expression[] difference = difference(x);
    if (difference != null) {
      Expression minuend = difference[0];
      Expression subtrahend = difference[1];
      boolean minuendVaries = Double.isNaN(values.constant(minuend));
      if (minuendVaries && !isSquare(minuend, 0) && isCrossTerm(subtrahend, 0) && isSquaredNorm(minuend)) {
        return "an expanded square (|a|² + |b|² - 2a·b) cancels catastrophically: rounding leaves it"
            + " slightly negative when a and b are (nearly) equal";
      }
      return null; // a² - b², b² - 4ac: negative by the data, not by rounding; nothing says which is larger
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.DIVIDE) {
      return expandedSquare(b.getLeft(), depth + 1);
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      if (values.constant(b.getLeft()) > 0) {
        return expandedSquare(b.getRight(), depth + 1);
      }
      if (values.constant(b.getRight()) > 0) {
        return expandedSquare(b.getLeft(), depth + 1);
      }
    }
    return null;
  }

  /** {minuend, subtrahend} of {@code a - b}, {@code a.sub(b)}, {@code a.subi(b)}, {@code b.rsub(a)}; else null. */
  private static Expression[] difference(Expression x) {
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MINUS) {
      return new Expression[] {b.getLeft(), b.getRight()};
    }
    if (x instanceof MethodCallExpr call && call.getScope().isPresent() && call.getArguments().size() == 1) {
      String name = call.getNameAsString();
      if (name.equals("sub") || name.equals("subi")) {
        return new Expression[] {call.getScope().get(), call.getArgument(0)};
      }
      if (name.equals("rsub") || name.equals("rsubi")) {
        return new Expression[] {call.getArgument(0), call.getScope().get()};
      }
    }
    return null;
  }

  /**
   * The cross term of an expanded square: a product with a varying factor ({@code 2 * dot}), or a dot
   * product or matrix product ({@code a.dot(b)}, {@code x.mmul(y.transpose()).mul(2)}), or a local holding one.
   */
  private boolean isCrossTerm(Expression e, int depth) {
    Expression x = Flow.strip(e);
    if (depth > MAX_DEPTH || !Double.isNaN(values.constant(x))) {
      return false;
    }
    if (x instanceof NameExpr n) {
      Optional<Expression> def = flow.definition(n);
      return def.isPresent() && isCrossTerm(def.get(), depth + 1);
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      return true;
    }
    return x instanceof MethodCallExpr call && CROSS_PRODUCTS.contains(call.getNameAsString()) && call.getScope().isPresent();
  }

  /**
   * Squared norms: a square or a sum of squares ({@code sqNormA + sqNormB}, {@code x.mul(x).sum(1)}), by
   * structure, by {@link Values} (accumulated squares) or by name ({@code sqNorm}, {@code normSquared}).
   */
  private boolean isSquaredNorm(Expression e) {
    Expression x = Flow.strip(e);
    for (int i = 0; i < 3 && x instanceof NameExpr n; i++) {
      Optional<Expression> def = flow.definition(n);
      if (def.isEmpty()) {
        break;
      }
      x = Flow.strip(def.get());
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      return isSquaredNorm(b.getLeft()) && isSquaredNorm(b.getRight());
    }
    if (x instanceof MethodCallExpr call && call.getScope().isPresent()
        && (call.getNameAsString().startsWith("add") || call.getNameAsString().equals("sum"))) {
      return isSquaredNorm(call.getScope().get());
    }
    if (containsSquare(x) || isSelfProduct(x)) {
      return true;
    }
    Value v = values.of(x);
    if (v.signs() != Value.ANY && v.isNonNegative()) {
      return true;
    }
    String root = Flow.root(x);
    List<String> words = Names.words(root);
    return words.stream().anyMatch(Vocabulary.SQUARED::contains);
  }

  /** {@code dot(a, a)}, {@code a.dot(a)}: an inner product of a vector with itself, its squared norm. */
  private static boolean isSelfProduct(Expression x) {
    if (!(x instanceof MethodCallExpr call)) {
      return false;
    }
    List<Expression> args = call.getArguments();
    if (args.size() == 2) {
      return Guards.key(args.get(0)).equals(Guards.key(args.get(1)));
    }
    return args.size() == 1 && call.getScope().map(s -> Guards.key(s).equals(Guards.key(args.get(0)))).orElse(false);
  }

  /** A square: {@code m * m}, {@code n * m * m}, {@code s * s / n}, {@code Math.pow(m, 2)}, {@code m.mul(m)}, or a local holding one. */
  public boolean isSquare(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    Expression x = Flow.strip(e);
    if (x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      return isSquare(u.getExpression(), depth + 1);
    }
    if (x instanceof NameExpr n) {
      return flow.definition(n).map(d -> isSquare(d, depth + 1)).orElse(false);
    }
    if (x instanceof MethodCallExpr call) {
      if ((api.isMath(call, "pow") || api.isTransforms(call, "pow")) && call.getArguments().size() >= 2) {
        double k = values.constant(call.getArgument(1));
        return k == 2.0;
      }
      if ((call.getNameAsString().equals("mul") || call.getNameAsString().equals("muli"))
          && call.getScope().isPresent() && call.getArguments().size() == 1) {
        return Guards.key(call.getScope().get()).equals(Guards.key(call.getArgument(0)));
      }
      return false;
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.DIVIDE) {
      return isSquare(b.getLeft(), depth + 1);
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      List<Expression> factors = new ArrayList<>();
      factors(b, factors);
      List<String> keys = new ArrayList<>();
      for (Expression f : factors) {
        String key = Guards.key(unaryMinus(f));
        if (keys.contains(key)) {
          return true;
        }
        keys.add(key);
      }
      for (Expression f : factors) {
        if (isSquare(f, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Expression unaryMinus(Expression f) {
    Expression x = Flow.strip(f);
    return x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS ? Flow.strip(u.getExpression()) : x;
  }

  private static void factors(Expression e, List<Expression> out) {
    Expression x = Flow.strip(e);
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      factors(b.getLeft(), out);
      factors(b.getRight(), out);
    } else {
      out.add(x);
    }
  }

  /** Does {@code e} contain a square anywhere ({@code (1 - beta2) * g[i] * g[i]}, {@code grad.mul(grad)})? */
  private boolean containsSquare(Expression e) {
    if (isSquare(e, 0)) {
      return true;
    }
    for (Node child : e.getChildNodes()) {
      if (child instanceof Expression c && containsSquare(c)) {
        return true;
      }
    }
    return false;
  }

  /** The sqrt call a divisor is, directly or through the local that holds it; else null. */
  public MethodCallExpr sqrtDivisor(Expression divisor) {
    Expression x = Flow.strip(divisor);
    for (int i = 0; i < 3 && x instanceof NameExpr n; i++) {
      Optional<Expression> def = flow.definition(n);
      if (def.isEmpty()) {
        return null;
      }
      x = Flow.strip(def.get());
    }
    return x instanceof MethodCallExpr call && isSqrt(call) ? call : null;
  }

  /**
   * Why the argument of a sqrt used as a divisor can be exactly 0, worded for a message, or null: it
   * is (a bias-corrected copy of) an accumulator of squares that starts at 0 (the second moment of
   * Adam, the cache of RMSProp and AdaGrad), which stays 0 for every weight whose gradient has been 0.
   * Silent when {@link Values} already knows the argument is positive ({@code v + eps}, a guard) or
   * when the accumulator starts positive ({@code Nd4j.ones}, {@code Arrays.fill(v, 1e-8)}).
   */
  public String zeroMoment(Expression sqrtArgument) {
    if (!values.of(sqrtArgument).canBeZero()) {
      return null;
    }
    return momentReason(sqrtArgument, 0);
  }

  private String momentReason(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    Expression x = Flow.strip(e);
    if (x instanceof NameExpr n) {
      Optional<Expression> def = flow.definition(n);
      return def.isPresent() ? momentReason(def.get(), depth + 1) : accumulatesSquares(n, n.getNameAsString());
    }
    if (x instanceof ArrayAccessExpr || (x instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr)) {
      String root = Flow.root(x);
      return root.isEmpty() ? null : accumulatesSquares(x, root);
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.DIVIDE) {
      return momentReason(b.getLeft(), depth + 1); // bias correction: v / (1 - beta2^t)
    }
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      String left = momentReason(b.getLeft(), depth + 1);
      return left != null ? left : momentReason(b.getRight(), depth + 1);
    }
    if (x instanceof MethodCallExpr call && call.getScope().isPresent() && SAME_ARRAY.contains(call.getNameAsString())) {
      return momentReason(call.getScope().get(), depth + 1);
    }
    return null;
  }

  /** {@code name} is updated with squares somewhere and never starts or is reset above 0. */
  private String accumulatesSquares(Node near, String name) {
    boolean squares = false;
    for (Expression occurrence : flow.occurrences(near, name)) {
      Node parent = occurrence.getParentNode().orElse(null);
      if (parent instanceof AssignExpr a && a.getTarget() == occurrence) {
        if (a.getOperator() == AssignExpr.Operator.ASSIGN && startsPositive(a.getValue())) {
          return null; // set to a positive value somewhere: it does not start at 0
        }
        squares |= containsSquare(a.getValue());
        continue;
      }
      // ND4J: v.muli(beta2).addi(g.mul(g).muli(1 - beta2)), v.assign(...), Nd4j.ones(...)
      Expression chain = occurrence;
      while (chain.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == chain) {
        if (Flow.IN_PLACE.contains(call.getNameAsString())) {
          for (Expression arg : call.getArguments()) {
            if (call.getNameAsString().equals("assign") && values.of(arg).isPositive()) {
              return null;
            }
            squares |= containsSquare(arg);
          }
        }
        chain = call;
      }
      if (parent instanceof MethodCallExpr call && call.getNameAsString().equals("fill") && call.getArguments().size() == 2
          && call.getArgument(0) == occurrence && values.of(call.getArgument(1)).isPositive()) {
        return null; // Arrays.fill(v, 1e-8)
      }
    }
    Optional<Declarations.Declaration> decl = flow.declarations().find(near, name);
    if (decl.isPresent() && decl.get().initializer().map(i -> startsPositive(i)).orElse(false)) {
      return null;
    }
    return squares ? name + " accumulates squared values from 0 (an optimiser's second moment or cache), so it is"
        + " still 0 for every weight whose gradient has been 0 (an unused feature, a dead unit, an untouched"
        + " embedding row)" : null;
  }

  private boolean startsPositive(Expression init) {
    Expression x = Flow.strip(init);
    if (x instanceof MethodCallExpr scaled && scaled.getScope().isPresent() && scaled.getArguments().size() == 1
        && Set.of("mul", "muli", "add", "addi", "dup", "castTo").contains(scaled.getNameAsString())
        && !(Flow.strip(scaled.getScope().get()) instanceof NameExpr owner && owner.getNameAsString().equals("Nd4j"))) {
      return startsPositive(scaled.getScope().get()) && values.of(scaled.getArgument(0)).isPositive(); // Nd4j.ones(n).muli(0.1)
    }
    if (x instanceof MethodCallExpr call && call.getScope().map(s -> s.toString().equals("Nd4j")).orElse(false)) {
      String name = call.getNameAsString();
      if (name.equals("ones") || name.equals("onesLike")) {
        return true;
      }
      if (name.equals("valueArrayOf") && call.getArguments().size() >= 2) {
        return values.of(call.getArgument(call.getArguments().size() - 1)).isPositive();
      }
      return false;
    }
    return values.of(x).isPositive();
  }
}
