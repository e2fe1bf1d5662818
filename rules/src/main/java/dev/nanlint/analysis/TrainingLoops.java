package dev.nanlint.analysis;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The training loops of a file: loops that fit a model, or compute a loss while iterating over epochs or
 * updating weights; in each nest the one a report names (the outermost loop over epochs); how many
 * iterations it runs where a constant says; and whether the code looks at the loss for NaN/Infinity (in the
 * loop or after it, directly or through a helper of the file, a listener, or ND4J's NaN panic mode).
 * Loops are recognised by what they call and assign; where no type tells, words of names are weak evidence
 * (the lists of {@link Vocabulary}).
 */
public final class TrainingLoops {
  private static final Set<String> CHECKS = Set.of("isNaN", "isInfinite", "isFinite");
  private static final Set<String> LISTENER_METHODS = Set.of("iterationDone", "onEpochEnd", "epochEnd",
      "onBackwardPass", "onGradientCalculation");
  private static final Set<String> PANIC_MODES = Set.of("NAN_PANIC", "INF_PANIC", "ANY_PANIC");

  private final CompilationUnit unit;
  private final Types types;
  private final Constants constants;
  private List<Loop> unchecked;

  TrainingLoops(CompilationUnit unit, Types types, Constants constants) {
    this.unit = unit;
    this.types = types;
    this.constants = constants;
  }

  /** A training loop: the statement, its iteration count (NaN when no constant says), its method or lambda. */
  public record Loop(Statement statement, double iterations, Node callable) {}

  /** The training loops, one per nest, that nothing checks for NaN/Infinity, in source order. */
  public List<Loop> unchecked() {
    if (unchecked == null) {
      unchecked = find();
    }
    return unchecked;
  }

  private List<Loop> find() {
    if (!mayTrain()) { // first: it reads three kinds of node, the loops need every statement merged
      return List.of();
    }
    List<Statement> loops = FileNodes.of(unit).all(Statement.class, TrainingLoops::isLoop);
    if (loops.isEmpty()) {
      return List.of();
    }
    List<Statement> training = new ArrayList<>();
    Set<Node> barren = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Statement loop : loops) { // pre-order: a loop comes before the loops nested in it
      if (insideAny(loop, barren)) {
        continue; // no fit and no loss around it, so none inside it either
      }
      LoopBody body = scan(loop);
      if (!body.fit() && !body.loss()) {
        barren.add(loop);
      } else if (body.fit() || epochLike(loop) || body.update()) {
        training.add(loop);
      }
    }
    if (training.isEmpty() || panicsOnNaN(unit)) {
      return List.of();
    }
    List<Loop> found = new ArrayList<>();
    for (Statement loop : training) {
      if (chosen(loop, training) && !checked(loop)) {
        found.add(new Loop(loop, iterations(loop), enclosingCallable(loop)));
      }
    }
    return List.copyOf(found);
  }

  // ---- which loops train ----------------------------------------------------------------------------

  /**
   * Whether any loop can train: a loop trains only when its body fits a model or assigns a loss
   * ({@link #scan}), so in a file with no {@code fit} call on a receiver and no loss-named declarator or
   * assignment anywhere none does, and its loops need no scan (most files of numeric libraries).
   */
  private boolean mayTrain() {
    FileNodes nodes = FileNodes.of(unit);
    for (MethodCallExpr m : nodes.all(MethodCallExpr.class)) {
      if (m.getNameAsString().equals("fit") && m.getScope().isPresent()) {
        return true;
      }
    }
    for (VariableDeclarator v : nodes.all(VariableDeclarator.class)) {
      if (v.getInitializer().isPresent() && isLossName(v.getNameAsString())) {
        return true;
      }
    }
    for (AssignExpr a : nodes.all(AssignExpr.class)) {
      if (isLossName(targetName(a.getTarget()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLoop(Node n) {
    return n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt;
  }

  /** What a loop's body does: fits a model, assigns a loss/score, updates weights. */
  private record LoopBody(boolean fit, boolean loss, boolean update) {}

  /**
   * A loop trains when it fits a model, or assigns a loss/score while iterating over epochs or updating
   * weights (the caller decides, from this scan and {@link #epochLike}).
   */
  private LoopBody scan(Statement loop) {
    boolean[] fit = new boolean[1];
    boolean[] loss = new boolean[1];
    boolean[] update = new boolean[1];
    Nodes.walk(loop, n -> {
      if (n instanceof MethodCallExpr m) {
        if (m.getNameAsString().equals("fit") && m.getScope().isPresent() && isModel(m.getScope().get())) {
          fit[0] = true;
        } else if ((m.getNameAsString().equals("subi") || m.getNameAsString().equals("sub"))
            && mentions(m, Vocabulary.RATE)) {
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
  private boolean isModel(Expression receiver) {
    if (TrainingSetup.isNetwork(receiver, types)) {
      return true;
    }
    String name = receiver instanceof NameExpr n ? n.getNameAsString()
        : receiver instanceof FieldAccessExpr f ? f.getNameAsString() : "";
    for (String w : Names.words(name)) {
      if (Vocabulary.MODEL.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLossName(String name) {
    for (String w : Names.words(name)) {
      if (Vocabulary.LOSS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** {@code w[j] -= lr * g}, {@code weights = weights - learningRate * grad}. */
  private static boolean isWeightUpdate(AssignExpr a, String target) {
    boolean minus = a.getOperator() == AssignExpr.Operator.MINUS
        || (a.getOperator() == AssignExpr.Operator.ASSIGN && a.getValue() instanceof BinaryExpr b
            && b.getOperator() == BinaryExpr.Operator.MINUS && Printed.of(b.getLeft()).equals(Printed.of(a.getTarget())));
    if (!minus) {
      return false;
    }
    boolean weight = false;
    for (String w : Names.words(target)) {
      weight |= Vocabulary.WEIGHT.contains(w);
    }
    return weight || mentions(a.getValue(), Vocabulary.RATE);
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
        if (words.stream().anyMatch(Vocabulary.LOOP::contains) && words.stream().noneMatch(Vocabulary.LOSS::contains)) {
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
  private double iterations(Statement loop) {
    return loop instanceof ForStmt f ? TrainingSetup.loopCount(f, constants) : Double.NaN;
  }

  private static boolean sameCallable(Node a, Node b) {
    return enclosingCallable(a) == enclosingCallable(b);
  }

  /** The method, lambda or class a node is in (the node itself outside any class). */
  private static Node enclosingCallable(Node n) {
    return Callables.methodLambdaOrClass(n).orElse(n);
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
      if (m.getBody().isPresent() && Nodes.first(m.getBody().get(), Node.class, TrainingLoops::isCheck).isPresent()) {
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
        && m.getBody().flatMap(b -> Nodes.first(b, Node.class, TrainingLoops::isCheck)).isPresent()).isPresent();
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
