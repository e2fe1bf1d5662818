package dev.nanlint.analysis.models;

import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.Arith;
import dev.nanlint.analysis.facts.NumFact;
import java.util.Optional;
import java.util.Set;

/**
 * SameDiff ({@code org.nd4j.autodiff.samediff}): the arithmetic of {@code SDVariable}, its reductions,
 * and the ops of {@code sd.math()} and {@code sd.nn()}, read as the ND4J ones (an SDVariable's fact is
 * the fact of the elements it will hold when the graph runs; float by default). Every op only adds to
 * the graph: nothing changes in place. An optional leading {@code String} argument names the output.
 */
public final class SameDiffHandler implements CallHandler {
  static final String SD_VARIABLE = "org.nd4j.autodiff.samediff.SDVariable";
  static final String SAME_DIFF = "org.nd4j.autodiff.samediff.SameDiff";
  private static final Set<String> ARITHMETIC = Set.of("add", "sub", "mul", "div", "rdiv", "rsub");
  private static final Set<String> REDUCTIONS = Set.of("norm1", "norm2", "normmax", "sum", "mean", "std", "neg");
  /** Every op name modelled below: most calls are not SameDiff ops, and the name is cheaper to test than the type. */
  private static final Set<String> MODELLED = Set.of("add", "sub", "mul", "div", "rdiv", "rsub", "norm1", "norm2",
      "normmax", "sum", "mean", "std", "neg", "softmax", "sigmoid", "log", "sqrt", "abs", "exp", "log1p", "tanh",
      "pow", "max", "min", "clipByValue", "constant", "scalar");

  @Override
  public Optional<NumFact> returns(Call call) {
    return Optional.ofNullable(op(call));
  }

  @Override
  public Optional<Effect> effect(Call call) {
    return op(call) == null ? Optional.empty() : Optional.of(Effect.PURE);
  }

  /** The fact of a SameDiff op's output, or null when the call is not one this handler models. */
  private static NumFact op(Call call) {
    Optional<Expression> scope = call.expr().getScope();
    if (scope.isEmpty() || !MODELLED.contains(call.name())) {
      return null;
    }
    int first = call.arity() > 0 && isName(call, 0) ? 1 : 0; // sd.math().log("name", x)
    int values = call.arity() - first;
    String text = Printed.of(call.expr());
    if (isVariable(call, scope.get())) {
      NumFact x = call.receiver().orElse(NumFact.top());
      String name = call.name();
      if (ARITHMETIC.contains(name) && values == 1) {
        return Nd4jHandler.arithmetic(name, x, call.argument(first));
      }
      return reduction(name, x, text, call);
    }
    if (values < 1) {
      return null;
    }
    NumFact x = call.argument(first);
    String arg = Printed.of(call.argumentExpr(first));
    if (isNamespace(call, scope.get(), "nn")) {
      return switch (call.name()) {
        case "softmax" -> Reductions.probabilities(Reductions.softmaxNaN(x), text, call.expr(), Nd4jHandler.ELEMENTS);
        case "sigmoid" -> Reductions.probabilities(x.canBeNaN(), text, call.expr(), Nd4jHandler.ELEMENTS);
        default -> null;
      };
    }
    if (isNamespace(call, scope.get(), "math")) {
      NumFact r = switch (values == 1 ? call.name() : call.name() + "/" + values) {
        case "log", "sqrt", "abs", "exp", "log1p", "tanh" -> JavaMathHandler.unary(call.name(), x, arg, call.expr());
        case "pow/2", "max/2", "min/2" -> JavaMathHandler.binary(call.name(), x, call.argument(first + 1));
        case "clipByValue/3" -> JavaMathHandler.extreme(
            JavaMathHandler.extreme(x, call.argument(first + 2), false), call.argument(first + 1), true);
        default -> null;
      };
      return r == null ? null : Reductions.in(r, Nd4jHandler.ELEMENTS);
    }
    if (isSameDiff(call, scope.get()) && values == 1 && (call.name().equals("constant")
        || call.name().equals("scalar")) && call.analysis().types().isFloating(call.argumentExpr(first))) {
      return call.argument(first); // sd.constant(1e-8), sd.scalar("eps", 1e-8): that value
    }
    if (isSameDiff(call, scope.get()) && values >= 1) { // sd.norm2(x), sd.sum(x)...
      return reduction(call.name(), x, text, call);
    }
    return null;
  }

  private static NumFact reduction(String name, NumFact x, String text, Call call) {
    return switch (name) {
      case "norm1", "norm2", "normmax" -> Reductions.norm(x, text, call.expr(), Nd4jHandler.ELEMENTS);
      case "sum" -> Reductions.sum(x, text, call.expr(), Nd4jHandler.ELEMENTS);
      case "mean" -> Reductions.mean(x, text, call.expr(), Nd4jHandler.ELEMENTS);
      case "std" -> Reductions.spread(x, false, text, call.expr(), Nd4jHandler.ELEMENTS);
      case "neg" -> Arith.neg(x);
      default -> null;
    };
  }

  /** The argument names the op's output ({@code "loss"}), not an input. */
  private static boolean isName(Call call, int index) {
    Expression a = call.argumentExpr(index);
    return a.isStringLiteralExpr() || call.analysis().types().typeOf(a).equals("String");
  }

  /** An SDVariable: declared as one, or made by a SameDiff op. */
  private static boolean isVariable(Call call, Expression e) {
    Expression x = unwrap(e);
    if (call.isOfType(x, SD_VARIABLE)) {
      return true;
    }
    if (x instanceof MethodCallExpr m && m.getScope().isPresent()) {
      Expression s = unwrap(m.getScope().get());
      boolean variableOp = isVariable(call, s) && (ARITHMETIC.contains(m.getNameAsString())
          || REDUCTIONS.contains(m.getNameAsString()));
      return variableOp || isNamespace(call, s, "math") || isNamespace(call, s, "nn");
    }
    return false;
  }

  /** {@code sd.math()} or {@code sd.math} (and so on for {@code nn}) of a SameDiff instance. */
  private static boolean isNamespace(Call call, Expression e, String namespace) {
    Expression x = unwrap(e);
    if (x instanceof MethodCallExpr m && m.getNameAsString().equals(namespace) && m.getArguments().isEmpty()) {
      return m.getScope().map(s -> isSameDiff(call, s)).orElse(false);
    }
    return x instanceof FieldAccessExpr f && f.getNameAsString().equals(namespace) && isSameDiff(call, f.getScope());
  }

  private static boolean isSameDiff(Call call, Expression e) {
    return call.isOfType(unwrap(e), SAME_DIFF);
  }

  private static Expression unwrap(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    return x;
  }
}
