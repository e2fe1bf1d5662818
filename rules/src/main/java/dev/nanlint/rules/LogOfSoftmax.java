package dev.nanlint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Origins;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Flags cross-entropy computed by hand from probabilities: the log of a softmax or sigmoid output, and
 * {@code y * log(p) + (1 - y) * log(1 - p)}, even when clamped. Computing it from the logits is exact
 * where this underflows to log(0). See docs/rules/LogOfSoftmax.md.
 */
@RuleInfo(name = "LogOfSoftmax", severity = Severity.NOTE,
    summary = "cross-entropy from softmax/sigmoid probabilities underflows to log(0); compute it from the logits")
public final class LogOfSoftmax implements Rule {

  /** Why a log call is cross-entropy from probabilities, with the fix to show. */
  private record Reason(String message, String fix) {}

  @Override
  public void visit(MethodCallExpr call, RuleContext ctx) {
    Analysis a = Analysis.of(ctx);
    if (!(a.api().isMath(call, "log", "log10") || a.api().isTransforms(call, "log")) || call.getArguments().isEmpty()) {
      return;
    }
    List<MethodCallExpr> logs = a.origins().logsAround(call);
    Optional<Reason> reason = reason(call, logs, a);
    if (reason.isEmpty()) {
      return;
    }
    // One finding per log-of-probability in a method: y*log(p) + (1-y)*log(1-p) is one cross-entropy.
    String core = a.origins().logCore(call.getArgument(0));
    for (MethodCallExpr earlier : logs) {
      if (earlier != call && before(earlier, call) && !earlier.getArguments().isEmpty()
          && a.origins().logCore(earlier.getArgument(0)).equals(core) && reason(earlier, logs, a).isPresent()) {
        return;
      }
    }
    ctx.report(call, reason.get().message(), reason.get().fix());
  }

  private static boolean before(Node x, Node y) {
    return x.getBegin().isPresent() && y.getBegin().isPresent() && x.getBegin().get().isBefore(y.getBegin().get());
  }

  private static Optional<Reason> reason(MethodCallExpr call, List<MethodCallExpr> logs, Analysis a) {
    boolean nd4j = a.api().isTransforms(call, "log");
    Optional<Origins.Source> source = a.origins().probabilitySource(call.getArgument(0));
    if (source.isPresent()) {
      Origins.Source s = source.get();
      String what = s.kind() == Origins.Source.Kind.SOFTMAX ? "a softmax output" : "a sigmoid output";
      if (s.complement()) {
        what = "one minus " + what;
      }
      String message = call + " takes the log of " + what + " (" + s.expression() + "): once it underflows"
          + " to 0 the loss is -log(0) = Infinity, or the clamp's constant with a zero gradient; compute"
          + " the cross-entropy from the logits";
      return Optional.of(new Reason(message, fix(s, nd4j)));
    }
    Optional<MethodCallExpr> partner = a.origins().crossEntropyPartner(call, logs);
    if (partner.isPresent()) {
      String message = "binary cross-entropy written by hand from probabilities (" + call + " with "
          + partner.get() + "): log(p) and log(1 - p) reach log(0) when p saturates; compute it from the logit";
      String fix = nd4j
          ? "LossBinaryXENT (LossFunction.XENT) with Activation.SIGMOID on the logits"
          : "from the logit z: Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))), or DL4J's"
              + " LossBinaryXENT (LossFunction.XENT) with Activation.SIGMOID";
      return Optional.of(new Reason(message, fix));
    }
    return Optional.empty();
  }

  private static String fix(Origins.Source s, boolean nd4j) {
    String z = s.logits() == null ? "z" : s.logits();
    if (s.kind() == Origins.Source.Kind.SIGMOID) {
      if (nd4j) {
        return "LossBinaryXENT (LossFunction.XENT) with Activation.SIGMOID, which take the pre-activation " + z;
      }
      String softplus = s.complement() ? "Math.max(" + z + ", 0) + Math.log1p(Math.exp(-Math.abs(" + z + ")))"
          : "Math.max(-(" + z + "), 0) + Math.log1p(Math.exp(-Math.abs(" + z + ")))";
      return "-(" + softplus + ") (log-sigmoid from the logit), or LossBinaryXENT / LossFunction.XENT";
    }
    if (nd4j) {
      return "Nd4j.exec(new LogSoftMax(" + z + "))[0] (log-softmax), or LossMCXENT / LossFunction.MCXENT with"
          + " Activation.SOFTMAX on the output layer";
    }
    return "log-softmax from the logits: " + z + "[i] - max - Math.log(sum of Math.exp(" + z
        + "[j] - max)), with max the largest logit; or LossMCXENT / LossFunction.MCXENT";
  }
}
