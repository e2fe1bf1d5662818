package dev.nanlint.analysis.cfg;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The control-flow graph of one callable (a method, constructor, compact constructor, initializer or
 * lambda), built from the JavaParser AST by {@link #of}. It has an {@link #entry()} block (no elements,
 * no predecessors), a normal {@link #exit()} and an {@link #exceptionalExit()}.
 *
 * <h2>Elements</h2>
 * An element is one step the dataflow transfer function applies. Each expression the callable evaluates
 * belongs to exactly one element, which evaluates its whole expression tree (nested {@code ?:},
 * {@code &&}, calls and assignments included). The elements are:
 * <ul>
 *   <li>each {@link VariableDeclarator} of a local variable declaration, a {@code for} init or a
 *       try-with-resources resource, with its initializer (also one without an initializer);
 *   <li>the expression of an expression statement (assignment, compound assignment, {@code ++}/{@code --},
 *       call, object creation...), of a {@code for} init or update, and a try-with-resources resource
 *       given as an existing variable;
 *   <li>{@code ReturnStmt} and {@code ThrowStmt} (their value evaluated as part of them),
 *       {@code ExplicitConstructorInvocationStmt} ({@code this(...)}, {@code super(...)});
 *   <li>every atomic condition of an {@code if}, {@code while}, {@code do}, {@code for} or a switch
 *       case guard ({@code when}), after {@code &&}, {@code ||}, {@code !}, {@code ?:} and parentheses in
 *       condition position are split into edges. An atomic condition is always the last element of its
 *       block, which leaves on a TRUE and a FALSE edge that carry it. A literal {@code true}/{@code false}
 *       condition is not an element: only the edge it takes exists;
 *   <li>for a for-each loop: its iterable expression (evaluated once, before the loop), and the
 *       {@link ForEachStmt} itself at the top of each iteration, meaning "the next element is assigned to
 *       the variable" (the transfer must not evaluate the iterable or the body again);
 *   <li>the selector of a switch statement, and the lock expression of {@code synchronized};
 *   <li>{@link AssertStmt}: an element with no edges of its own and no refinement. Assertions are off at
 *       run time, so the transfer should treat it as doing nothing.
 * </ul>
 * Not elements: lambda bodies and the bodies of local and anonymous classes (they get their own
 * {@code Cfg.of}); local class and record declarations; empty statements; switch case labels and pattern
 * bindings; catch parameters.
 *
 * <p>A switch <em>expression</em> is not split: it stays inside the element that contains it, arms,
 * {@code yield}s and block arms included. No control leaves a switch expression except by its value or
 * by an exception, so this is exact for the graph; the transfer that evaluates the element joins the arms'
 * values and must treat an assignment anywhere inside the element (block arms included) as a kill.
 *
 * <h2>Edges</h2>
 * Conditions: TRUE/FALSE edges. Loops: the condition block is the loop head; {@code continue} goes to the
 * update ({@code for}), the condition ({@code while}, {@code do}) or the next-element step (for-each).
 * Switch statements: NORMAL edges from the selector to every case, and to after the switch when there is
 * no {@code default}; old-style groups fall through, arrow cases do not; a case whose guard is false goes
 * on to every other case. {@code return} goes to the normal exit, {@code throw} on an EXCEPTION edge to the
 * innermost enclosing catch clauses and finally, or to the exceptional exit. In a try block every block with
 * an element has EXCEPTION edges to every catch clause (types are not matched) and onward (to the finally,
 * or outward, unless a catch takes {@code Throwable}); outside a try, implicit exceptions are not drawn.
 * A finally block is built once per way it is entered (normal completion, exception, each distinct jump
 * target of a return/break/continue through it), each copy continuing where that way goes, so the paths
 * stay apart; the same finally node is then an element of several blocks.
 */
public final class Cfg {
  private final Node callable;
  private final List<Block> blocks;
  private final Set<Node> elements;

  Cfg(Node callable, List<Block> blocks) {
    this.callable = callable;
    this.blocks = List.copyOf(blocks);
    this.elements = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Block b : blocks) {
      elements.addAll(b.elements());
    }
  }

  /**
   * Builds the graph of a {@link MethodDeclaration}, {@link ConstructorDeclaration},
   * {@link CompactConstructorDeclaration}, {@link InitializerDeclaration} or {@link LambdaExpr}.
   *
   * @throws IllegalArgumentException for any other node
   */
  public static Cfg of(Node callable) {
    return new CfgBuilder(callable).build();
  }

  public Node callable() {
    return callable;
  }

  /** Every block: the entry first, the normal exit and the exceptional exit last. */
  public List<Block> blocks() {
    return blocks;
  }

  public Block entry() {
    return blocks.get(0);
  }

  public Block exit() {
    return blocks.get(blocks.size() - 2);
  }

  public Block exceptionalExit() {
    return blocks.get(blocks.size() - 1);
  }

  /** True when {@code node} is an element of some block of this graph. */
  public boolean isElement(Node node) {
    return elements.contains(node);
  }

  /**
   * The element of this graph that evaluates {@code node}: the node itself or its nearest element
   * ancestor. Empty when {@code node} is not evaluated by this callable's own code (inside a lambda or a
   * local or anonymous class, a case label, a declaration).
   */
  public Optional<Node> elementOf(Node node) {
    for (Node n = node; n != null && n != callable; n = n.getParentNode().orElse(null)) {
      if (elements.contains(n)) {
        return Optional.of(n);
      }
      if (n instanceof LambdaExpr || n instanceof BodyDeclaration<?>) {
        return Optional.empty();
      }
      // A statement that is not an element evaluates nothing itself, unless it is inside a switch
      // expression, whose whole body belongs to the element around it.
      if (n instanceof Statement && n.findAncestor(SwitchExpr.class).isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * A stable, readable shape, one line per block: its name, its elements separated by {@code " | "},
   * and its successors ({@code T:}/{@code F:}/{@code E:} mark TRUE, FALSE and EXCEPTION edges). Blocks
   * that no path from the entry reaches are marked {@code (dead)}. For example:
   * <pre>
   * entry -> B1
   * B1: x = 0 | x > 0 -> T:B2 F:B3
   * B2: x++ -> B3
   * B3: return x -> exit
   * </pre>
   */
  public String describe() {
    boolean[] live = liveBlocks();
    StringBuilder out = new StringBuilder();
    for (Block b : blocks) {
      if (b == exit() || b == exceptionalExit()) {
        continue;
      }
      out.append(b);
      if (!live[b.index()]) {
        out.append(" (dead)");
      }
      if (!b.isEmpty()) {
        out.append(':');
        String sep = " ";
        for (Node e : b.elements()) {
          out.append(sep).append(label(e));
          sep = " | ";
        }
      }
      out.append(" ->");
      for (Edge e : b.successors()) {
        out.append(' ').append(e);
      }
      out.append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  private boolean[] liveBlocks() {
    boolean[] live = new boolean[blocks.size()];
    java.util.ArrayDeque<Block> work = new java.util.ArrayDeque<>();
    live[0] = true;
    work.add(entry());
    while (!work.isEmpty()) {
      for (Edge e : work.poll().successors()) {
        if (!live[e.target().index()]) {
          live[e.target().index()] = true;
          work.add(e.target());
        }
      }
    }
    return live;
  }

  /** One line of source text for an element. */
  static String label(Node element) {
    String text;
    if (element instanceof ForEachStmt f) {
      text = "next " + f.getVariableDeclarator().getNameAsString() + " : " + f.getIterable();
    } else if (element instanceof AssertStmt a) {
      text = "assert " + a.getCheck();
    } else {
      text = element.toString();
    }
    text = text.replaceAll("\\s+", " ").trim();
    return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
  }
}
