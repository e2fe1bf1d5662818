package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.nanlint.engine.Nodes;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The scale of training data where the code shows it: an array or INDArray built from literal values
 * ({@code double[][] x = {{2104, 3}, ...}}, {@code Nd4j.create(new double[][] {...})}) that nothing in the
 * file may change afterwards. Everything else (data read from files, parameters, arrays normalised in place or
 * handed to a method) has no shown scale.
 */
public final class DataScale {
  private static final int MAX_DEPTH = 3;
  /** ND4J factories that copy their argument into a new array, leaving it as it was. */
  private static final Set<String> FACTORIES = Set.of("create", "createFromArray");
  /** INDArray calls that change the array they are called on. */
  private static final Set<String> IN_PLACE = Set.of("assign", "put", "putScalar", "putRow", "putColumn",
      "putSlice", "putiRowVector", "putiColumnVector");

  /** Calls that read an array without changing it (training and printing it). */
  private static final Set<String> READ_ONLY = Set.of("fit", "output", "predict", "score", "evaluate",
      "feedForward", "toString", "deepToString", "println", "print", "printf", "format");

  private DataScale() {}

  /** The largest magnitude among the literal values {@code e} is built from, NaN when the code does not show one. */
  public static double ofLiterals(Expression e, Declarations declarations, Constants constants) {
    return ofLiterals(e, declarations, constants, 0);
  }

  private static double ofLiterals(Expression e, Declarations declarations, Constants constants, int depth) {
    Expression x = Flow.strip(e);
    if (depth > MAX_DEPTH) {
      return Double.NaN;
    }
    String name = x instanceof NameExpr n ? n.getNameAsString()
        : x instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr ? f.getNameAsString() : null;
    if (name != null) {
      Optional<Declarations.Declaration> d = declarations.find(x, name);
      if (d.isEmpty() || d.get().kind() == Declarations.Kind.PARAMETER || d.get().initializer().isEmpty()
          || mayChange(x, name)) {
        return Double.NaN;
      }
      return ofLiterals(d.get().initializer().get(), declarations, constants, depth + 1);
    }
    if (x instanceof MethodCallExpr m && FACTORIES.contains(m.getNameAsString()) && m.getArguments().isNonEmpty()
        && m.getScope().filter(s -> Printed.of(s).equals("Nd4j")).isPresent()) {
      return ofLiterals(m.getArgument(0), declarations, constants, depth + 1);
    }
    ArrayInitializerExpr literal = x instanceof ArrayCreationExpr c ? c.getInitializer().orElse(null)
        : x instanceof ArrayInitializerExpr i ? i : null;
    if (literal == null) {
      return Double.NaN;
    }
    double max = Double.NaN;
    for (Expression v : Nodes.all(literal, Expression.class, v -> v instanceof LiteralExpr
        || v instanceof UnaryExpr u && u.getExpression() instanceof LiteralExpr)) {
      double c = Math.abs(constants.value(v));
      if (!Double.isNaN(c)) {
        max = Double.isNaN(max) || c > max ? c : max;
      }
    }
    return max;
  }

  /**
   * May the file change what {@code name} holds after its initializer: the variable or an element assigned
   * (directly or through a for-each alias, {@code for (double[] row : data) row[j] = ...}), the array handed to
   * a method that may normalise it in place (ND4J's copying factories excepted), or an in-place INDArray
   * operation on it ({@code x.divi(255)}, {@code x.assign(...)})?
   */
  private static boolean mayChange(Node use, String name) {
    Node unit = use.findRootNode();
    Set<String> aliases = new HashSet<>(Set.of(name));
    for (ForEachStmt loop : Nodes.all(unit, ForEachStmt.class)) {
      if (name.equals(GradientSteps.rootName(loop.getIterable()))) {
        aliases.add(loop.getVariableDeclarator().getNameAsString());
      }
    }
    if (Nodes.first(unit, AssignExpr.class, a -> aliases.contains(GradientSteps.rootName(a.getTarget()))).isPresent()) {
      return true;
    }
    return Nodes.first(unit, MethodCallExpr.class, m -> {
      boolean onIt = m.getScope().map(s -> name.equals(GradientSteps.rootName(s))).orElse(false);
      if (onIt && (IN_PLACE.contains(m.getNameAsString()) || m.getNameAsString().endsWith("i"))) {
        return true; // divi, subi, muli, addi, rdivi...: in place
      }
      boolean copies = FACTORIES.contains(m.getNameAsString())
          && m.getScope().filter(s -> Printed.of(s).equals("Nd4j")).isPresent()
          || READ_ONLY.contains(m.getNameAsString());
      return !copies && m.getArguments().stream().anyMatch(arg -> name.equals(GradientSteps.rootName(arg))
          && !(Flow.strip(arg) instanceof com.github.javaparser.ast.expr.ArrayAccessExpr));
    }).isPresent();
  }
}
