package dev.nanlint.analysis;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.nanlint.analysis.facts.NumFact;
import java.util.Optional;

/**
 * Whether a log's argument can reach 0 (or go below) where the log is taken, and what shows it: the question
 * UnguardedLog asks. The structure of a cross-entropy ({@code labels.mul(log(p))}, {@code y * log(p) + (1 - y) *
 * log(1 - p)}) says its argument is a predicted probability whatever its name; a sigmoid in double precision
 * reaches 0 only past a logit of 709.78.
 */
public final class ZeroLogs {
  private ZeroLogs() {}

  /**
   * A log argument that can reach 0.
   *
   * @param reason why it can be 0 (for an argument that is not a contract)
   * @param reading what {@link ZeroContracts} made of it, if anything
   * @param mechanism a mechanism, not only a shape, makes it 0: a cross-entropy's prediction, or what
   *     {@link ZeroMechanisms} shows
   * @param canBeNegative the argument can also be below 0 (a difference), where a clamp would hide a bug
   */
  public record Argument(String reason, Optional<ZeroContracts.Reading> reading, boolean mechanism,
      boolean canBeNegative) {
    /** Only a caller could make it 0: a contract on the inputs, reported with {@link #when}. */
    public boolean isContract() {
      return reading.isPresent() && reading.get().isContract();
    }

    /** When a contract's argument is 0: "when xs is empty: a contract the caller keeps, ...". */
    public String when() {
      return reading.orElseThrow().when();
    }
  }

  /**
   * The argument {@code arg} of {@code log} when it can reach 0 there; {@code nd4j}: the log is ND4J's
   * {@code Transforms.log}, whose argument multiplied by labels is a cross-entropy's prediction.
   */
  public static Optional<Argument> of(MethodCallExpr log, Expression arg, boolean nd4j, Analysis a) {
    Optional<Argument> draw = uniformDraw(arg, a);
    if (draw.isPresent()) {
      return draw;
    }
    Value value = a.values().of(arg);
    if (!value.canBeZero() && !value.canBeNegative()) {
      return Optional.empty();
    }
    // labels.mul(log(p)): the variable p is the prediction of a cross-entropy, a probability whatever its name
    // (a computed argument, such as the ratio of a KL divergence, is not the prediction itself)
    boolean crossEntropy = nd4j && !value.hasStrongRisk() && isVariable(arg) && a.scope().isLossCode(log)
        && Labels.multipliedByLabels(log);
    if (!(value.hasStrongRisk() || crossEntropy) || a.consequences().clippedBelow(log)
        || a.scope().isLogProbabilityFunction(log) || a.values().guards().repairedAfterwards(log)
        || !a.facts().at(arg).canBeNonPositive()) {
      return Optional.empty(); // ... or the flow proves the argument positive where the log is taken
    }
    // y * log(p) + (1 - y) * log(1 - p): the structure, not the name, says p is a predicted probability
    Optional<MethodCallExpr> partner = a.origins().crossEntropyPartner(log, a.origins().logsAround(log));
    boolean binaryCrossEntropy = partner.isPresent();
    boolean doubleSigmoid = !crossEntropy && ZeroMechanisms.isDoubleSigmoid(arg, a); // 0 only past a logit of -709.78
    String reason = crossEntropy ? arg + " is the prediction this cross-entropy multiplies by the labels, a probability"
        + " that reaches 0 when the model saturates"
        : binaryCrossEntropy && value.named() && isVariable(arg) ? arg + " is the prediction of a binary"
            + " cross-entropy (with " + partner.get() + "), a probability that reaches 0 when the model saturates"
        : doubleSigmoid ? value.risk() + "; as a sigmoid in double precision it is 0 only"
            + " once the exp inside it overflows (a logit beyond 709.78 in size)"
        : value.risk();
    NumFact fact = a.facts().at(arg);
    Optional<ZeroContracts.Reading> reading = ZeroContracts.of(log, arg, fact, a);
    boolean contract = reading.isPresent() && reading.get().isContract();
    boolean mechanism = !contract && (crossEntropy || binaryCrossEntropy && !doubleSigmoid
        || ZeroMechanisms.shown(arg, fact, value, reading, a));
    return Optional.of(new Argument(reason, reading, mechanism, value.canBeNegative()));
  }

  /**
   * Why the integer quotient {@code arg} ({@code hits / total}) can be 0: it truncates to 0 whenever the numerator
   * is smaller, which the facts tag; empty for any other argument.
   */
  public static Optional<String> truncatedQuotient(Expression arg, Analysis a) {
    Expression x = Flow.strip(arg);
    NumFact truncated = a.types().isIntegral(x) && a.facts().mayCountOrTruncate(x) ? a.facts().at(arg) : NumFact.top();
    return truncated.has(NumFact.Tag.TRUNCATED_QUOTIENT) && truncated.canBeZero()
        ? Optional.of(truncated.reasons()) : Optional.empty();
  }

  /**
   * Why the SameDiff variable {@code arg} can be 0 or below when the graph runs (SameDiffHandler's facts): a
   * probability that reaches 0, a difference, a norm or a sum that can be 0; empty when nothing says so.
   */
  public static Optional<String> ofSameDiff(Expression arg, Analysis a) {
    NumFact fact = a.facts().at(arg);
    if (!fact.canBeNonPositive() || fact.evidence().isEmpty() || fact.tags().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(fact.reasons());
  }

  /**
   * {@code Math.log(rng.nextDouble())} (Box-Muller, an exponential or Gumbel sample), directly or through the local
   * holding the draw: the draw is exactly 0 now and then, and its log -Infinity. In float that is once in 2^24
   * draws, which training reaches: a mechanism; in double once in 2^53: shown, but a note.
   */
  private static Optional<Argument> uniformDraw(Expression arg, Analysis a) {
    Expression x = Flow.strip(arg);
    Expression source = x instanceof NameExpr use ? a.flow().definition(use).map(Flow::strip).orElse(x) : x;
    if (!(source instanceof MethodCallExpr call) || !call.getArguments().isEmpty()
        || !(call.getNameAsString().equals("nextDouble") || call.getNameAsString().equals("nextFloat"))) {
      return Optional.empty();
    }
    NumFact fact = a.facts().at(arg);
    if (!fact.has(NumFact.Tag.UNIFORM_DRAW) || !fact.canBeZero()) {
      return Optional.empty();
    }
    return Optional.of(new Argument(fact.reasons(), Optional.empty(), fact.precision() == NumFact.Precision.FLOAT,
        false));
  }

  private static boolean isVariable(Expression e) {
    Expression x = Flow.strip(e);
    return x instanceof NameExpr || x instanceof FieldAccessExpr;
  }
}
