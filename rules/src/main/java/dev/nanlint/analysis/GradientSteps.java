package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-written gradient descent: a weight update ({@code w[j] -= lr * grad[j]}, {@code w = w - lr * g},
 * {@code w[j] += lr * err * x[i][j]}) repeated by a loop, read from facts and code structure, never from
 * names. It gives the constant step factor (the product of the update's constant factors, from the flow
 * facts) and the scale of the raw data the step multiplies where the code shows it: an array read as a
 * factor of the step, directly or through the gradient it accumulates, whose elements the facts bound or
 * which is initialised with literal values and never rewritten (so a normalised copy stays unknown).
 */
public final class GradientSteps {
  /** How deep to follow the gradient's definitions ({@code grad[j] += err * x[i][j]}). */
  private static final int MAX_DEPTH = 2;
  private static final Set<String> SQUASHING = Set.of("exp", "tanh");
  private static final Set<String> LIBRARY_SQUASHING = Set.of("sigmoid", "softmax");

  /** Beyond this, lr times the data's squared scale makes each least-squares step overshoot by more than the last. */
  public static final double STABLE_STEP = 2;

  /**
   * One update: the constant rate (the product of its constant factors) and where it is written, with the value
   * of that written factor alone (NaN when only the flow facts fix it), the largest magnitude {@code scale} of
   * the data array {@code data} the step multiplies, and whether the class squashes its output (exp/tanh), in
   * which case the error in the gradient is bounded.
   */
  public record Step(AssignExpr update, double rate, Expression rateExpr, double writtenRate, double scale,
      Expression data, String scaleShownBy, boolean squashedOutput) {
    /**
     * lr times the data's squared scale: for a least-squares gradient the error itself grows with the
     * weights times x, so one step multiplies the error along that feature by about {@code 1 - lr x²};
     * above 2 every step overshoots by more than the last.
     */
    public double stepTimesCurvature() {
      return rate * scale * scale;
    }

    /** Does every step overshoot by more than the last ({@link #stepTimesCurvature()} above {@link #STABLE_STEP})? */
    public boolean overshoots() {
      return stepTimesCurvature() > STABLE_STEP;
    }

    /** The rate below which steps on data of this scale stop overshooting: 2 / scale². */
    public double stableRate() {
      return STABLE_STEP / (scale * scale);
    }

    /** Do other constant factors of the step ({@code 2 * LR * g}) change the rate from the one written? */
    public boolean otherConstantFactors() {
      return rate != writtenRate;
    }
  }

  private final Analysis analysis;
  private final Map<TypeDeclaration<?>, Map<String, List<Node>>> usesByType = new IdentityHashMap<>();
  /** The declarators and assignments of each callable whose definitions were asked for: one walk each, not one per name. */
  private final Map<Node, List<VariableDeclarator>> declaratorsIn = new IdentityHashMap<>();
  private final Map<Node, List<AssignExpr>> assignmentsIn = new IdentityHashMap<>();

  GradientSteps(Analysis analysis) {
    this.analysis = analysis;
  }

  /** The step {@code assign} takes, when it is a gradient-descent update whose rate and data scale the code shows. */
  public Optional<Step> of(AssignExpr assign) {
    Expression target = assign.getTarget();
    Expression step = stepOf(assign);
    String weights = rootName(target);
    if (step == null || weights == null || !analysis.types().isFloating(target) || !inLoop(assign)) {
      return Optional.empty();
    }
    List<Expression> factors = new ArrayList<>();
    List<Expression> divisors = new ArrayList<>();
    factorsOf(step, factors, divisors, false);
    if (factors.size() + divisors.size() < 2) {
      return Optional.empty(); // a rate times a gradient has two factors at least; `sum += x[i]` has one
    }
    // the syntactic conditions first (data read as a factor, weights that meet that data elsewhere): they
    // rule out most compound assignments before the flow analysis of the method runs
    Node callable = Callables.methodOrLambda(assign).orElse(assign.findRootNode());
    List<ArrayAccessExpr> reads = dataReads(factors, callable, weights, 0, new HashSet<>());
    Optional<TypeDeclaration<?>> type = assign.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
    if (reads.isEmpty() || type.isEmpty()
        || reads.stream().noneMatch(r -> predicts(type.get(), weights, rootName(r), assign))) {
      return Optional.empty(); // no data, or the updated value never meets it: not weights of a model of it
    }
    double rate = 1;
    Expression rateExpr = null;
    int gradient = 0;
    for (Expression f : factors) {
      double c = constant(f);
      if (Double.isNaN(c)) {
        gradient++;
      } else {
        rate *= Math.abs(c);
        rateExpr = rateExpr == null ? f : rateExpr;
      }
    }
    for (Expression d : divisors) {
      double c = constant(d);
      if (Double.isNaN(c) || c == 0) {
        return Optional.empty(); // lr * g / n: the effective rate depends on n
      }
      rate /= Math.abs(c);
    }
    if (rateExpr == null || gradient == 0 || !(rate > 0)) {
      return Optional.empty();
    }
    Scale best = null;
    for (ArrayAccessExpr read : reads) {
      Scale s = predicts(type.get(), weights, rootName(read), assign) ? scaleOf(read, weights) : null;
      if (s != null && (best == null || s.value() > best.value())) {
        best = s;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    return Optional.of(new Step(assign, rate, rateExpr, analysis.constants().value(rateExpr), best.value(),
        best.read(), best.shownBy(), squashes(type.get())));
  }

  private record Scale(double value, ArrayAccessExpr read, String shownBy) {}

  /** {@code w -= s}, {@code w += s}: s; {@code w = w - s}, {@code w = w + s}: s; else null. */
  private static Expression stepOf(AssignExpr a) {
    if (a.getOperator() == AssignExpr.Operator.MINUS || a.getOperator() == AssignExpr.Operator.PLUS) {
      return a.getValue();
    }
    if (a.getOperator() == AssignExpr.Operator.ASSIGN && Flow.strip(a.getValue()) instanceof BinaryExpr b
        && (b.getOperator() == BinaryExpr.Operator.MINUS || b.getOperator() == BinaryExpr.Operator.PLUS)
        && Printed.of(Flow.strip(b.getLeft())).equals(Printed.of(a.getTarget()))) {
      return b.getRight();
    }
    return null;
  }

  /** The multiplicative factors of {@code e}: {@code lr * err * x[j] / n} gives lr, err, x[j] and divisor n. */
  private static void factorsOf(Expression e, List<Expression> factors, List<Expression> divisors, boolean dividing) {
    Expression x = Flow.strip(e);
    if (x instanceof UnaryExpr u && (u.getOperator() == UnaryExpr.Operator.MINUS
        || u.getOperator() == UnaryExpr.Operator.PLUS)) {
      factorsOf(u.getExpression(), factors, divisors, dividing);
    } else if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      factorsOf(b.getLeft(), factors, divisors, dividing);
      factorsOf(b.getRight(), factors, divisors, dividing);
    } else if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.DIVIDE) {
      factorsOf(b.getLeft(), factors, divisors, dividing);
      factorsOf(b.getRight(), factors, divisors, !dividing);
    } else {
      (dividing ? divisors : factors).add(x);
    }
  }

  /** The value of a factor the facts prove constant (a literal, a final field, a local assigned once), else NaN. */
  private double constant(Expression e) {
    NumFact f = analysis.facts().at(e);
    if (f.isConstant() && Double.isFinite(f.lo())) {
      return f.lo();
    }
    return analysis.constants().value(e);
  }

  /**
   * Array reads that are factors of the gradient, directly or (up to {@link #MAX_DEPTH}) through the
   * values assigned, in this callable, to the variables and arrays that are its factors.
   */
  private List<ArrayAccessExpr> dataReads(List<Expression> factors, Node callable, String weights, int depth,
      Set<String> seen) {
    List<ArrayAccessExpr> out = new ArrayList<>();
    for (Expression f : factors) {
      if (f instanceof ArrayAccessExpr read) {
        out.add(read);
      }
      String name = rootName(f);
      if (name == null || name.equals(weights) || depth >= MAX_DEPTH || !seen.add(name)) {
        continue;
      }
      for (Expression value : definitions(callable, name)) {
        List<Expression> inner = new ArrayList<>();
        factorsOf(value, inner, new ArrayList<>(), false);
        out.addAll(dataReads(inner, callable, weights, depth + 1, seen));
      }
    }
    return out;
  }

  /** Values assigned to {@code name} (or its elements) in the callable: initializers and (compound) assignments. */
  private List<Expression> definitions(Node callable, String name) {
    List<Expression> values = new ArrayList<>();
    for (VariableDeclarator v : declaratorsIn.computeIfAbsent(callable, c -> Nodes.all(c, VariableDeclarator.class))) {
      if (v.getNameAsString().equals(name)) {
        v.getInitializer().ifPresent(values::add);
      }
    }
    for (AssignExpr a : assignmentsIn.computeIfAbsent(callable, c -> Nodes.all(c, AssignExpr.class))) {
      if (name.equals(rootName(a.getTarget()))) {
        values.add(a.getValue());
      }
    }
    return values;
  }

  /**
   * The largest magnitude of the elements {@code read} reads: from their fact when it is a finite interval,
   * else from the literal initializer of an array the file never writes element by element.
   */
  private Scale scaleOf(ArrayAccessExpr read, String weights) {
    String root = rootName(read);
    if (root == null || root.equals(weights)) {
      return null;
    }
    NumFact f = analysis.facts().at(read);
    if (!f.isBottom() && Double.isFinite(f.lo()) && Double.isFinite(f.hi()) && !f.canBeNaN()) {
      return new Scale(Math.max(Math.abs(f.lo()), Math.abs(f.hi())), read, "the values it can hold here");
    }
    Expression base = read;
    while (base instanceof ArrayAccessExpr a) {
      base = a.getName();
    }
    double literal = DataScale.ofLiterals(base, analysis.declarations(), analysis.constants());
    return literal > 0 ? new Scale(literal, read, "the literal values " + root + " is initialised with") : null;
  }

  /**
   * Does the class combine the weights with the data outside this update ({@code w[j] * x[i][j]},
   * {@code dot(w, x[i])})? Only then do the updated values model the data, so the step feeds back into
   * the next prediction's error.
   */
  private boolean predicts(TypeDeclaration<?> type, String weights, String data, AssignExpr update) {
    // from each use of the weights up through the products and calls around it (not the class's every
    // expression, each walked again: that was quadratic in the class's size)
    for (Node use : usesOf(type).getOrDefault(weights, List.of())) {
      boolean insideUpdate = use.isDescendantOf(update);
      for (Node p = use.getParentNode().orElse(null); p != null && p != type; p = p.getParentNode().orElse(null)) {
        if (p == update) {
          insideUpdate = false;
          continue;
        }
        if (!insideUpdate && (p instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY
            || p instanceof MethodCallExpr) && mentions(p, data)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The uses of every name in {@code type} ({@code w} and {@code this.w}, in pre-order: the names first,
   * then the field accesses), by name: one walk per class, where each update's every data read asked again.
   */
  private Map<String, List<Node>> usesOf(TypeDeclaration<?> type) {
    return usesByType.computeIfAbsent(type, t -> {
      Map<String, List<Node>> byName = new HashMap<>();
      List<FieldAccessExpr> fields = new ArrayList<>();
      Nodes.walk(t, n -> {
        if (n instanceof NameExpr name) {
          byName.computeIfAbsent(name.getNameAsString(), k -> new ArrayList<>()).add(name);
        } else if (n instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
          fields.add(f);
        }
      });
      fields.forEach(f -> byName.computeIfAbsent(f.getNameAsString(), k -> new ArrayList<>()).add(f));
      return byName;
    });
  }

  private static boolean mentions(Node n, String name) {
    return Nodes.first(n, NameExpr.class, x -> x.getNameAsString().equals(name)).isPresent()
        || Nodes.first(n, FieldAccessExpr.class, f -> f.getScope() instanceof ThisExpr
            && f.getNameAsString().equals(name)).isPresent();
  }

  /** The class calls exp/tanh, or a library's sigmoid/softmax: its model's output (and so the error) may be bounded. */
  private static boolean squashes(TypeDeclaration<?> type) {
    return Nodes.first(type, MethodCallExpr.class, m -> SQUASHING.contains(m.getNameAsString())
        || LIBRARY_SQUASHING.contains(m.getNameAsString()) && m.getScope().isPresent()).isPresent();
  }

  private static boolean inLoop(Node n) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof ForStmt || p instanceof ForEachStmt || p instanceof WhileStmt || p instanceof DoStmt) {
        return true;
      }
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
        return false;
      }
    }
    return false;
  }

  /** {@code w}, {@code w[j]}, {@code this.w[j][k]}: w; null for anything else. */
  static String rootName(Expression e) {
    Expression x = Flow.strip(e);
    while (x instanceof ArrayAccessExpr a) {
      x = Flow.strip(a.getName());
    }
    if (x instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (x instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      return f.getNameAsString();
    }
    return null;
  }
}
