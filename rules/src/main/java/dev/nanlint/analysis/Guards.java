package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.nanlint.analysis.facts.Refiner;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * What the code around an expression already guarantees about it: enclosing {@code if}/ternary/
 * {@code &&} conditions, loop conditions ({@code for (i = 0; i < n; ...)} means n > 0 in the body),
 * for-each over a collection (non-empty in the body), and earlier early exits, asserts and
 * precondition checks in the same or enclosing blocks.
 */
public final class Guards {
  private static final Set<String> BATCH_SIZES = Set.of("numExamples", "getNumExamples", "rows");
  private static final Set<String> CHECKS = Set.of("checkArgument", "checkState", "isTrue", "require", "assertTrue",
      "validState");

  private final ToDoubleFunction<Expression> constants;
  private final Predicate<Expression> nonNegative;
  private final Predicate<Expression> positive;

  /**
   * @param constants evaluates a compile-time numeric constant, or NaN when the expression is not one
   * @param nonNegative whether a (non-constant) bound is known or configured to be at least 0
   * @param positive whether a (non-constant) bound is known to be above 0, like an epsilon
   */
  Guards(ToDoubleFunction<Expression> constants, Predicate<Expression> nonNegative,
      Predicate<Expression> positive) {
    this.constants = constants;
    this.nonNegative = nonNegative;
    this.positive = positive;
  }

  /** Normalised text of an expression, so {@code (double) n}, {@code (n)} and {@code n} compare equal. */
  public static String key(Expression e) {
    Expression x = Flow.strip(e);
    if (x instanceof MethodCallExpr call && call.getNameAsString().equals("isEmpty") && call.getArguments().isEmpty()) {
      return call.getScope().map(s -> key(s) + ".size()").orElse("size()");
    }
    return Printed.of(x);
  }

  /** The signs {@code e} can still take at its own position, given the guards around it. */
  public int allowedSigns(Expression e) {
    int allowed = allowedSigns(e, key(e));
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    if (x instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.MINUS
        || b.getOperator() == BinaryExpr.Operator.PLUS) && !Double.isNaN(constants.applyAsDouble(b.getRight()))
        && Double.isNaN(constants.applyAsDouble(b.getLeft()))) {
      // n - 2 after if (n < 3) return: a condition on n, moved by the constant
      double c = constants.applyAsDouble(b.getRight());
      double shift = b.getOperator() == BinaryExpr.Operator.MINUS ? c : -c;
      String variable = key(b.getLeft());
      for (Fact f : factsAt(e)) {
        allowed &= shiftedFacts(f.condition(), f.truth(), variable, shift);
      }
      if (allowed == 0) {
        return Value.ANY;
      }
    }
    return allowed;
  }

  /** The signs of {@code variable - shift} where {@code condition} is {@code truth} and compares the variable with a constant. */
  private int shiftedFacts(Expression condition, boolean truth, String variable, double shift) {
    int allowed = Value.ANY;
    for (Comparison c : implied(condition, truth, variable)) {
      double k = constants.applyAsDouble(c.other());
      if (!Double.isNaN(k)) {
        allowed &= signsWhere(c.op(), k - shift);
      }
    }
    return allowed;
  }

  /** {@code variable op other}: one comparison a condition guarantees, with the variable on the left. */
  private record Comparison(BinaryExpr.Operator op, Expression other) {}

  /**
   * The comparisons of {@code variable} with something else that hold where {@code condition} is
   * {@code truth}: through parentheses, {@code !}, both sides of a true {@code &&} and of a false {@code ||}.
   */
  private static List<Comparison> implied(Expression condition, boolean truth, String variable) {
    Expression c = condition;
    while (c instanceof EnclosedExpr en) {
      c = en.getInner();
    }
    if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return implied(u.getExpression(), !truth, variable);
    }
    if (!(c instanceof BinaryExpr b)) {
      return List.of();
    }
    if ((b.getOperator() == BinaryExpr.Operator.AND && truth) || (b.getOperator() == BinaryExpr.Operator.OR && !truth)) {
      List<Comparison> both = new ArrayList<>(implied(b.getLeft(), truth, variable));
      both.addAll(implied(b.getRight(), truth, variable));
      return both;
    }
    BinaryExpr.Operator op = truth ? b.getOperator() : Refiner.negate(b.getOperator());
    if (op == null) {
      return List.of(); // not a comparison
    }
    if (matches(b.getLeft(), variable)) {
      return List.of(new Comparison(op, b.getRight()));
    }
    if (matches(b.getRight(), variable)) {
      return List.of(new Comparison(flip(op), b.getLeft()));
    }
    return List.of();
  }


  /** The signs the expression written {@code key} can take at {@code e}'s position, given the guards around it. */
  int allowedSigns(Node e, String key) {
    int allowed = Value.ANY;
    Node child = e;
    for (Node p = e.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || p instanceof TypeDeclaration<?>) {
        break;
      }
      if (p instanceof IfStmt s) {
        if (child == s.getThenStmt()) {
          allowed &= facts(s.getCondition(), true, key);
        } else if (s.getElseStmt().isPresent() && child == s.getElseStmt().get()) {
          allowed &= facts(s.getCondition(), false, key);
        }
      } else if (p instanceof ConditionalExpr c) {
        if (child == c.getThenExpr()) {
          allowed &= facts(c.getCondition(), true, key);
        } else if (child == c.getElseExpr()) {
          allowed &= facts(c.getCondition(), false, key);
        }
      } else if (p instanceof BinaryExpr b && child == b.getRight()) {
        if (b.getOperator() == BinaryExpr.Operator.AND) {
          allowed &= facts(b.getLeft(), true, key);
        } else if (b.getOperator() == BinaryExpr.Operator.OR) {
          allowed &= facts(b.getLeft(), false, key);
        }
      } else if (p instanceof WhileStmt w && child == w.getBody()) {
        allowed &= facts(w.getCondition(), true, key);
      } else if (p instanceof ForStmt f && child == f.getBody()) {
        allowed &= f.getCompare().map(c -> facts(c, true, key) & loopBound(f, c, key)).orElse(Value.ANY)
            & loopStart(f, key);
      } else if (p instanceof ForEachStmt f && child == f.getBody()) {
        String iterable = key(f.getIterable());
        if (key.equals(iterable + ".length") || key.equals(iterable + ".size()")) {
          allowed &= Value.POS;
        }
      } else if (p instanceof BlockStmt block) {
        allowed &= earlierChecks(block.getStatements(), child, key);
      } else if (p instanceof SwitchEntry entry) {
        allowed &= earlierChecks(entry.getStatements(), child, key);
      }
      if (allowed == 0) {
        return Value.ANY; // contradictory facts: we misread something, so claim nothing
      }
    }
    return allowed;
  }

  /**
   * The least upper bound the conditions around {@code e} put on it ({@code v <= hi}, {@code v < hi},
   * the else branch of {@code v > hi ? hi : v}), with {@code upperOf} giving a bound's own upper limit.
   * Infinity when nothing bounds it.
   */
  double upperBound(Expression e, ToDoubleFunction<Expression> upperOf) {
    // only the enclosing branches, not earlier statements or loops: this runs for every name the analysis reads
    String key = key(e);
    double bound = Double.POSITIVE_INFINITY;
    for (Fact f : factsAt(e, false)) {
      bound = Math.min(bound, upperFrom(f.condition(), f.truth(), key, upperOf));
    }
    return bound;
  }



  private double upperFrom(Expression condition, boolean truth, String key, ToDoubleFunction<Expression> upperOf) {
    double bound = Double.POSITIVE_INFINITY;
    for (Comparison c : implied(condition, truth, key)) {
      if (c.op() == BinaryExpr.Operator.LESS || c.op() == BinaryExpr.Operator.LESS_EQUALS) {
        bound = Math.min(bound, upperOf.applyAsDouble(c.other()));
      }
    }
    return bound;
  }


  /** A condition known to evaluate to {@code truth} wherever it is reported. */
  public record Fact(Expression condition, boolean truth) {}

  /**
   * The conditions that hold at {@code n}: enclosing {@code if}/ternary/{@code &&}/{@code ||}/loop
   * conditions and earlier early exits, asserts and precondition checks, innermost first. Rules and
   * analyses that need more than signs (ranges, bounds) read them here.
   */
  public List<Fact> factsAt(Node n) {
    return factsAt(n, true);
  }

  /** The facts at {@code n}: enclosing branches only, or also loop conditions and earlier statements. */
  private List<Fact> factsAt(Node n, boolean loopsAndEarlierStatements) {
    List<Fact> out = new ArrayList<>();
    Node child = n;
    for (Node p = n.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || p instanceof TypeDeclaration<?>) {
        break;
      }
      if (p instanceof IfStmt s) {
        if (child == s.getThenStmt()) {
          out.add(new Fact(s.getCondition(), true));
        } else if (s.getElseStmt().isPresent() && child == s.getElseStmt().get()) {
          out.add(new Fact(s.getCondition(), false));
        }
      } else if (p instanceof ConditionalExpr c) {
        if (child == c.getThenExpr()) {
          out.add(new Fact(c.getCondition(), true));
        } else if (child == c.getElseExpr()) {
          out.add(new Fact(c.getCondition(), false));
        }
      } else if (p instanceof BinaryExpr b && child == b.getRight()) {
        if (b.getOperator() == BinaryExpr.Operator.AND) {
          out.add(new Fact(b.getLeft(), true));
        } else if (b.getOperator() == BinaryExpr.Operator.OR) {
          out.add(new Fact(b.getLeft(), false));
        }
      } else if (!loopsAndEarlierStatements) {
        continue;
      } else if (p instanceof WhileStmt w && child == w.getBody()) {
        out.add(new Fact(w.getCondition(), true));
      } else if (p instanceof ForStmt f && child == f.getBody() && f.getCompare().isPresent()) {
        out.add(new Fact(f.getCompare().get(), true));
      } else if (p instanceof BlockStmt || p instanceof SwitchEntry) {
        NodeList<Statement> statements = p instanceof BlockStmt block ? block.getStatements()
            : ((SwitchEntry) p).getStatements();
        int index = child instanceof Statement st ? Nodes.indexOf(statements, st) : -1;
        for (int i = index - 1; i >= 0; i--) {
          Statement s = statements.get(i);
          List<Expression> exits = exitingConditions(s);
          if (exits != null) {
            exits.forEach(c -> out.add(new Fact(c, false)));
          } else if (s instanceof AssertStmt a) {
            out.add(new Fact(a.getCheck(), true));
          } else if (s instanceof ExpressionStmt es && es.getExpression() instanceof MethodCallExpr call
              && CHECKS.contains(call.getNameAsString()) && call.getArguments().isNonEmpty()) {
            out.add(new Fact(call.getArgument(0), true));
          }
        }
      }
    }
    return out;
  }

  /** Facts from statements before {@code child}: early exits, asserts, precondition calls. */
  private int earlierChecks(NodeList<Statement> statements, Node child, String key) {
    int allowed = Value.ANY;
    int index = child instanceof Statement s ? Nodes.indexOf(statements, s) : -1;
    for (int i = 0; i < index; i++) {
      Statement s = statements.get(i);
      List<Expression> exits = exitingConditions(s);
      if (exits != null) {
        for (Expression c : exits) {
          allowed &= facts(c, false, key);
        }
      } else if (Definitions.isLoop(s)) {
        allowed &= everyElementChecked(s, key);
      } else if (incrementsKey(s, key)) {
        allowed = Value.POS; // count++ just before: at least 1 (Welford-style running statistics)
      } else if (s instanceof AssertStmt a) {
        allowed &= facts(a.getCheck(), true, key);
      } else if (s instanceof ExpressionStmt es && es.getExpression() instanceof MethodCallExpr call
          && CHECKS.contains(call.getNameAsString()) && call.getArguments().isNonEmpty()) {
        allowed &= facts(call.getArgument(0), true, key);
      } else if (s instanceof ExpressionStmt es && es.getExpression() instanceof MethodCallExpr call
          && call.getScope().isEmpty() && call.getArguments().isNonEmpty()) {
        allowed &= validatedBy(call, key);
      }
    }
    return allowed;
  }

  /**
   * {@code for (a ...) if (pulls[a] == 0) return a;}: a loop that leaves the method on the first element
   * failing a test leaves every element passing it, whatever index reads it later ({@code pulls[best]}).
   * Only a return or throw counts: a break leaves the rest of the array unchecked.
   */
  private int everyElementChecked(Statement loop, String key) {
    Statement body = loop instanceof ForStmt f ? f.getBody() : loop instanceof ForEachStmt fe ? fe.getBody() : null;
    if (body instanceof BlockStmt block && block.getStatements().size() == 1) {
      body = block.getStatement(0);
    }
    if (!(body instanceof IfStmt ifs) || ifs.getElseStmt().isPresent() || !leavesMethod(ifs.getThenStmt())) {
      return Value.ANY;
    }
    int open = key.indexOf('[');
    if (open <= 0 || !key.endsWith("]")) {
      return Value.ANY;
    }
    String array = key.substring(0, open);
    int allowed = Value.ANY;
    for (ArrayAccessExpr tested : Nodes.all(ifs.getCondition(), ArrayAccessExpr.class,
        a -> key(a.getName()).equals(array) && a.getIndex() instanceof NameExpr)) {
      allowed &= facts(ifs.getCondition(), false, key(tested));
    }
    return allowed;
  }

  private static boolean leavesMethod(Statement s) {
    if (s instanceof ReturnStmt || s instanceof ThrowStmt) {
      return true;
    }
    return s instanceof BlockStmt block && block.getStatements().isNonEmpty()
        && leavesMethod(block.getStatements().getLast().get());
  }

  /**
   * {@code requirePositive(n);} where a method of this file starts by throwing (or returning) when its
   * parameter fails a test: after the call, the argument passes it.
   */
  private int validatedBy(MethodCallExpr call, String key) {
    List<MethodDeclaration> candidates = call.findCompilationUnit().map(cu -> FileNodes.of(cu).methodsCalledBy(call))
        .orElse(List.of());
    if (candidates.size() != 1 || candidates.get(0).getBody().isEmpty()) {
      return Value.ANY;
    }
    MethodDeclaration helper = candidates.get(0);
    int allowed = Value.ANY;
    for (int i = 0; i < call.getArguments().size(); i++) {
      if (!key(call.getArgument(i)).equals(key)) {
        continue;
      }
      String param = helper.getParameter(i).getNameAsString();
      for (Statement s : helper.getBody().get().getStatements()) {
        List<Expression> exits = exitingConditions(s);
        if (exits == null || !(s instanceof IfStmt ifs) || !leavesMethod(ifs.getThenStmt())) {
          break; // only the checks the method starts with
        }
        for (Expression c : exits) {
          allowed &= facts(c, false, param);
        }
      }
    }
    return allowed;
  }

  private boolean incrementsKey(Statement s, String key) {
    if (!(s instanceof ExpressionStmt es)) {
      return false;
    }
    Expression e = es.getExpression();
    if (e instanceof UnaryExpr u && key(u.getExpression()).equals(key)) {
      return u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT;
    }
    return e instanceof AssignExpr a && key(a.getTarget()).equals(key)
        && a.getOperator() == AssignExpr.Operator.PLUS
        && (constants.applyAsDouble(a.getValue()) > 0 || positive.test(a.getValue()) || isBatchSize(a.getValue()));
  }

  /** {@code batch.numExamples()}, {@code features.rows()}: the size of a batch the loop is processing, at least 1. */
  private static boolean isBatchSize(Expression e) {
    return e instanceof MethodCallExpr call && call.getArguments().isEmpty() && call.getScope().isPresent()
        && BATCH_SIZES.contains(call.getNameAsString());
  }

  /**
   * Whether the code around {@code e} already tests one of the variables {@code e} is made of against 0:
   * {@code if (num == 0 && den == 0) return 0;} before {@code num / den}, or the else branch of
   * {@code if (a == 0 && b == 0)} around {@code .. / (|a| + |b|)}. The author considered the zero case;
   * nanlint does not second-guess the reasoning that follows.
   */
  public boolean zeroCaseConsidered(Expression e) {
    Set<String> names = new java.util.HashSet<>();
    names.add(key(e));
    Nodes.walk(e, NameExpr.class, n -> names.add(n.getNameAsString()));
    Node child = e;
    for (Node p = e.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || p instanceof TypeDeclaration<?>) {
        return false;
      }
      if (p instanceof IfStmt s && child != s.getCondition() && testsZero(s.getCondition(), names)) {
        return true;
      }
      if (p instanceof ConditionalExpr c && child != c.getCondition() && testsZero(c.getCondition(), names)) {
        return true;
      }
      if (p instanceof BlockStmt block && child instanceof Statement current) {
        NodeList<Statement> statements = block.getStatements();
        int at = Nodes.indexOf(statements, current);
        for (int i = 0; i < at; i++) {
          List<Expression> exits = exitingConditions(statements.get(i));
          if (exits != null && exits.stream().anyMatch(c -> testsZero(c, names))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean testsZero(Expression condition, Set<String> names) {
    return Nodes.first(condition, BinaryExpr.class, b -> Refiner.negate(b.getOperator()) != null
        && ((constants.applyAsDouble(b.getRight()) == 0 && names.contains(key(b.getLeft())))
            || (constants.applyAsDouble(b.getLeft()) == 0 && names.contains(key(b.getRight()))))).isPresent();
  }

  /**
   * {@code double r = a / b;} followed in the same block by {@code if (...) r = ...;} or a NaN/Infinity
   * check of r: the code repairs the edge case right after computing it (gradient checks do this).
   */
  public boolean repairedAfterwards(Node computation) {
    Node statement = computation;
    while (statement != null && !(statement instanceof Statement)) {
      statement = statement.getParentNode().orElse(null);
    }
    String target = assignedName(statement);
    if (target == null || !(statement.getParentNode().orElse(null) instanceof BlockStmt block)) {
      return false;
    }
    NodeList<Statement> statements = block.getStatements();
    for (int i = Nodes.indexOf(statements, statement) + 1; i < statements.size(); i++) {
      Statement next = statements.get(i);
      if (next instanceof IfStmt ifs && (assignsTo(ifs.getThenStmt(), target) || checksFinite(ifs.getCondition(), target))) {
        return true;
      }
      if (replacesNonFinite(next, target)) {
        return true;
      }
    }
    return false;
  }

  /** {@code BooleanIndexing.replaceWhere(x, 0.0, Conditions.isInfinite())}: the Infinity or NaN in x is replaced. */
  private static boolean replacesNonFinite(Statement s, String target) {
    return s instanceof ExpressionStmt es && es.getExpression() instanceof MethodCallExpr call
        && call.getNameAsString().startsWith("replace") && call.getArguments().isNonEmpty()
        && key(call.getArgument(0)).equals(target)
        && call.getArguments().stream().anyMatch(a -> Nodes.first(a, MethodCallExpr.class,
            c -> Set.of("isInfinite", "isNan", "isNaN", "notFinite").contains(c.getNameAsString())).isPresent());
  }

  private static String assignedName(Node statement) {
    if (statement instanceof ExpressionStmt es) {
      Expression e = es.getExpression();
      if (e instanceof VariableDeclarationExpr vars && vars.getVariables().size() == 1) {
        return vars.getVariable(0).getNameAsString();
      }
      if (e instanceof AssignExpr a) {
        return key(a.getTarget());
      }
    }
    return null;
  }

  private static boolean assignsTo(Statement s, String name) {
    return Nodes.first(s, AssignExpr.class, a -> key(a.getTarget()).equals(name)).isPresent();
  }

  private static boolean checksFinite(Expression condition, String name) {
    return Nodes.first(condition, MethodCallExpr.class, c -> Set.of("isNaN", "isInfinite", "isFinite").contains(c.getNameAsString())
        && c.getArguments().size() == 1 && key(c.getArgument(0)).equals(name)).isPresent();
  }

  /**
   * {@code if (a) throw ...; else if (b) return ...;} with no final else: every branch leaves, so after
   * the statement each condition is false. Returns the conditions, or null when {@code s} is no such chain.
   */
  static List<Expression> exitingConditions(Statement s) {
    List<Expression> conditions = new ArrayList<>();
    Statement current = s;
    while (current instanceof IfStmt ifs && alwaysExits(ifs.getThenStmt())) {
      conditions.add(ifs.getCondition());
      if (ifs.getElseStmt().isEmpty()) {
        return conditions;
      }
      current = ifs.getElseStmt().get();
      if (current instanceof BlockStmt block && block.getStatements().size() == 1) {
        current = block.getStatement(0); // else { if (...) ... }
      }
    }
    return null;
  }

  static boolean alwaysExits(Statement s) {
    if (s instanceof ReturnStmt || s instanceof ThrowStmt || s instanceof BreakStmt || s instanceof ContinueStmt) {
      return true;
    }
    if (s instanceof BlockStmt block) {
      return block.getStatements().isNonEmpty() && alwaysExits(block.getStatements().getLast().get());
    }
    if (s instanceof IfStmt ifs) {
      return ifs.getElseStmt().isPresent() && alwaysExits(ifs.getThenStmt()) && alwaysExits(ifs.getElseStmt().get());
    }
    return false;
  }

  /** {@code for (int i = 0; i < n; ...)}: the body runs only when n > 0 (n >= 1 for i <= n from 1). */
  private int loopBound(ForStmt loop, Expression compare, String key) {
    if (!(compare instanceof BinaryExpr b) || loop.getInitialization().size() != 1
        || !(loop.getInitialization().get(0) instanceof VariableDeclarationExpr init)
        || init.getVariables().size() != 1) {
      return Value.ANY;
    }
    var counter = init.getVariable(0);
    double start = counter.getInitializer().map(constants::applyAsDouble).orElse(Double.NaN);
    if (Double.isNaN(start) || start < 0 || !key(b.getLeft()).equals(counter.getNameAsString())
        || !key(b.getRight()).equals(key)) {
      return Value.ANY;
    }
    if (b.getOperator() == BinaryExpr.Operator.LESS) {
      return Value.POS;
    }
    if (b.getOperator() == BinaryExpr.Operator.LESS_EQUALS) {
      return start > 0 ? Value.POS : Value.ZERO | Value.POS;
    }
    return Value.ANY;
  }

  /**
   * {@code for (int i = a + 1; ...; i++)}: in the body {@code i - a} is at least 1, and {@code i} itself
   * is positive when the loop starts at a positive constant, as long as only the update moves i.
   */
  private int loopStart(ForStmt loop, String key) {
    if (loop.getInitialization().size() != 1
        || !(loop.getInitialization().get(0) instanceof VariableDeclarationExpr init)
        || init.getVariables().size() != 1 || init.getVariable(0).getInitializer().isEmpty()) {
      return Value.ANY;
    }
    String i = init.getVariable(0).getNameAsString();
    Expression start = init.getVariable(0).getInitializer().get();
    if (loop.getCompare().orElse(null) instanceof BinaryExpr compare && compare.getOperator() == BinaryExpr.Operator.LESS
        && key(compare.getLeft()).equals(i) && key.equals(key(compare.getRight()) + " - " + key(start))
        && start instanceof NameExpr a && !Definitions.assigns(loop.getBody(), a.getNameAsString())
        && compare.getRight() instanceof NameExpr b && !Definitions.assigns(loop.getBody(), b.getNameAsString())) {
      return Value.POS; // for (i = a; i < b; ...): the body runs only when a < b
    }
    if (!(key.equals(i) || key.startsWith(i + " - ")) || !onlyIncreases(loop, i)) {
      return Value.ANY;
    }
    if (key.equals(i)) {
      return constants.applyAsDouble(start) > 0 ? Value.POS : Value.ANY;
    }
    return start instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
        && key.equals(i + " - " + key(b.getLeft())) && constants.applyAsDouble(b.getRight()) > 0
        ? Value.POS : Value.ANY;
  }

  /** Every update is {@code i++}, {@code ++i} or {@code i += c > 0}, and the body never assigns i. */
  private boolean onlyIncreases(ForStmt loop, String i) {
    for (Expression update : loop.getUpdate()) {
      boolean up = update instanceof UnaryExpr u && key(u.getExpression()).equals(i)
          && (u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT || u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT)
          || update instanceof AssignExpr a && key(a.getTarget()).equals(i)
          && a.getOperator() == AssignExpr.Operator.PLUS
          && constants.applyAsDouble(a.getValue()) > 0;
      if (!up) {
        return false;
      }
    }
    return !loop.getUpdate().isEmpty() && !Definitions.assigns(loop.getBody(), i);
  }

  /** The signs {@code key} can take when {@code condition} evaluates to {@code truth}. */
  int facts(Expression condition, boolean truth, String key) {
    Expression c = condition;
    while (c instanceof EnclosedExpr en) {
      c = en.getInner();
    }
    if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return facts(u.getExpression(), !truth, key);
    }
    if (c instanceof MethodCallExpr call && call.getNameAsString().equals("isEmpty") && key(call).equals(key)) {
      return truth ? Value.ZERO : Value.POS;
    }
    if (!(c instanceof BinaryExpr b)) {
      return Value.ANY;
    }
    switch (b.getOperator()) {
      case AND:
        if (!truth) {
          return bothZeroIsFalse(b, key); // !(tp == 0 && fp == 0): tp + fp != 0
        }
        return facts(b.getLeft(), true, key) & facts(b.getRight(), true, key);
      case OR:
        return truth ? Value.ANY : facts(b.getLeft(), false, key) & facts(b.getRight(), false, key);
      default:
        break;
    }
    BinaryExpr.Operator op = b.getOperator();
    if (Refiner.negate(op) == null) {
      return Value.ANY; // not a comparison
    }
    Expression other;
    if (matches(b.getLeft(), key)) {
      other = b.getRight();
    } else if (matches(b.getRight(), key)) {
      other = b.getLeft();
      op = flip(op);
    } else if (key.equals(key(b.getLeft()) + " - " + key(b.getRight()))) {
      return signsWhere(truth ? op : Refiner.negate(op), 0); // l op r tells the sign of l - r
    } else if (key.equals(key(b.getRight()) + " - " + key(b.getLeft()))) {
      BinaryExpr.Operator flipped = flip(op);
      return flipped == null ? Value.ANY : signsWhere(truth ? flipped : Refiner.negate(flipped), 0);
    } else {
      return absFacts(b, truth, key);
    }
    double constant = constants.applyAsDouble(other);
    if (Double.isNaN(constant) && positive.test(other)) {
      constant = Double.MIN_VALUE; // v >= lo with a bound known to be positive (an epsilon): v > 0
    } else if (Double.isNaN(constant) && nonNegative.test(other)) {
      constant = 0; // d > threshold, with a threshold that is never negative: d > 0
      if ((truth ? op : Refiner.negate(op)) != BinaryExpr.Operator.GREATER) {
        return Value.ANY; // only the strict form says anything (also after if (d <= threshold) return)
      }
    }
    if (Double.isNaN(constant) || op == null) {
      return Value.ANY;
    }
    return signsWhere(truth ? op : Refiner.negate(op), constant);
  }

  /** Not both of {@code l == 0} and {@code r == 0}: their sum (of non-negative counts) is not 0. */
  private int bothZeroIsFalse(BinaryExpr and, String key) {
    String l = zeroTested(and.getLeft());
    String r = zeroTested(and.getRight());
    if (l == null || r == null) {
      return Value.ANY;
    }
    return key.equals(l + " + " + r) || key.equals(r + " + " + l) ? Value.NEG | Value.POS : Value.ANY;
  }

  /** "x" for a condition {@code x == 0}, else null. */
  private String zeroTested(Expression condition) {
    Expression c = condition;
    while (c instanceof EnclosedExpr en) {
      c = en.getInner();
    }
    if (c instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.EQUALS) {
      if (constants.applyAsDouble(b.getRight()) == 0) {
        return key(b.getLeft());
      }
      if (constants.applyAsDouble(b.getLeft()) == 0) {
        return key(b.getRight());
      }
    }
    return null;
  }

  private static boolean matches(Expression side, String key) {
    return key(side).equals(key);
  }

  /** {@code Math.abs(d) > eps} (or {@code >= c > 0}) means d != 0. */
  private int absFacts(BinaryExpr b, boolean truth, String key) {
    BinaryExpr.Operator op = truth ? b.getOperator() : Refiner.negate(b.getOperator());
    if (op == null || !(b.getLeft() instanceof MethodCallExpr call) || !call.getNameAsString().equals("abs")
        || call.getArguments().size() != 1 || !matches(call.getArgument(0), key)) {
      return Value.ANY;
    }
    double c = constants.applyAsDouble(b.getRight());
    if (Double.isNaN(c) && positive.test(b.getRight())) {
      c = Double.MIN_VALUE; // Math.abs(d) >= tolerance: a threshold above 0
    } else if (Double.isNaN(c) && nonNegative.test(b.getRight())) {
      c = 0; // Math.abs(d) > Nd4j.EPS_THRESHOLD: a threshold that is never negative
    }
    boolean nonZero = (op == BinaryExpr.Operator.GREATER && c >= 0) || (op == BinaryExpr.Operator.GREATER_EQUALS && c > 0);
    return nonZero ? Value.NEG | Value.POS : Value.ANY;
  }

  private static int signsWhere(BinaryExpr.Operator op, double c) {
    switch (op) {
      case GREATER:
        return c >= 0 ? Value.POS : Value.ANY;
      case GREATER_EQUALS:
        return c > 0 ? Value.POS : c == 0 ? Value.ZERO | Value.POS : Value.ANY;
      case LESS:
        return c <= 0 ? Value.NEG : Value.ANY;
      case LESS_EQUALS:
        return c < 0 ? Value.NEG : c == 0 ? Value.NEG | Value.ZERO : Value.ANY;
      case EQUALS:
        return c > 0 ? Value.POS : c < 0 ? Value.NEG : Value.ZERO;
      case NOT_EQUALS:
        return c == 0 ? Value.NEG | Value.POS : Value.ANY;
      default:
        return Value.ANY;
    }
  }

  static BinaryExpr.Operator flip(BinaryExpr.Operator op) {
    return switch (op) {
      case LESS -> BinaryExpr.Operator.GREATER;
      case LESS_EQUALS -> BinaryExpr.Operator.GREATER_EQUALS;
      case GREATER -> BinaryExpr.Operator.LESS;
      case GREATER_EQUALS -> BinaryExpr.Operator.LESS_EQUALS;
      case EQUALS, NOT_EQUALS -> op;
      default -> null;
    };
  }

}
