package dev.nanlint.rules;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Imports;
import dev.nanlint.analysis.Names;
import dev.nanlint.analysis.Optimisers;
import dev.nanlint.analysis.TrainingSetup;
import dev.nanlint.engine.FileNodes;
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
  private static final Set<String> LOSS_WORDS = Set.of("loss", "losses", "score", "cost", "objective", "nll", "xent");
  private static final Set<String> LOOP_WORDS = Set.of("epoch", "epochs", "episode", "episodes", "iter", "iters",
      "iteration", "iterations", "round", "rounds");
  private static final Set<String> MODEL_WORDS = Set.of("model", "net", "network", "classifier", "graph", "mlp",
      "lstm", "rnn", "cnn", "autoencoder", "vae", "nn", "regressor", "learner", "computation");
  private static final Set<String> RATE_WORDS = Set.of("lr", "learning", "rate", "alpha", "eta", "stepsize");
  private static final Set<String> WEIGHT_WORDS = Set.of("w", "weight", "weights", "theta", "params", "parameters",
      "bias", "biases", "coef", "coefficients");
  private static final Set<String> CHECKS = Set.of("isNaN", "isInfinite", "isFinite");
  private static final Set<String> LISTENER_METHODS = Set.of("iterationDone", "onEpochEnd", "epochEnd",
      "onBackwardPass", "onGradientCalculation");
  /** A run of at least this many epochs or iterations is long enough that a silent NaN wastes real time. */
  private static final double LONG_RUN = 100;
  private static final Set<String> PANIC_MODES = Set.of("NAN_PANIC", "INF_PANIC", "ANY_PANIC");

  @Override
  public void visit(CompilationUnit unit, RuleContext ctx) {
    List<Statement> loops = FileNodes.of(unit).all(Statement.class, UncheckedTrainingLoss::isLoop);
    if (loops.isEmpty()) {
      return;
    }
    List<Statement> training = new ArrayList<>();
    Set<Node> barren = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Statement loop : loops) { // pre-order: a loop comes before the loops nested in it
      if (insideAny(loop, barren)) {
        continue; // no fit and no loss around it, so none inside it either
      }
      LoopBody body = scan(loop, ctx);
      if (!body.fit() && !body.loss()) {
        barren.add(loop);
      } else if (body.fit() || epochLike(loop) || body.update()) {
        training.add(loop);
      }
    }
    if (training.isEmpty() || panicsOnNaN(unit)) {
      return;
    }
    boolean saves = TrainingSetup.savesModel(unit, Analysis.of(ctx).types());
    Set<Node> reportedIn = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Statement loop : training) {
      if (!chosen(loop, training) || checked(loop)) {
        continue;
      }
      double iterations = iterations(loop, ctx);
      if (!saves && iterations < LONG_RUN || !reportedIn.add(enclosingCallable(loop))) {
        continue; // a fixed short run that saves nothing shows its NaN score to whoever runs it; one note per method
      }
      String consequence = saves ? "trains and then saves a model whose weights are NaN"
          : Double.isNaN(iterations) ? "keeps training a model whose weights are NaN for as long as the caller asked"
          : "keeps training a model whose weights are NaN for the rest of its " + (long) iterations + " iterations";
      ctx.report(loop, "this training loop never checks its loss or score for NaN/Infinity: once one update"
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
      Node body = enclosingCallable(creation);
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

  // ---- which loops train ----------------------------------------------------------------------------

  private static boolean isLoop(Node n) {
    return n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt;
  }

  /** What a loop's body does: fits a model, assigns a loss/score, updates weights. */
  private record LoopBody(boolean fit, boolean loss, boolean update) {}

  /**
   * A loop trains when it fits a model, or assigns a loss/score while iterating over epochs or updating
   * weights (the caller decides, from this scan and {@link #epochLike}).
   */
  private static LoopBody scan(Statement loop, RuleContext ctx) {
    boolean[] fit = new boolean[1];
    boolean[] loss = new boolean[1];
    boolean[] update = new boolean[1];
    Nodes.walk(loop, n -> {
      if (n instanceof MethodCallExpr m) {
        if (m.getNameAsString().equals("fit") && m.getScope().isPresent() && isModel(m.getScope().get(), ctx)) {
          fit[0] = true;
        } else if ((m.getNameAsString().equals("subi") || m.getNameAsString().equals("sub"))
            && mentions(m, RATE_WORDS)) {
          update[0] |= isAssignedOrStatement(m);
        }
      } else if (n instanceof VariableDeclarator v && v.getInitializer().isPresent() && isLossName(v.getNameAsString())) {
        loss[0] = true;
      } else if (n instanceof AssignExpr a) {
        String target = targetName(a.getTarget());
        if (isLossName(target)) {
          loss[0] = true;
        }
        if (isWeightUpdate(a, target)) {
          update[0] = true;
        }
      }
    });
    return new LoopBody(fit[0], loss[0], update[0]);
  }

  private static boolean insideAny(Node node, Set<Node> enclosing) {
    for (Node p = node.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (enclosing.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAssignedOrStatement(MethodCallExpr m) {
    return m.getParentNode().map(p -> p instanceof com.github.javaparser.ast.stmt.ExpressionStmt
        || p instanceof AssignExpr).orElse(false);
  }

  /** A DL4J network or SameDiff graph by its type (TrainingSetup decides), else a receiver named like a model (weak evidence). */
  private static boolean isModel(Expression receiver, RuleContext ctx) {
    if (TrainingSetup.isNetwork(receiver, Analysis.of(ctx).types())) {
      return true;
    }
    String name = receiver instanceof NameExpr n ? n.getNameAsString()
        : receiver instanceof FieldAccessExpr f ? f.getNameAsString() : "";
    for (String w : Names.words(name)) {
      if (MODEL_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLossName(String name) {
    for (String w : Names.words(name)) {
      if (LOSS_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** {@code w[j] -= lr * g}, {@code weights = weights - learningRate * grad}. */
  private static boolean isWeightUpdate(AssignExpr a, String target) {
    boolean minus = a.getOperator() == AssignExpr.Operator.MINUS
        || (a.getOperator() == AssignExpr.Operator.ASSIGN && a.getValue() instanceof BinaryExpr b
            && b.getOperator() == BinaryExpr.Operator.MINUS && b.getLeft().toString().equals(a.getTarget().toString()));
    if (!minus) {
      return false;
    }
    boolean weight = false;
    for (String w : Names.words(target)) {
      weight |= WEIGHT_WORDS.contains(w);
    }
    return weight || mentions(a.getValue(), RATE_WORDS);
  }

  private static boolean mentions(Node n, Set<String> words) {
    return Nodes.first(n, NameExpr.class, name -> Names.words(name.getNameAsString()).stream().anyMatch(words::contains))
        .isPresent()
        || Nodes.first(n, FieldAccessExpr.class, f -> Names.words(f.getNameAsString()).stream().anyMatch(words::contains))
            .isPresent();
  }

  private static String targetName(Expression target) {
    Expression t = target;
    while (t instanceof com.github.javaparser.ast.expr.ArrayAccessExpr a) {
      t = a.getName();
    }
    if (t instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (t instanceof FieldAccessExpr f) {
      return f.getNameAsString();
    }
    return "";
  }

  /** The loop's own header speaks of epochs or iterations. */
  private static boolean epochLike(Statement loop) {
    List<Node> header = new ArrayList<>();
    if (loop instanceof ForStmt f) {
      header.addAll(f.getInitialization());
      f.getCompare().ifPresent(header::add);
      header.addAll(f.getUpdate());
    } else if (loop instanceof ForEachStmt f) {
      header.add(f.getVariable()); // for (int epoch : epochs); not what is iterated (epochTrainEval.entrySet())
    } else if (loop instanceof WhileStmt w) {
      header.add(w.getCondition());
    } else if (loop instanceof DoStmt d) {
      header.add(d.getCondition());
    }
    for (Node h : header) {
      for (String token : h.toString().split("[^A-Za-z0-9_]+")) {
        List<String> words = Names.words(token);
        // numEpochs, maxIterations, epoch; not currIterLoss, which is a loss
        if (words.stream().anyMatch(LOOP_WORDS::contains) && words.stream().noneMatch(LOSS_WORDS::contains)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * In a nest of training loops, report one: the outermost loop over epochs/iterations, or, when no
   * loop of the nest says so, the outermost.
   */
  private static boolean chosen(Statement loop, List<Statement> training) {
    boolean epoch = epochLike(loop);
    for (Statement other : training) {
      if (other == loop) {
        continue;
      }
      boolean ancestor = loop.isDescendantOf(other) && sameCallable(loop, other);
      boolean descendant = other.isDescendantOf(loop) && sameCallable(loop, other);
      if (ancestor && (epochLike(other) || !epoch)) {
        return false;
      }
      if (descendant && !epoch && epochLike(other)) {
        return false;
      }
    }
    return true;
  }

  /** {@code for (int e = 0; e < 200; e++)}: 200; NaN when the count is not a constant (TrainingSetup counts). */
  private static double iterations(Statement loop, RuleContext ctx) {
    return loop instanceof ForStmt f ? TrainingSetup.loopCount(f, Analysis.of(ctx).constants()) : Double.NaN;
  }

  private static boolean sameCallable(Node a, Node b) {
    return enclosingCallable(a) == enclosingCallable(b);
  }

  private static Node enclosingCallable(Node n) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || p instanceof TypeDeclaration<?>) {
        return p;
      }
    }
    return n;
  }

  // ---- is the loss checked -------------------------------------------------------------------------

  /** A NaN/Infinity check in the loop, or after its start in the same method, directly or through a helper. */
  private static boolean checked(Statement loop) {
    Node body = enclosingCallable(loop);
    Position start = loop.getBegin().orElse(null);
    if (start == null) {
      return true;
    }
    for (Node n : Nodes.all(body, Node.class, n -> n instanceof MethodCallExpr || n instanceof BinaryExpr)) {
      Optional<Position> at = n.getBegin();
      if (at.isEmpty() || at.get().isBefore(start)) {
        continue;
      }
      if (isCheck(n) || (n instanceof MethodCallExpr m && helperChecks(m))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCheck(Node n) {
    if (n instanceof MethodCallExpr m) {
      String name = m.getNameAsString();
      if (CHECKS.contains(name) && m.getArguments().size() == 1) {
        return true; // Double.isNaN(loss), Double.isFinite(score)
      }
      if (name.equals("isNan") || name.equals("isInfinite") || name.equals("hasNaN")) {
        return true; // Conditions.isNan() with BooleanIndexing
      }
      // checkFinite(loss), assertNoNaN(score), nanCheck(...), hasDiverged(...)
      return name.matches("(?i).*(finite|diverge).*") || name.matches(".*(NaN|Nan(?!o)).*|nan(?!o).*");
    }
    if (n instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.NOT_EQUALS) {
      return b.getLeft().toString().equals(b.getRight().toString()); // loss != loss
    }
    return false;
  }

  /** A call to a method of this file whose body checks for NaN/Infinity ({@code checkLoss(loss)}). */
  private static boolean helperChecks(MethodCallExpr call) {
    if (call.getScope().isPresent() && !(call.getScope().get() instanceof com.github.javaparser.ast.expr.ThisExpr)) {
      return false;
    }
    Optional<TypeDeclaration<?>> type = call.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
    if (type.isEmpty()) {
      return false;
    }
    for (MethodDeclaration m : type.get().getMethodsByName(call.getNameAsString())) {
      if (m.getBody().isPresent() && Nodes.first(m.getBody().get(), Node.class, UncheckedTrainingLoss::isCheck).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code Nd4j.getExecutioner().setProfilingMode(NAN_PANIC)} or a profiler config checking for NaN anywhere
   * in the file, or a DL4J/SameDiff listener of the file that checks the score ({@code iterationDone},
   * {@code onEpochEnd}, {@code epochEnd} doing {@code Double.isNaN(...)}).
   */
  private static boolean panicsOnNaN(CompilationUnit unit) {
    boolean listenerChecks = FileNodes.of(unit).first(MethodDeclaration.class, m -> LISTENER_METHODS.contains(m.getNameAsString())
        && m.getBody().flatMap(b -> Nodes.first(b, Node.class, UncheckedTrainingLoss::isCheck)).isPresent()).isPresent();
    return listenerChecks || FileNodes.of(unit).first(MethodCallExpr.class, m -> {
      String name = m.getNameAsString();
      if (name.equals("setProfilingMode") && m.getArguments().size() == 1) {
        String arg = m.getArgument(0).toString();
        return PANIC_MODES.stream().anyMatch(arg::endsWith);
      }
      return (name.equals("checkForNAN") || name.equals("checkForINF")) && m.getArguments().size() == 1
          && m.getArgument(0).toString().equals("true");
    }).isPresent();
  }
}
