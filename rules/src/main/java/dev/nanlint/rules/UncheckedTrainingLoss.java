package dev.nanlint.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Callables;
import dev.nanlint.analysis.Imports;
import dev.nanlint.analysis.Optimisers;
import dev.nanlint.analysis.TrainingLoops;
import dev.nanlint.analysis.TrainingSetup;
import dev.nanlint.engine.Nodes;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleContext;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags training loops that never look at their loss for NaN/Infinity, and DL4J early stopping without
 * an {@code InvalidScoreIterationTerminationCondition}. See docs/rules/UncheckedTrainingLoss.md.
 */
@RuleInfo(name = "UncheckedTrainingLoss", severity = Severity.NOTE,
    summary = "a training loop that never checks its loss for NaN/Infinity keeps training a diverged model and saves NaN weights")
public final class UncheckedTrainingLoss implements Rule {
  /** A run of at least this many epochs or iterations is long enough that a silent NaN wastes real time. */
  private static final double LONG_RUN = 100;

  @Override
  public void visit(CompilationUnit unit, RuleContext ctx) {
    List<TrainingLoops.Loop> loops = Analysis.of(ctx).trainingLoops().unchecked();
    if (loops.isEmpty()) {
      return;
    }
    boolean saves = TrainingSetup.savesModel(unit, Analysis.of(ctx).types());
    Set<Node> reportedIn = Collections.newSetFromMap(new IdentityHashMap<>());
    for (TrainingLoops.Loop loop : loops) {
      double iterations = loop.iterations();
      if (!saves && iterations < LONG_RUN || !reportedIn.add(loop.callable())) {
        continue; // a fixed short run that saves nothing shows its NaN score to whoever runs it; one note per method
      }
      String consequence = saves ? "trains and then saves a model whose weights are NaN"
          : Double.isNaN(iterations) ? "keeps training a model whose weights are NaN for as long as the caller asked"
          : "keeps training a model whose weights are NaN for the rest of its " + (long) iterations + " iterations";
      ctx.report(loop.statement(), "this training loop never checks its loss or score for NaN/Infinity: once one update"
          + " diverges, it " + consequence,
          "after computing the loss: if (!Double.isFinite(loss)) { throw new IllegalStateException(\"loss diverged at epoch \" + epoch); }"
          + " (for DL4J: Double.isFinite(model.score()), or Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.NAN_PANIC) while debugging)");
    }
  }

  @Override
  public void visit(ObjectCreationExpr creation, RuleContext ctx) {
    if (!creation.getType().getNameAsString().equals("Builder") || creation.getType().getScope().isEmpty()) {
      return;
    }
    String outer = Imports.written(creation.getType().getScope().get());
    Optional<Imports> imports = Imports.of(creation);
    if (!outer.endsWith("EarlyStoppingConfiguration") || imports.isEmpty()
        || !imports.get().is(outer, "org.deeplearning4j.earlystopping", "EarlyStoppingConfiguration")) {
      return;
    }
    List<MethodCallExpr> configuration = new ArrayList<>();
    MethodCallExpr top = null;
    Node current = creation;
    while (current.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getScope().orElse(null) == current) {
      configuration.add(m);
      top = m;
      current = m;
    }
    if (top == null || !top.getNameAsString().equals("build")) {
      Optional<String> variable = builderVariable(current);
      if (variable.isEmpty()) {
        return; // the builder escapes where we cannot follow it
      }
      Node body = Callables.methodLambdaOrClass(creation).orElse(creation);
      for (MethodCallExpr m : Nodes.all(body, MethodCallExpr.class)) {
        if (Optimisers.chainRoot(m) instanceof NameExpr n && n.getNameAsString().equals(variable.get())) {
          configuration.add(m);
        }
      }
    }
    for (MethodCallExpr m : configuration) {
      if (!m.getNameAsString().equals("iterationTerminationConditions")) {
        continue;
      }
      for (Expression arg : m.getArguments()) {
        if (!(arg instanceof ObjectCreationExpr c)
            || c.getType().getNameAsString().equals("InvalidScoreIterationTerminationCondition")) {
          return; // present, or hidden in a variable or list we do not follow
        }
      }
    }
    ctx.report(creation, "this early-stopping configuration has no InvalidScoreIterationTerminationCondition:"
        + " when a minibatch score becomes NaN or Infinity the trainer only logs a warning and keeps training the"
        + " diverged model until an epoch condition ends it",
        ".iterationTerminationConditions(new InvalidScoreIterationTerminationCondition())");
  }

  private static Optional<String> builderVariable(Node expression) {
    Node parent = expression.getParentNode().orElse(null);
    if (parent instanceof VariableDeclarator v) {
      return Optional.of(v.getNameAsString());
    }
    if (parent instanceof AssignExpr a && a.getTarget() instanceof NameExpr n) {
      return Optional.of(n.getNameAsString());
    }
    return Optional.empty();
  }
}
