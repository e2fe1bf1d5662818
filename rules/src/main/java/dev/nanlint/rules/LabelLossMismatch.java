package dev.nanlint.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.LabelValues;
import dev.nanlint.analysis.Labels;
import dev.nanlint.analysis.OutputLayers.LabelDomain;
import dev.nanlint.analysis.OutputLayers.Loss;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.List;
import java.util.Set;

/**
 * Flags label values that do not fit the DL4J loss configured in the same class: negative labels
 * ({@code -1/+1}) with cross-entropy (XENT, MCXENT, NEGATIVELOGLIKELIHOOD) or with MSLE/POISSON, and
 * {@code {0, 1}} labels with HINGE/SQUARED_HINGE. Reported at the label values.
 * See docs/rules/LabelLossMismatch.md.
 */
@RuleInfo(name = "LabelLossMismatch", severity = Severity.WARNING,
    summary = "label values the loss is not defined for (-1 with cross-entropy, negative targets with MSLE/Poisson, 0/1 with hinge) drive the loss to -Infinity or NaN")
public final class LabelLossMismatch implements Rule {

  @Override
  public void visit(CompilationUnit unit, RuleContext ctx) {
    if (!usesDl4jLosses(unit)) {
      return;
    }
    Analysis a = Analysis.of(ctx);
    List<Loss> losses = a.outputLayers().losses();
    if (losses.isEmpty()) {
      return;
    }
    // label values and losses are matched within their innermost class
    for (LabelValues.Site site : new LabelValues(new Labels(a), a.declarations()).sites(unit)) {
      Node owner = owner(site.at());
      List<Loss> here = losses.stream().filter(l -> owner(l.at()) == owner).toList();
      if (!here.isEmpty()) {
        check(site, here, ctx);
      }
    }
  }

  private static Node owner(Node node) {
    return node.findAncestor(TypeDeclaration.class).map(Node.class::cast).orElse(null);
  }

  private static boolean usesDl4jLosses(CompilationUnit unit) {
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      if (name.startsWith("org.nd4j.linalg.lossfunctions") || name.startsWith("org.deeplearning4j")) {
        return true;
      }
    }
    return false;
  }

  /** Reported when every loss of the class rejects the labels: otherwise which network gets them is not visible. */
  private static void check(LabelValues.Site site, List<Loss> losses, RuleContext ctx) {
    Set<Double> values = site.values();
    if (!losses.stream().allMatch(l -> LabelDomain.of(l.name()).rejects(values))) {
      return;
    }
    Loss bad = losses.get(0);
    int line = bad.at().getBegin().map(p -> p.line).orElse(0);
    String shown = values.toString().replace(".0,", ",").replace(".0]", "]");
    String lossName = bad.name();
    if (LabelDomain.of(lossName) == LabelDomain.SIGNED) {
      ctx.report(site.at(), site.what() + " holds the values " + shown + ", but " + lossName + " (line " + line
          + ") expects labels -1 and +1: max(0, 1 - y * output) is constant for y = 0, so the 0 class gives no"
          + " gradient and the model learns to push every output up",
          "use labels -1/+1 with hinge losses (2 * y - 1), or LossFunction.XENT with a sigmoid output for 0/1 labels");
      return;
    }
    if (LabelDomain.of(lossName) == LabelDomain.NON_NEGATIVE) {
      ctx.report(site.at(), site.what() + " holds the negative values " + shown + ", but " + lossName + " (line "
          + line + ") " + (lossName.equals("POISSON")
              ? "computes output - y * log(output): with y < 0 it falls without bound as output -> 0, and log(0) = -Infinity"
              : "computes log((output + 1) / (y + 1)): y = -1 divides by 0 (Infinity) and y < -1 is log of a negative (NaN)"),
          "shift or transform the targets to be non-negative, or use LossFunction.MSE / L1 for signed targets");
      return;
    }
    ctx.report(site.at(), site.what() + " holds the values " + shown + ", but " + lossName + " (line " + line
        + ") is cross-entropy over labels in [0, 1]: with y = -1 the loss -y * log(p) rewards p -> 0 without bound,"
        + " and log(0) = -Infinity turns the score and gradients into NaN",
        "remap -1/+1 labels to 0/1 ((y + 1) / 2), or use LossFunction.HINGE / SQUARED_HINGE for -1/+1 labels");
  }
}
