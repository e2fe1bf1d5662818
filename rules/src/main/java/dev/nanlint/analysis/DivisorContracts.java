package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.nanlint.engine.Nodes;
import dev.nanlint.analysis.facts.NumFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the zero of a divisor is one the code shows, or one that only a caller breaking a contract
 * brings: an empty input (a division by its length or size), a single sample ({@code xs.length - 1}),
 * weights handed in that sum to 0, a degenerate setting ({@code high - low} of a constructor's
 * parameters). By the policy of issue 14 (item 9) and 15 (item 5), a contract is a note; a warning is what
 * a reviewer would call a bug. An input the code itself can empty (a collection built by a conditional
 * add or a filter, or one the method checks for emptiness somewhere that does not guard this use) is
 * shown, not a contract.
 *
 * <p>The length questions ask the facts: a length or size read carries the {@code LENGTH} tag and
 * evidence naming the node it was read at, so {@code (double) n} with {@code n = xs.length} leads back to
 * {@code xs}; whether the input is non-empty at the division is the flow's business (the caller has
 * already asked it). The other contracts are recognised by the shape of the code, not by names.
 */
public final class DivisorContracts {

  public enum Kind { EMPTY_INPUT, SINGLE_SAMPLE, ZERO_WEIGHTS, DEGENERATE_SETTING }

  /**
   * What a divisor's zero rests on: {@code shown} (non-null) says how the code itself can make it 0, and
   * the finding stays a warning; otherwise it is a contract and {@code when} completes "gives NaN or
   * Infinity ..." for the message.
   */
  public record Reading(Kind kind, String when, String shown) {
    public boolean isContract() {
      return shown == null;
    }

    /** Contracts on the size of an input: what {@code UnguardedDivision.emptyInputs} governs. */
    public boolean isAboutSize() {
      return kind == Kind.EMPTY_INPUT || kind == Kind.SINGLE_SAMPLE;
    }
  }

  /** Calls that put elements into a collection. */
  private static final Set<String> ADDS = Set.of("add", "addAll", "put", "putAll", "offer", "push", "addFirst",
      "addLast", "addElement", "putIfAbsent", "merge", "compute", "computeIfAbsent");
  /** Calls that take elements out of a collection, or keep only some. */
  private static final Set<String> REMOVES = Set.of("remove", "removeIf", "removeAll", "retainAll", "clear", "poll",
      "pop", "pollFirst", "pollLast", "removeFirst", "removeLast");

  private DivisorContracts() {}

  /** The reading of {@code denominator}, whose fact where it is evaluated is {@code fact}; empty when none applies. */
  public static Optional<Reading> of(Node division, Expression denominator, NumFact fact, Analysis a) {
    Expression d = Flow.strip(denominator);
    List<Expression> inputs = isOnlyALength(fact) ? measured(fact) : List.of();
    if (!inputs.isEmpty()) {
      return Optional.of(sized(Kind.EMPTY_INPUT, inputs, division, a));
    }
    if (d instanceof BinaryExpr minus && minus.getOperator() == BinaryExpr.Operator.MINUS) {
      Optional<Reading> fewer = singleSample(minus, division, a);
      if (fewer.isPresent()) {
        return fewer;
      }
      if (fact.has(NumFact.Tag.DIFFERENCE)) {
        Optional<Reading> setting = degenerateSetting(minus, division, a);
        if (setting.isPresent()) {
          return setting;
        }
      }
    }
    if (sources(fact).equals(Set.of(NumFact.Tag.DIFFERENCE))) {
      Optional<Reading> fewer = singleSampleCopied(fact, division, a);
      if (fewer.isPresent()) {
        return fewer;
      }
    }
    if (d instanceof NameExpr total) {
      return zeroWeights(total, division, a);
    }
    return Optional.empty();
  }

  /**
   * A divisor that holds {@code xs.length - 1} computed elsewhere ({@code int df = xs.size() - 1}): the
   * fact's evidence names the subtraction it came from. Every subtraction behind it must be of that kind.
   */
  private static Optional<Reading> singleSampleCopied(NumFact fact, Node division, Analysis a) {
    Optional<Reading> found = Optional.empty();
    for (NumFact.Evidence e : fact.evidence()) {
      if (e.node() instanceof BinaryExpr minus && minus.getOperator() == BinaryExpr.Operator.MINUS) {
        Optional<Reading> r = singleSample(minus, division, a);
        if (r.isEmpty()) {
          return Optional.empty();
        }
        found = found.isPresent() ? found : r;
      }
    }
    return found;
  }

  /** A length or size and nothing else (no count, sum or difference joined in): 0 exactly when empty. */
  private static boolean isOnlyALength(NumFact fact) {
    return sources(fact).equals(Set.of(NumFact.Tag.LENGTH));
  }

  /** The tags that say where a value came from, without those that describe its shape (a square, a quotient). */
  private static Set<NumFact.Tag> sources(NumFact fact) {
    Set<NumFact.Tag> tags = fact.tags();
    tags.removeAll(Set.of(NumFact.Tag.SQUARE, NumFact.Tag.CANCELLATION, NumFact.Tag.QUOTIENT,
        NumFact.Tag.ROW_ATTAINS_MAX, NumFact.Tag.COLUMN_ATTAINS_MAX));
    return tags;
  }

  /** The inputs whose lengths or sizes the fact's evidence was read from ({@code xs} of {@code xs.length}). */
  private static List<Expression> measured(NumFact fact) {
    List<Expression> out = new ArrayList<>();
    for (NumFact.Evidence e : fact.evidence()) {
      if (e.node() instanceof FieldAccessExpr f && f.getNameAsString().equals("length")) {
        out.add(f.getScope());
      } else if (e.node() instanceof MethodCallExpr c && c.getArguments().isEmpty() && c.getScope().isPresent()
          && (c.getNameAsString().equals("size") || c.getNameAsString().equals("length"))) {
        out.add(c.getScope().get());
      }
    }
    return out;
  }

  /** A reading about the size of {@code inputs}: shown when the code can empty one, else a contract. */
  private static Reading sized(Kind kind, List<Expression> inputs, Node division, Analysis a) {
    String names = String.join(" or ", inputs.stream().map(DivisorContracts::text).distinct().toList());
    for (Expression input : inputs) {
      String shown = canBeEmpty(input, division, a);
      if (shown != null) {
        return new Reading(kind, null, shown);
      }
    }
    String when = kind == Kind.EMPTY_INPUT
        ? "when " + names + " is empty: a contract the caller keeps, unless the code can pass an empty input"
        : "when " + names + " has a single element: a contract the caller keeps, unless the code can pass a"
            + " single sample";
    return new Reading(kind, when, null);
  }

  /** {@code xs.length - 1} (or minus another positive integer): 0 when xs has exactly that many elements. */
  private static Optional<Reading> singleSample(BinaryExpr minus, Node division, Analysis a) {
    Expression right = Flow.strip(minus.getRight());
    double c = a.constants().value(right);
    if (!(c >= 1 && c == Math.rint(c))) {
      return Optional.empty();
    }
    NumFact length = a.facts().at(minus.getLeft());
    List<Expression> inputs = isOnlyALength(length) ? measured(length) : List.of();
    if (inputs.isEmpty()) {
      return Optional.empty();
    }
    Reading r = sized(Kind.SINGLE_SAMPLE, inputs, division, a);
    if (r.isContract() && c != 1) {
      String names = String.join(" or ", inputs.stream().map(DivisorContracts::text).distinct().toList());
      r = new Reading(Kind.SINGLE_SAMPLE, "when " + names + " has exactly " + (long) c + " elements: a contract the"
          + " caller keeps, unless the code can pass so few", null);
    }
    return Optional.of(r);
  }

  /**
   * Why the code itself can leave {@code input} empty, or null: a local filled by a conditional add or
   * built by a filter, or an input the method checks for emptiness elsewhere (a check that guarded this
   * division would have made the flow prove it non-empty, and the caller asks that first).
   */
  private static String canBeEmpty(Expression input, Node division, Analysis a) {
    Expression x = Flow.strip(input);
    Node callable = division.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(null);
    if (callable == null) {
      return null;
    }
    String name = text(x);
    if (x instanceof NameExpr n) {
      Optional<Declarations.Declaration> d = a.declarations().find(n, n.getNameAsString());
      if (d.isPresent() && d.get().kind() == Declarations.Kind.LOCAL && d.get().node() instanceof VariableDeclarator v) {
        String built = builtToBeSparse(v, callable);
        if (built != null) {
          return built;
        }
      }
    }
    for (Expression condition : conditions(callable)) {
      if (checksEmptiness(condition, name, a)) {
        int line = condition.getBegin().map(p -> p.line).orElse(0);
        return "the size of " + name + " is checked on line " + line + ", but not on the way to this division";
      }
    }
    return null;
  }

  /** A local collection or array the method fills under a condition, filters, or takes elements out of. */
  private static String builtToBeSparse(VariableDeclarator v, Node callable) {
    String name = v.getNameAsString();
    List<Expression> values = new ArrayList<>();
    v.getInitializer().ifPresent(values::add);
    Nodes.walk(callable, AssignExpr.class, assign -> {
      if (Flow.strip(assign.getTarget()) instanceof NameExpr t && t.getNameAsString().equals(name)) {
        values.add(assign.getValue());
      }
    });
    for (Expression value : values) {
      if (Nodes.any(value, MethodCallExpr.class, c -> c.getNameAsString().equals("filter"))) {
        return name + " is built by a filter and is empty when nothing passes it";
      }
    }
    for (MethodCallExpr call : Nodes.all(callable, MethodCallExpr.class, c -> c.getScope()
        .map(s -> Flow.strip(s) instanceof NameExpr n && n.getNameAsString().equals(name)).orElse(false))) {
      if (ADDS.contains(call.getNameAsString()) && Values.isConditional(call)) {
        return name + " is filled by a conditional " + call.getNameAsString() + " (line "
            + call.getBegin().map(p -> p.line).orElse(0) + ") and is empty when the condition never holds";
      }
      if (REMOVES.contains(call.getNameAsString())) {
        return name + " loses elements (" + call.getNameAsString() + ", line "
            + call.getBegin().map(p -> p.line).orElse(0) + ") and can be left empty";
      }
    }
    return null;
  }

  /** The conditions of the branches and loops in {@code callable}, split at {@code !}, {@code &&} and {@code ||}. */
  private static List<Expression> conditions(Node callable) {
    List<Expression> whole = new ArrayList<>();
    Nodes.walk(callable, node -> {
      if (node instanceof IfStmt s) {
        whole.add(s.getCondition());
      } else if (node instanceof WhileStmt s) {
        whole.add(s.getCondition());
      } else if (node instanceof DoStmt s) {
        whole.add(s.getCondition());
      } else if (node instanceof ForStmt s && s.getCompare().isPresent()) {
        whole.add(s.getCompare().get());
      } else if (node instanceof ConditionalExpr c) {
        whole.add(c.getCondition());
      }
    });
    List<Expression> atoms = new ArrayList<>();
    for (Expression c : whole) {
      split(c, atoms);
    }
    return atoms;
  }

  private static void split(Expression condition, List<Expression> atoms) {
    Expression c = Flow.strip(condition);
    if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      split(u.getExpression(), atoms);
    } else if (c instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.AND
        || b.getOperator() == BinaryExpr.Operator.OR)) {
      split(b.getLeft(), atoms);
      split(b.getRight(), atoms);
    } else {
      atoms.add(c);
    }
  }

  /**
   * {@code xs.isEmpty()}, or a comparison of xs's length or size (read directly, or through a variable
   * whose fact was read from it) with 0, 1 or 2.
   */
  private static boolean checksEmptiness(Expression atom, String input, Analysis a) {
    if (atom instanceof MethodCallExpr call) {
      return call.getNameAsString().equals("isEmpty") && call.getArguments().isEmpty()
          && call.getScope().map(s -> text(Flow.strip(s)).equals(input)).orElse(false);
    }
    if (!(atom instanceof BinaryExpr b) || !isComparison(b.getOperator())) {
      return false;
    }
    Expression l = Flow.strip(b.getLeft());
    Expression r = Flow.strip(b.getRight());
    Expression side = isSmallCount(r) ? l : isSmallCount(l) ? r : null;
    if (side == null) {
      return false;
    }
    if (side instanceof NameExpr) {
      return measured(a.facts().at(side)).stream().anyMatch(m -> text(Flow.strip(m)).equals(input));
    }
    String measure = text(side);
    return measure.equals(input + ".length") || measure.equals(input + ".size()");
  }

  private static boolean isSmallCount(Expression e) {
    return e instanceof IntegerLiteralExpr i && i.asNumber().longValue() >= 0 && i.asNumber().longValue() <= 2;
  }

  private static boolean isComparison(BinaryExpr.Operator op) {
    return switch (op) {
      case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS, EQUALS, NOT_EQUALS -> true;
      default -> false;
    };
  }

  /**
   * {@code high - low} where both are settings: fields, or parameters of the constructor that divides
   * (validating them is the configuring code's business; {@code high == low} is a degenerate setting).
   */
  private static Optional<Reading> degenerateSetting(BinaryExpr minus, Node division, Analysis a) {
    Expression l = Flow.strip(minus.getLeft());
    Expression r = Flow.strip(minus.getRight());
    if (!isSetting(l, division, a) || !isSetting(r, division, a) || text(l).equals(text(r))) {
      return Optional.empty();
    }
    return Optional.of(new Reading(Kind.DEGENERATE_SETTING, "when " + text(l) + " equals " + text(r)
        + ": a degenerate setting, which the code that sets them should reject", null));
  }

  private static boolean isSetting(Expression e, Node division, Analysis a) {
    if (e instanceof FieldAccessExpr f) {
      return f.getScope() instanceof ThisExpr;
    }
    if (!(e instanceof NameExpr n)) {
      return false;
    }
    Optional<Declarations.Declaration> d = a.declarations().find(n, n.getNameAsString());
    if (d.isEmpty()) {
      return false;
    }
    if (d.get().kind() == Declarations.Kind.FIELD) {
      return true;
    }
    Optional<ConstructorDeclaration> constructor = division.findAncestor(ConstructorDeclaration.class);
    return d.get().kind() == Declarations.Kind.PARAMETER && constructor.isPresent()
        && d.get().node().getParentNode().filter(p -> p == constructor.get()).isPresent()
        && Flow.writes(constructor.get(), n.getNameAsString()).isEmpty();
  }

  /**
   * {@code total}, a local that starts at 0 and only adds the elements of one input ({@code w[i]}, the
   * variable of a for-each over w, {@code w.get(i)}) on every pass: 0 when the caller's weights sum to 0.
   */
  private static Optional<Reading> zeroWeights(NameExpr total, Node division, Analysis a) {
    Optional<Declarations.Declaration> d = a.declarations().find(total, total.getNameAsString());
    Node callable = division.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(null);
    if (callable == null || d.isEmpty() || d.get().kind() != Declarations.Kind.LOCAL
        || d.get().initializer().map(init -> a.constants().value(init) != 0).orElse(true)) {
      return Optional.empty();
    }
    String name = total.getNameAsString();
    String input = null;
    List<Node> writes = Flow.writes(callable, name);
    for (Node w : writes) {
      if (!(w instanceof AssignExpr add) || Values.isConditional(w)) {
        return Optional.empty();
      }
      Expression term;
      if (add.getOperator() == AssignExpr.Operator.PLUS) {
        term = add.getValue();
      } else if (add.getOperator() == AssignExpr.Operator.ASSIGN && Flow.strip(add.getValue()) instanceof BinaryExpr b
          && b.getOperator() == BinaryExpr.Operator.PLUS && Flow.strip(b.getLeft()) instanceof NameExpr self
          && self.getNameAsString().equals(name)) {
        term = b.getRight();
      } else {
        return Optional.empty();
      }
      String from = inputElementOf(Flow.strip(term), a);
      if (from == null || input != null && !input.equals(from)) {
        return Optional.empty();
      }
      input = from;
    }
    if (input == null) {
      return Optional.empty();
    }
    return Optional.of(new Reading(Kind.ZERO_WEIGHTS, "when the values of " + input + " sum to 0 (" + name
        + " adds them from 0): a contract the caller keeps, unless the code can pass weights with no mass", null));
  }

  /** The input (parameter or field) {@code term} is one element of, or null. */
  private static String inputElementOf(Expression term, Analysis a) {
    Expression container = null;
    if (term instanceof ArrayAccessExpr access) {
      container = Flow.strip(access.getName());
    } else if (term instanceof MethodCallExpr get && get.getNameAsString().equals("get") && get.getArguments().size() == 1
        && get.getScope().isPresent()) {
      container = Flow.strip(get.getScope().get());
    } else if (term instanceof NameExpr element) {
      Optional<Declarations.Declaration> d = a.declarations().find(element, element.getNameAsString());
      Optional<ForEachStmt> loop = d.flatMap(decl -> decl.node().getParentNode()).flatMap(Node::getParentNode)
          .filter(ForEachStmt.class::isInstance).map(ForEachStmt.class::cast);
      container = loop.map(l -> Flow.strip(l.getIterable())).orElse(null);
    }
    return container != null && isInput(container, a) ? text(container) : null;
  }

  /** A parameter or a field of this object. */
  private static boolean isInput(Expression e, Analysis a) {
    if (e instanceof FieldAccessExpr f) {
      return f.getScope() instanceof ThisExpr;
    }
    return e instanceof NameExpr n && a.declarations().find(n, n.getNameAsString())
        .map(d -> d.kind() != Declarations.Kind.LOCAL).orElse(false);
  }

  /** How a message names an input: {@code xs}, {@code this.xs} as {@code xs}. */
  private static String text(Expression e) {
    String s = Printed.of(e);
    return s.startsWith("this.") ? s.substring("this.".length()) : s;
  }
}
