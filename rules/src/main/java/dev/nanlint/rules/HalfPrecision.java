package dev.nanlint.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.DataTypes;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;

/**
 * Flags arithmetic in too narrow a type for training: ND4J/DL4J half precision ({@code DataType.HALF},
 * {@code FLOAT16}, {@code BFLOAT16}) passed to configuration, array creation or casts, and {@code float}
 * values or accumulators of an unbounded {@code exp}. See docs/rules/HalfPrecision.md.
 */
@RuleInfo(name = "HalfPrecision", severity = Severity.NOTE,
    summary = "half precision overflows above 65504 (exp(11.1)) and float above exp(88.7): activations, sums and losses become Infinity")
public final class HalfPrecision implements Rule {

  /** One finding per call: setDefaultDataTypes(HALF, HALF) is one choice. */
  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    Analysis.of(ctx).dataTypes().halfArgument(call).ifPresent(arg -> reportType(arg, arg, ctx));
  }

  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    Analysis.of(ctx).dataTypes().halfArgument(creation.getArguments()).ifPresent(arg -> reportType(arg, arg, ctx));
  }

  /** {@code DataType storage = DataType.HALF;}: the choice is made here, wherever it is used later. */
  @Override
  public void visit(CompilationUnit unit, RuleContext ctx) {
    if (!DataTypes.mayNameHalf(ctx.text())) {
      return; // skip the walk over every declarator
    }
    DataTypes types = Analysis.of(ctx).dataTypes();
    for (VariableDeclarator v : FileNodes.of(unit).all(VariableDeclarator.class)) {
      Optional<Expression> init = v.getInitializer();
      if (init.isPresent() && types.isHalf(init.get())) {
        reportType(init.get(), init.get(), ctx);
      }
    }
  }

  @Override
  public void visit(AssignExpr assign, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    if (a.dataTypes().isHalf(assign.getValue())) {
      reportType(assign, assign.getValue(), ctx);
      return;
    }
    Optional<Expression> term = DataTypes.accumulatedTerm(assign);
    if (term.isEmpty() || !a.types().isFloat(assign.getTarget())) {
      return;
    }
    Optional<MethodCallExpr> exp = a.exponentials().expExceeding(term.get(), Float.MAX_VALUE, a.facts());
    if (exp.isPresent()) {
      String target = assign.getTarget().toString();
      ctx.report(assign, "float accumulator " + target + " overflows to Infinity: " + exp.get()
          + " exceeds Float.MAX_VALUE (3.4e38) once its argument passes 88.7, and every sum or ratio built on it"
          + " becomes Infinity or NaN", "declare " + target + " as double, and subtract the largest logit"
          + " before exp (Math.exp(z - max))");
    }
  }

  @Override
  public void visit(CastExpr cast, RuleContext ctx) {
    if (!(cast.getType() instanceof PrimitiveType p) || p.getType() != PrimitiveType.Primitive.FLOAT) {
      return;
    }
    Analysis a = Analysis.of(ctx);
    Optional<MethodCallExpr> exp = a.exponentials().expExceeding(cast.getExpression(), Float.MAX_VALUE, a.facts());
    if (exp.isPresent()) {
      ctx.report(cast, cast + " is Infinity once the argument of " + exp.get() + " passes 88.7: float tops out at"
          + " 3.4e38 (double at exp(709.8))", "keep the value in double, or subtract the largest logit first: "
          + "(float) Math.exp(z - max)");
    }
  }

  private static void reportType(Node at, Expression constant, RuleContext ctx) {
    if (!Analysis.of(ctx).dataTypes().forTraining(at)) {
      return;
    }
    String name = constant instanceof NameExpr n ? n.getNameAsString()
        : constant.toString().substring(constant.toString().lastIndexOf('.') + 1);
    if (name.equals("BFLOAT16")) {
      ctx.report(at, constant + " keeps 8 significant bits: sums, means and variances computed in it lose"
          + " everything below 0.4% of their size, so E[x²] - E[x]² goes negative (sqrt gives NaN) and"
          + " accumulated updates stall", "DataType.FLOAT for weights, updater state and losses");
      return;
    }
    ctx.report(at, constant + " is 16-bit floating point: it overflows to Infinity above 65504 (exp(11.1), a"
        + " sum of squares of values near 256) and flushes epsilons like 1e-8 to 0, and DL4J applies no loss"
        + " scaling; training in it produces Infinity and NaN", "DataType.FLOAT (Nd4j.setDefaultDataTypes("
        + "DataType.FLOAT, DataType.FLOAT), .dataType(DataType.FLOAT))");
  }
}
