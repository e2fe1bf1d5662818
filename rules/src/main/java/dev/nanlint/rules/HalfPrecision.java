package dev.nanlint.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.Optional;
import java.util.Set;

/**
 * Flags arithmetic in too narrow a type for training: ND4J/DL4J half precision ({@code DataType.HALF},
 * {@code FLOAT16}, {@code BFLOAT16}) passed to configuration, array creation or casts, and {@code float}
 * values or accumulators of an unbounded {@code exp}. See docs/rules/HalfPrecision.md.
 */
@RuleInfo(name = "HalfPrecision", severity = Severity.NOTE,
    summary = "half precision overflows above 65504 (exp(11.1)) and float above exp(88.7): activations, sums and losses become Infinity")
public final class HalfPrecision implements Rule {
  private static final String[] HALF_TYPES = {"HALF", "FLOAT16", "BFLOAT16"};
  /** Calls that only inspect or list a data type: comparing with HALF is not computing in it. */
  private static final Set<String> INSPECTIONS = Set.of("equals", "contains", "add", "put", "of", "asList",
      "valueOf", "name", "toString", "indexOf", "remove");
  private static final String[] INSPECTION_PREFIXES = {"validate", "check", "assert", "require", "is", "has",
      "supports", "expect", "verify"};

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    String name = call.getNameAsString();
    if (INSPECTIONS.contains(name)) {
      return;
    }
    for (String prefix : INSPECTION_PREFIXES) {
      if (name.startsWith(prefix) && name.length() > prefix.length()
          && Character.isUpperCase(name.charAt(prefix.length()))) {
        return;
      }
    }
    if (name.equals("castTo") && call.findAncestor(FieldDeclaration.class).isPresent()) {
      return; // a half copy of a constant table, kept for callers whose data is already half
    }
    checkArguments(call, call.getArguments(), ctx);
  }

  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    checkArguments(creation, creation.getArguments(), ctx);
  }

  /** {@code DataType storage = DataType.HALF;}: the choice is made here, wherever it is used later. */
  @Override
  public void visit(CompilationUnit unit, RuleContext ctx) {
    // isNd4jDataType matches a constant by its name, so one of HALF_TYPES must be written in the file:
    // without it, skip the walk over every declarator (a unicode escape could spell it: then walk anyway)
    String text = ctx.text();
    if (!text.contains("HALF") && !text.contains("FLOAT16") && !text.contains("\\u")) {
      return;
    }
    Analysis a = Analysis.of(ctx);
    for (VariableDeclarator v : FileNodes.of(unit).all(VariableDeclarator.class)) {
      Optional<Expression> init = v.getInitializer();
      if (init.isPresent() && a.api().isNd4jDataType(init.get(), HALF_TYPES)) {
        reportType(init.get(), init.get(), ctx);
      }
    }
  }

  @Override
  public void visit(AssignExpr assign, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    if (a.api().isNd4jDataType(assign.getValue(), HALF_TYPES)) {
      reportType(assign, assign.getValue(), ctx);
      return;
    }
    Expression term = null;
    if (assign.getOperator() == AssignExpr.Operator.PLUS) {
      term = assign.getValue();
    } else if (assign.getOperator() == AssignExpr.Operator.ASSIGN && assign.getValue() instanceof BinaryExpr b
        && b.getOperator() == BinaryExpr.Operator.PLUS && b.getLeft().toString().equals(assign.getTarget().toString())) {
      term = b.getRight(); // sum = sum + Math.exp(z)
    }
    if (term == null || !a.types().isFloat(assign.getTarget())) {
      return;
    }
    Optional<MethodCallExpr> exp = a.exponentials().expExceeding(term, Float.MAX_VALUE, a.facts());
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

  private static void checkArguments(Node call, NodeList<Expression> args, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    for (Expression arg : args) {
      if (a.api().isNd4jDataType(arg, HALF_TYPES)) {
        reportType(arg, arg, ctx);
        return; // one finding per call: setDefaultDataTypes(HALF, HALF) is one choice
      }
    }
  }

  private static final Set<String> TRAINING_SETUP_CALLS = Set.of("setDefaultDataTypes",
      "setDefaultDataType", "dataType", "convertDataType", "setDataType", "networkDtype");

  /**
   * Half precision chosen for training: network/default data type calls, ML code, or a file that builds
   * DL4J networks. A library's own fp16 conversion routines (tensor import, factories) are not.
   */
  private static boolean inTrainingSetup(Node at, RuleContext ctx) {
    boolean setupCall = at.findAncestor(MethodCallExpr.class)
        .map(c -> TRAINING_SETUP_CALLS.contains(c.getNameAsString())).orElse(false);
    boolean buildsNetworks = ctx.unit().getImports().stream()
        .anyMatch(i -> i.getNameAsString().startsWith("org.deeplearning4j.nn"));
    return setupCall || buildsNetworks || Analysis.of(ctx).scope().isNumericCode(at);
  }

  private static void reportType(Node at, Expression constant, RuleContext ctx) {
    if (!inTrainingSetup(at, ctx)) {
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
