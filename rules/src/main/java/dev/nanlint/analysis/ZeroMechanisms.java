package dev.nanlint.analysis;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.nanlint.analysis.facts.NumFact;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the zero of an operand (a divisor, a log's argument) comes from a mechanism the code shows, or
 * only from its shape. Mechanisms make the zero an ordinary event: an integer quotient that truncates, a
 * probability that underflows or saturates, a count kept per class (a class never seen), code that empties
 * the input. A shape alone (a difference, a sum, a size, a scalar count, a value that is decreased) says the
 * operand <em>can</em> be 0, not that anything makes it so: two strict reviews of code nobody here had tuned on
 * found 3 true of 86 such divisions and 0 of 8 such logs settled true (docs/rules/UnguardedDivision.md, "Levels").
 * Rules report a mechanism as a warning and a shape as a note.
 */
public final class ZeroMechanisms {
  private static final Set<String> SCALAR_SIGMOIDS = Set.of("sigmoid", "logistic");

  private ZeroMechanisms() {}

  /**
   * Whether a mechanism makes {@code operand} 0: {@code fact} is its fact where it is used, {@code value} the
   * older evaluator's reading, {@code reading} what {@link ZeroContracts} made of it.
   */
  public static boolean shown(Expression operand, NumFact fact, Value value, Optional<ZeroContracts.Reading> reading,
      Analysis a) {
    if (reading.isPresent() && !reading.get().isContract()) {
      return true; // the code itself can empty the input
    }
    if (fact.has(NumFact.Tag.TRUNCATED_QUOTIENT) || fact.has(NumFact.Tag.PER_CLASS_COUNT)
        || fact.isConstant() && fact.lo() == 0) {
      return true; // ... or the flow proves it is 0 where it is used
    }
    // a probability only a name suggests (probs, pred, numberOutputs) is a shape, not a mechanism
    return (fact.has(NumFact.Tag.PROBABILITY) || value.probability() && !value.named()) && !isDoubleSigmoid(operand, a);
  }

  /**
   * A sigmoid in double precision, directly or through the one definition of a local: {@code 1 / (1 + exp(z))}
   * written out, or a scalar call named sigmoid or logistic (a utility's {@code logistic(x)} computes the same
   * quotient). It is 0 only once {@code exp(z)} overflows, for z beyond 709.78 (in float, beyond 88.7, which
   * logits reach). Its complement {@code 1 - sigmoid} is another matter: it reaches 0 once z is below about -37.
   */
  public static boolean isDoubleSigmoid(Expression operand, Analysis a) {
    Expression x = Flow.strip(operand);
    return isSigmoidInDouble(x instanceof NameExpr use ? a.flow().definition(use).orElse(x) : x, a, new HashSet<>());
  }

  /** {@code visiting}: the methods whose returns are being read, so that a recursive sigmoid ends (as not one). */
  private static boolean isSigmoidInDouble(Expression e, Analysis a, Set<MethodDeclaration> visiting) {
    Expression x = Flow.strip(e);
    if (x instanceof ConditionalExpr choice) { // flag ? 1 / (1 + exp(z)) : 1 / (1 + exp(-z))
      return isSigmoidInDouble(choice.getThenExpr(), a, visiting) && isSigmoidInDouble(choice.getElseExpr(), a, visiting);
    }
    if (x instanceof MethodCallExpr call) { // an INDArray's sigmoid computes in the array's type, float by default
      if (!SCALAR_SIGMOIDS.contains(call.getNameAsString()) || call.getArguments().size() != 1
          || a.types().isIndArray(call) || a.types().isIndArray(call.getArgument(0)) || a.types().isFloat(call)
          || a.types().isFloat(call.getArgument(0))) {
        return false;
      }
      // a sigmoid of the run decides by its body: one that returns 0.0 past a cut-off is 0 from there; one the
      // run declares but no summary reads (an overridable method) is not known to be one; a library's goes by its name
      Optional<MethodDeclaration> local = a.facts().summaries().resolve(call);
      if (local.isPresent()) {
        return visiting.add(local.get()) && returnsOnlySigmoids(local.get(), a, visiting);
      }
      Optional<Boolean> elsewhere = a.crossFile().returnsOnlySigmoids(call);
      return elsewhere.orElseGet(() -> a.crossFile().returnType(call).isEmpty());
    }
    return x instanceof BinaryExpr division && division.getOperator() == BinaryExpr.Operator.DIVIDE
        && !a.types().isFloat(division) && a.values().isSigmoid(division);
  }

  /** Whether every return of {@code method} (analysed by {@code a}) is a sigmoid in double or a positive constant. */
  public static boolean returnsOnlySigmoids(MethodDeclaration method, Analysis a) {
    Set<MethodDeclaration> visiting = new HashSet<>();
    visiting.add(method);
    return returnsOnlySigmoids(method, a, visiting);
  }

  private static boolean returnsOnlySigmoids(MethodDeclaration method, Analysis a, Set<MethodDeclaration> visiting) {
    List<ReturnStmt> returns = method.findAll(ReturnStmt.class);
    return !returns.isEmpty() && returns.stream().allMatch(r -> r.getExpression()
        .map(e -> isSigmoidInDouble(e, a, visiting) || a.constants().value(e) > 0).orElse(false));
  }
}
