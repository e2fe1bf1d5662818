package dev.nanlint.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.BuilderChains;
import dev.nanlint.analysis.Constants;
import dev.nanlint.analysis.Declarations;
import dev.nanlint.analysis.Flow;
import dev.nanlint.analysis.Labels;
import dev.nanlint.engine.Nodes;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags label values that do not fit the DL4J loss configured in the same class: negative labels
 * ({@code -1/+1}) with cross-entropy (XENT, MCXENT, NEGATIVELOGLIKELIHOOD) or with MSLE/POISSON, and
 * {@code {0, 1}} labels with HINGE/SQUARED_HINGE. Reported at the label values.
 * See docs/rules/LabelLossMismatch.md.
 */
@RuleInfo(name = "LabelLossMismatch", severity = Severity.WARNING,
    summary = "label values the loss is not defined for (-1 with cross-entropy, negative targets with MSLE/Poisson, 0/1 with hinge) drive the loss to -Infinity or NaN")
public final class LabelLossMismatch implements Rule {
  /** Losses taking log of the output weighted by the label: a negative label makes them unbounded below. */
  private static final Set<String> LOG_LOSSES = Set.of("XENT", "MCXENT", "NEGATIVELOGLIKELIHOOD");
  /** Losses taking log of the target (MSLE: log(y + 1)) or weighting log(output) by it (Poisson). */
  private static final Set<String> POSITIVE_TARGET_LOSSES = Set.of("MEAN_SQUARED_LOGARITHMIC_ERROR", "POISSON");
  private static final Set<String> HINGE_LOSSES = Set.of("HINGE", "SQUARED_HINGE");

  /** A loss visible in the class, and where it is written. */
  private record Loss(String name, Node at) {}

  /** Label values written in one place. */
  private record LabelSite(Node at, Set<Double> values, String what) {}

  @Override
  public void visit(CompilationUnit unit, RuleContext ctx) {
    if (!usesDl4jLosses(unit)) {
      return;
    }
    BuilderChains chains = Analysis.of(ctx).builderChains();
    Labels labels = new Labels(Analysis.of(ctx));
    Constants constants = labels.constants();
    // label values and losses are matched within their innermost class
    List<Loss> losses = losses(unit, chains);
    if (losses.isEmpty()) {
      return;
    }
    for (LabelSite site : labelSites(unit, constants, labels, ctx)) {
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

  // ---- losses -----------------------------------------------------------------------------------

  private static List<Loss> losses(Node type, BuilderChains chains) {
    List<Loss> out = new ArrayList<>();
    for (ObjectCreationExpr creation : Nodes.all(type, ObjectCreationExpr.class)) {
      String name = creation.getType().getNameAsString();
      if (name.startsWith("Loss") && !name.equals("LossLayer")) {
        chains.loss(creation).ifPresent(l -> out.add(new Loss(l, creation)));
      } else if (name.equals("Builder") && creation.getType().getScope().isPresent()) {
        String owner = creation.getType().getScope().get().getNameAsString();
        // OutputLayer.Builder() / RnnOutputLayer.Builder() without a loss: DL4J's default MCXENT
        if ((owner.equals("OutputLayer") || owner.equals("RnnOutputLayer")) && creation.getArguments().isEmpty()) {
          Optional<BuilderChains.Layer> layer = chains.layer(creation);
          if (layer.isPresent() && !layer.get().isOpen() && !layer.get().has("lossFunction")) {
            out.add(new Loss("MCXENT", creation));
          }
        }
      }
    }
    for (FieldAccessExpr field : Nodes.all(type, FieldAccessExpr.class)) {
      if (field.getScope().toString().endsWith("LossFunction")) {
        chains.loss(field).ifPresent(l -> out.add(new Loss(l, field)));
      }
    }
    return out;
  }

  // ---- labels -----------------------------------------------------------------------------------

  private static List<LabelSite> labelSites(Node type, Constants constants, Labels labels,
      RuleContext ctx) {
    List<LabelSite> out = new ArrayList<>();
    for (MethodCallExpr call : Nodes.all(type, MethodCallExpr.class)) {
      String name = call.getNameAsString();
      if ((name.equals("create") || name.equals("createFromArray")) && call.getArguments().isNonEmpty()
          && call.getScope().map(s -> s.toString().equals("Nd4j")).orElse(false) && isLabelArray(call)) {
        Expression data = call.getArgument(0);
        literal(data, ctx).ifPresent(init -> {
          Set<Double> values = new TreeSet<>();
          if (collect(init, constants, values)) {
            // reported at the argument (new double[][] {...} or a name): javac has a tree starting there
            out.add(new LabelSite(data, values, "the label array " + targetName(call)));
          }
        });
      } else if (name.equals("putScalar") && call.getScope().isPresent() && call.getArguments().size() >= 2
          && Labels.isLabelName(Labels.baseName(call.getScope().get()))) {
        Expression value = call.getArgument(call.getArguments().size() - 1);
        Set<Double> values = new TreeSet<>();
        if (!constantAlternatives(value, constants, values)) {
          values.clear();
          Labels.IntSet set = labels.values(value);
          if (!set.complete() || set.values().isEmpty()) {
            continue;
          }
          set.values().forEach(v -> values.add((double) v));
        }
        out.add(new LabelSite(value, values, call.getScope().get() + ".putScalar"));
      }
    }
    return out;
  }

  /** The values of a constant or of a conditional between constants ({@code fraud[i] ? 1.0 : -1.0}). */
  private static boolean constantAlternatives(Expression e, Constants constants, Set<Double> out) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    if (x instanceof ConditionalExpr c) {
      return constantAlternatives(c.getThenExpr(), constants, out) && constantAlternatives(c.getElseExpr(), constants, out);
    }
    Constants.Num n = constants.eval(x);
    if (n.known()) {
      out.add(n.value());
    }
    return n.known();
  }

  /** Is this {@code Nd4j.create(...)} stored in a label-named variable or passed as a DataSet's labels? */
  private static boolean isLabelArray(MethodCallExpr call) {
    Node parent = call.getParentNode().orElse(null);
    if (parent instanceof VariableDeclarator v) {
      return Labels.isLabelName(v.getNameAsString());
    }
    if (parent instanceof AssignExpr a && a.getValue() == call) {
      return Labels.isLabelName(Labels.baseName(a.getTarget()));
    }
    if (parent instanceof ObjectCreationExpr c && c.getType().getNameAsString().equals("DataSet")
        && c.getArguments().size() >= 2 && c.getArgument(1) == call) {
      return true;
    }
    return false;
  }

  private static String targetName(MethodCallExpr call) {
    Node parent = call.getParentNode().orElse(null);
    if (parent instanceof VariableDeclarator v) {
      return v.getNameAsString();
    }
    if (parent instanceof AssignExpr a) {
      return a.getTarget().toString();
    }
    return "of the DataSet";
  }

  /** The literal array an argument is: written in place, or a local/final field initialised with one. */
  private static Optional<ArrayInitializerExpr> literal(Expression e, RuleContext ctx) {
    Expression x = Flow.strip(e);
    if (x instanceof ArrayCreationExpr ac) {
      return ac.getInitializer();
    }
    if (x instanceof ArrayInitializerExpr ai) {
      return Optional.of(ai);
    }
    if (x instanceof NameExpr n) {
      Optional<Declarations.Declaration> d = Analysis.of(ctx).declarations().find(n, n.getNameAsString());
      if (d.isEmpty() || d.get().kind() == Declarations.Kind.PARAMETER) {
        return Optional.empty();
      }
      // an array whose elements are assigned later is not read exactly: stay silent
      Node scope = d.get().node().findAncestor(TypeDeclaration.class).map(Node.class::cast).orElse(d.get().node());
      boolean written = Nodes.all(scope, AssignExpr.class).stream().anyMatch(a -> a.getTarget().toString()
          .startsWith(n.getNameAsString() + "[") || a.getTarget().toString().equals(n.getNameAsString()));
      if (written) {
        return Optional.empty();
      }
      return d.get().initializer().flatMap(init -> literal(init, ctx));
    }
    return Optional.empty();
  }

  /** Every element of a (nested) literal array; false when one is not a constant. */
  private static boolean collect(ArrayInitializerExpr init, Constants constants, Set<Double> out) {
    for (Expression v : init.getValues()) {
      if (v instanceof ArrayInitializerExpr inner) {
        if (!collect(inner, constants, out)) {
          return false;
        }
        continue;
      }
      Constants.Num n = constants.eval(v);
      if (!n.known()) {
        return false;
      }
      out.add(n.value());
    }
    return !out.isEmpty();
  }


  // ---- matching ---------------------------------------------------------------------------------

  private static void check(LabelSite site, List<Loss> losses, RuleContext ctx) {
    Set<Double> values = site.values();
    boolean negative = values.stream().anyMatch(v -> v < 0);
    boolean zeroOne = values.size() == 2 && values.contains(0.0) && values.contains(1.0);
    Loss bad = null;
    for (Loss loss : losses) {
      boolean mismatch = negative && (LOG_LOSSES.contains(loss.name()) || POSITIVE_TARGET_LOSSES.contains(loss.name()))
          || zeroOne && HINGE_LOSSES.contains(loss.name());
      if (!mismatch) {
        return; // another loss in the class fits these labels: which network gets them is not visible
      }
      if (bad == null) {
        bad = loss;
      }
    }
    if (bad == null) {
      return;
    }
    int line = bad.at().getBegin().map(p -> p.line).orElse(0);
    String shown = values.toString().replace(".0,", ",").replace(".0]", "]");
    String lossName = bad.name();
    if (HINGE_LOSSES.contains(lossName)) {
      ctx.report(site.at(), site.what() + " holds the values " + shown + ", but " + lossName + " (line " + line
          + ") expects labels -1 and +1: max(0, 1 - y * output) is constant for y = 0, so the 0 class gives no"
          + " gradient and the model learns to push every output up",
          "use labels -1/+1 with hinge losses (2 * y - 1), or LossFunction.XENT with a sigmoid output for 0/1 labels");
      return;
    }
    if (POSITIVE_TARGET_LOSSES.contains(lossName)) {
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
