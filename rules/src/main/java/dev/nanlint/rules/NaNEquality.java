package dev.nanlint.rules;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Set;

/** Flags comparisons with NaN, which are always false (or always true for !=). See docs/rules/NaNEquality.md. */
@RuleInfo(name = "NaNEquality", severity = Severity.ERROR,
    summary = "x == Double.NaN is always false (and != always true): NaN checks written this way never fire")
public final class NaNEquality implements Rule {
  private static final Set<String> NAN_OWNERS = Set.of("Double", "Float", "java.lang.Double", "java.lang.Float");

  @Override
  public void visit(BinaryExpr binary, RuleContext ctx) {
    BinaryExpr.Operator op = binary.getOperator();
    boolean equality = op == BinaryExpr.Operator.EQUALS || op == BinaryExpr.Operator.NOT_EQUALS;
    boolean ordering = op == BinaryExpr.Operator.LESS || op == BinaryExpr.Operator.LESS_EQUALS
        || op == BinaryExpr.Operator.GREATER || op == BinaryExpr.Operator.GREATER_EQUALS;
    if (!equality && !ordering) {
      return;
    }
    Expression otherExpr;
    String owner;
    if (nanOwner(binary.getRight(), ctx) != null) {
      owner = nanOwner(binary.getRight(), ctx);
      otherExpr = binary.getLeft();
    } else if (nanOwner(binary.getLeft(), ctx) != null) {
      owner = nanOwner(binary.getLeft(), ctx);
      otherExpr = binary.getRight();
    } else {
      return;
    }
    // Float.isNaN only where the other side is a float: Float.isNaN(double) does not compile, and
    // Double.isNaN(float) is the same test
    String other = Analysis.of(ctx).types().typeOf(otherExpr);
    String method = owner.equals("Float") && (other.equals("float") || other.equals("Float")) ? "Float" : "Double";
    String check = method + ".isNaN(" + ctx.source(otherExpr) + ")";
    if (op == BinaryExpr.Operator.NOT_EQUALS) {
      ctx.report(binary, binary + " is always true: NaN is not equal to anything, itself included",
          "!" + check, "!" + check);
    } else if (op == BinaryExpr.Operator.EQUALS) {
      ctx.report(binary, binary + " is always false: NaN is not equal to anything, itself included", check, check);
    } else {
      // no edit: x > NaN is always false, and isNaN(x) would change what the code does; what the author
      // meant (a NaN check? a comparison with a real bound?) needs a person
      ctx.report(binary, binary + " is always false: every ordered comparison with NaN is false", check);
    }
  }

  /** "Double" or "Float" when {@code e} is that class's NaN constant (also statically imported), else null. */
  private static String nanOwner(Expression e, RuleContext ctx) {
    if (e instanceof FieldAccessExpr f && f.getNameAsString().equals("NaN") && NAN_OWNERS.contains(f.getScope().toString())) {
      String scope = f.getScope().toString();
      return scope.substring(scope.lastIndexOf('.') + 1);
    }
    if (e instanceof NameExpr n && n.getNameAsString().equals("NaN")) {
      for (ImportDeclaration imp : ctx.unit().getImports()) {
        String name = imp.getNameAsString();
        if (imp.isStatic() && (name.equals("java.lang.Double.NaN") || (imp.isAsterisk() && name.equals("java.lang.Double")))) {
          return "Double";
        }
        if (imp.isStatic() && (name.equals("java.lang.Float.NaN") || (imp.isAsterisk() && name.equals("java.lang.Float")))) {
          return "Float";
        }
      }
    }
    return null;
  }
}
