package dev.nanlint.analysis.cfg;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Cfg} in one walk over the statements. {@code current} is the block being filled, or
 * null once the path has ended (after a jump); {@code frames} is a persistent stack of what encloses the
 * current statement: jump targets (loops, switches, labels), catch clauses and finally blocks.
 */
final class CfgBuilder {
  private final Node callable;
  private final List<Block> blocks = new ArrayList<>();
  private final Block entry = new Block("entry");
  private final Block exit = new Block("exit");
  private final Block exceptionalExit = new Block("exc-exit");
  /** The innermost catch or finally frame each block was created under (where its exceptions go). */
  private final Map<Block, Frame> handlers = new IdentityHashMap<>();
  private Block current;
  private Frame frames;

  /** What encloses the statement being built; {@code outer} is the next one out. */
  private sealed interface Frame permits Jumps, Catches, Finally {
    Frame outer();
  }

  /** A loop, switch or labelled statement: where break and continue go. */
  private record Jumps(Frame outer, Set<String> labels, Block breakTarget, Block continueTarget,
                       boolean unlabelledBreak) implements Frame {}

  /** The catch clauses of a try: every exception of the try block may go to each. */
  private record Catches(Frame outer, List<Block> entries, boolean catchAll) implements Frame {}

  /** A finally block: each way out of its try gets a landing block where a copy of the finally starts. */
  private static final class Finally implements Frame {
    final Frame outer;
    final Map<Block, Jump> jumps = new LinkedHashMap<>();
    Block exceptional;

    Finally(Frame outer) {
      this.outer = outer;
    }

    @Override
    public Frame outer() {
      return outer;
    }
  }

  /** A jump waiting in a finally landing: where it goes, and the frames around its target. */
  private record Jump(Block landing, Block target, Frame targetFrames) {}

  CfgBuilder(Node callable) {
    this.callable = callable;
  }

  Cfg build() {
    blocks.add(entry);
    current = entry;
    follow();
    if (callable instanceof MethodDeclaration m) {
      m.getBody().ifPresent(this::statement);
    } else if (callable instanceof ConstructorDeclaration c) {
      statement(c.getBody());
    } else if (callable instanceof CompactConstructorDeclaration c) {
      statement(c.getBody());
    } else if (callable instanceof InitializerDeclaration i) {
      statement(i.getBody());
    } else if (callable instanceof LambdaExpr l) {
      statement(l.getBody());
    } else {
      throw new IllegalArgumentException("not a callable: " + callable.getClass().getSimpleName());
    }
    goTo(exit);
    blocks.add(exit);
    blocks.add(exceptionalExit);
    CfgCompactor.compact(blocks);
    return new Cfg(callable, blocks);
  }

  // ---------------------------------------------------------------- statements

  private void statement(Statement s) {
    if (s instanceof BlockStmt b) {
      b.getStatements().forEach(this::statement);
    } else if (s instanceof ExpressionStmt e) {
      expression(e.getExpression());
    } else if (s instanceof IfStmt i) {
      ifStatement(i);
    } else if (s instanceof WhileStmt || s instanceof DoStmt || s instanceof ForStmt
        || s instanceof ForEachStmt || s instanceof SwitchStmt) {
      breakable(s, Set.of());
    } else if (s instanceof LabeledStmt l) {
      labelled(l);
    } else if (s instanceof BreakStmt b) {
      Jumps target = jumps(b.getLabel().map(SimpleName::getIdentifier).orElse(null), false);
      jumpTo(target == null ? null : target.breakTarget(), target == null ? null : target.outer());
    } else if (s instanceof ContinueStmt c) {
      Jumps target = jumps(c.getLabel().map(SimpleName::getIdentifier).orElse(null), true);
      jumpTo(target == null ? null : target.continueTarget(), target); // continue stays inside the loop
    } else if (s instanceof ReturnStmt r) {
      element(r);
      jumpTo(exit, null);
    } else if (s instanceof ThrowStmt t) {
      element(t);
      throwFrom(current, frames);
      current = null;
    } else if (s instanceof YieldStmt y) {
      // Only legal in a switch expression, which stays inside its element; nothing follows a yield.
      element(y);
      current = null;
    } else if (s instanceof TryStmt t) {
      tryStatement(t);
    } else if (s instanceof SynchronizedStmt sync) {
      element(sync.getExpression());
      statement(sync.getBody());
    } else if (s instanceof AssertStmt || s instanceof ExplicitConstructorInvocationStmt) {
      element(s);
    }
    // Empty statements, local class and record declarations, unparsable statements: nothing runs.
  }

  /** A declaration gives one element per variable; any other expression is one element. */
  private void expression(Expression e) {
    if (e instanceof VariableDeclarationExpr v) {
      v.getVariables().forEach(this::element);
    } else {
      element(e);
    }
  }

  private void ifStatement(IfStmt s) {
    Block then = newBlock();
    Block after = newBlock();
    Block otherwise = s.getElseStmt().isPresent() ? newBlock() : after;
    condition(s.getCondition(), then, otherwise);
    current = then;
    statement(s.getThenStmt());
    goTo(after);
    if (s.getElseStmt().isPresent()) {
      current = otherwise;
      statement(s.getElseStmt().get());
      goTo(after);
    }
    current = after;
  }

  private void labelled(LabeledStmt s) {
    Set<String> labels = new HashSet<>();
    Statement inner = s;
    while (inner instanceof LabeledStmt l) {
      labels.add(l.getLabel().getIdentifier());
      inner = l.getStatement();
    }
    if (inner instanceof WhileStmt || inner instanceof DoStmt || inner instanceof ForStmt
        || inner instanceof ForEachStmt || inner instanceof SwitchStmt) {
      breakable(inner, labels);
      return;
    }
    Block after = newBlock();
    frames = new Jumps(frames, labels, after, null, false);
    statement(inner);
    frames = frames.outer();
    goTo(after);
    current = after;
  }

  /** A loop or a switch statement, with the labels written on it. */
  private void breakable(Statement s, Set<String> labels) {
    if (s instanceof WhileStmt w) {
      Block head = newBlock();
      Block body = newBlock();
      Block after = newBlock();
      goTo(head);
      current = head;
      condition(w.getCondition(), body, after);
      loopBody(w.getBody(), body, labels, after, head, head);
      current = after;
    } else if (s instanceof DoStmt d) {
      Block body = newBlock();
      Block test = newBlock();
      Block after = newBlock();
      goTo(body);
      loopBody(d.getBody(), body, labels, after, test, test);
      current = test;
      condition(d.getCondition(), body, after);
      current = after;
    } else if (s instanceof ForStmt f) {
      f.getInitialization().forEach(this::expression);
      Block head = newBlock();
      Block body = newBlock();
      Block update = newBlock();
      Block after = newBlock();
      goTo(head);
      current = head;
      if (f.getCompare().isPresent()) {
        condition(f.getCompare().get(), body, after);
      } else {
        goTo(body);
      }
      loopBody(f.getBody(), body, labels, after, update, update);
      current = update;
      f.getUpdate().forEach(this::expression);
      goTo(head);
      current = after;
    } else if (s instanceof ForEachStmt f) {
      element(f.getIterable());
      Block head = newBlock();
      Block next = newBlock();
      Block after = newBlock();
      goTo(head);
      edge(head, next, Edge.Kind.NORMAL, null);
      edge(head, after, Edge.Kind.NORMAL, null);
      current = next;
      element(f);
      loopBody(f.getBody(), current, labels, after, head, head);
      current = after;
    } else {
      switchStatement((SwitchStmt) s, labels);
    }
  }

  /** Builds a loop body starting in {@code start}; its end goes back to {@code back}. */
  private void loopBody(Statement body, Block start, Set<String> labels, Block breakTarget,
      Block continueTarget, Block back) {
    frames = new Jumps(frames, labels, breakTarget, continueTarget, true);
    current = start;
    statement(body);
    goTo(back);
    frames = frames.outer();
  }

  private void switchStatement(SwitchStmt s, Set<String> labels) {
    element(s.getSelector());
    Block dispatch = current;
    Block after = newBlock();
    List<SwitchEntry> entries = s.getEntries();
    List<Block> starts = new ArrayList<>();
    boolean hasDefault = false;
    for (SwitchEntry e : entries) {
      Block start = newBlock();
      starts.add(start);
      edge(dispatch, start, Edge.Kind.NORMAL, null);
      hasDefault |= e.isDefault();
    }
    if (!hasDefault) {
      edge(dispatch, after, Edge.Kind.NORMAL, null);
    }
    current = null;
    frames = new Jumps(frames, labels, after, null, true);
    for (int i = 0; i < entries.size(); i++) {
      SwitchEntry e = entries.get(i);
      goTo(starts.get(i)); // fall through from the previous group
      current = starts.get(i);
      if (e.getGuard().isPresent()) {
        Block body = newBlock();
        Block rest = newBlock();
        condition(e.getGuard().get(), body, rest);
        for (Block other : starts) {
          if (other != starts.get(i)) {
            edge(rest, other, Edge.Kind.NORMAL, null);
          }
        }
        if (!hasDefault) {
          edge(rest, after, Edge.Kind.NORMAL, null);
        }
        current = body;
      }
      e.getStatements().forEach(this::statement);
      if (e.getType() != SwitchEntry.Type.STATEMENT_GROUP) {
        goTo(after); // arrow cases do not fall through
      }
    }
    goTo(after);
    frames = frames.outer();
    current = after;
  }

  private void tryStatement(TryStmt t) {
    Frame outer = frames;
    Finally fin = t.getFinallyBlock().isPresent() ? new Finally(outer) : null;
    Frame aroundCatches = fin == null ? outer : fin;
    frames = aroundCatches;
    List<Block> catchEntries = new ArrayList<>();
    boolean catchAll = false;
    for (CatchClause c : t.getCatchClauses()) {
      catchEntries.add(newBlock());
      catchAll |= c.getParameter().getType() instanceof ClassOrInterfaceType type
          && type.getNameAsString().equals("Throwable");
    }
    if (!catchEntries.isEmpty()) {
      frames = new Catches(aroundCatches, catchEntries, catchAll);
    }
    List<Block> ends = new ArrayList<>();
    Block body = newBlock();
    goTo(body);
    current = body;
    t.getResources().forEach(this::expression);
    statement(t.getTryBlock());
    if (!t.getResources().isEmpty() && current != null && handler(frames) != null) {
      // Closing the resources may throw, after the whole body ran.
      Block close = follow();
      throwFrom(close, frames);
    }
    addEnd(ends);
    frames = aroundCatches;
    for (int i = 0; i < catchEntries.size(); i++) {
      current = catchEntries.get(i);
      statement(t.getCatchClauses().get(i).getBody());
      addEnd(ends);
    }
    frames = outer;
    Block after = ends.isEmpty() ? null : newBlock();
    for (Block end : ends) {
      edge(end, after, Edge.Kind.NORMAL, null);
    }
    current = after;
    if (fin == null) {
      return;
    }
    BlockStmt finallyBody = t.getFinallyBlock().get();
    if (current != null) {
      statement(finallyBody); // the copy for normal completion; what follows the try continues from it
    }
    Block normalEnd = current;
    if (fin.exceptional != null) {
      current = fin.exceptional;
      statement(finallyBody);
      if (current != null) {
        Block rethrow = follow();
        throwFrom(rethrow, frames);
      }
    }
    for (Jump jump : fin.jumps.values()) {
      current = jump.landing();
      statement(finallyBody);
      jumpTo(jump.target(), jump.targetFrames());
    }
    current = normalEnd;
  }

  private void addEnd(List<Block> ends) {
    if (current != null) {
      ends.add(current);
    }
    current = null;
  }

  // ---------------------------------------------------------------- conditions

  /** Splits a condition into atomic conditions with TRUE/FALSE edges to {@code yes} and {@code no}. */
  private void condition(Expression e, Block yes, Block no) {
    if (e instanceof EnclosedExpr en) {
      condition(en.getInner(), yes, no);
    } else if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      condition(u.getExpression(), no, yes);
    } else if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.AND) {
      Block right = newBlock();
      condition(b.getLeft(), right, no);
      current = right;
      condition(b.getRight(), yes, no);
    } else if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.OR) {
      Block right = newBlock();
      condition(b.getLeft(), yes, right);
      current = right;
      condition(b.getRight(), yes, no);
    } else if (e instanceof ConditionalExpr c) {
      Block then = newBlock();
      Block otherwise = newBlock();
      condition(c.getCondition(), then, otherwise);
      current = then;
      condition(c.getThenExpr(), yes, no);
      current = otherwise;
      condition(c.getElseExpr(), yes, no);
    } else if (e instanceof BooleanLiteralExpr literal) {
      goTo(literal.getValue() ? yes : no);
    } else {
      element(e);
      edge(current, yes, Edge.Kind.TRUE, e);
      edge(current, no, Edge.Kind.FALSE, e);
      current = null;
    }
  }

  // ---------------------------------------------------------------- jumps and exceptions

  /** The loop, switch or label a break or continue ({@code isContinue}) with this label goes to. */
  private Jumps jumps(String label, boolean isContinue) {
    for (Frame f = frames; f != null; f = f.outer()) {
      if (f instanceof Jumps j && (!isContinue || j.continueTarget() != null)
          && (label == null ? j.unlabelledBreak() : j.labels().contains(label))) {
        return j;
      }
    }
    return null; // not valid Java: end the path
  }

  /**
   * Ends the path with a jump to {@code target}, which lies inside {@code targetFrames}; a finally
   * between here and there is entered first (at its landing for this target).
   */
  private void jumpTo(Block target, Frame targetFrames) {
    if (current != null && target != null) {
      Block to = target;
      for (Frame f = frames; f != null && f != targetFrames; f = f.outer()) {
        if (f instanceof Finally fin) {
          to = fin.jumps.computeIfAbsent(target,
              t -> new Jump(newBlockUnder(fin.outer), t, targetFrames)).landing();
          break;
        }
      }
      edge(current, to, Edge.Kind.NORMAL, null);
    }
    current = null;
  }

  /** EXCEPTION edges from {@code b} to where an exception thrown inside {@code from} goes. */
  private void throwFrom(Block b, Frame from) {
    for (Frame f = from; f != null; f = f.outer()) {
      if (f instanceof Catches c) {
        c.entries().forEach(entry -> edge(b, entry, Edge.Kind.EXCEPTION, null));
        if (c.catchAll()) {
          return;
        }
      } else if (f instanceof Finally fin) {
        if (fin.exceptional == null) {
          fin.exceptional = newBlockUnder(fin.outer);
        }
        edge(b, fin.exceptional, Edge.Kind.EXCEPTION, null);
        return;
      }
    }
    edge(b, exceptionalExit, Edge.Kind.EXCEPTION, null);
  }

  /** The innermost catch or finally frame of a frame stack: where an exception goes; null if none. */
  private static Frame handler(Frame f) {
    while (f != null && !(f instanceof Catches) && !(f instanceof Finally)) {
      f = f.outer();
    }
    return f;
  }

  // ---------------------------------------------------------------- blocks and edges

  /** Appends an element to the current block, starting a new block when the handler changed. */
  private void element(Node node) {
    Frame handler = handler(frames);
    if (current == null) {
      current = newBlock(); // unreachable code: a block no path enters
    } else if (handlers.get(current) != handler) {
      current = follow();
    }
    if (current.isEmpty() && handler != null) {
      throwFrom(current, frames); // in a try, every element may throw
    }
    current.add(node);
  }

  /** A new block that the current one falls into; it becomes the current block. */
  private Block follow() {
    Block next = newBlock();
    goTo(next);
    current = next;
    return next;
  }

  private void goTo(Block target) {
    if (current != null) {
      edge(current, target, Edge.Kind.NORMAL, null);
    }
    current = null;
  }

  private Block newBlock() {
    return newBlockUnder(frames);
  }

  private Block newBlockUnder(Frame under) {
    Block b = new Block("B" + blocks.size());
    blocks.add(b);
    handlers.put(b, handler(under));
    return b;
  }

  private static void edge(Block from, Block to, Edge.Kind kind, Expression condition) {
    Edge e = new Edge(from, to, kind, condition);
    from.successors.add(e);
    to.predecessors.add(e);
  }
}
