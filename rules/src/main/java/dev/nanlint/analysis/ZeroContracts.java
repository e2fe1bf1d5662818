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
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.nanlint.engine.Nodes;
import dev.nanlint.analysis.facts.Evaluator;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.Refiner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the zero of an operand (a divisor, a log's argument) is one the code shows, or one that only a
 * caller breaking a contract brings: an empty input (a division by its length or size), a single sample
 * ({@code xs.length - 1}), weights handed in that sum to 0, a total of an all-zero input, a degenerate
 * setting ({@code high - low} of a constructor's parameters), one exact value of an unexplained float
 * ({@code 1 - kept}). By the policy of issue 14 (item 9) and 15 (item 5), a contract is a note; a warning is what
 * a reviewer would call a bug. An input the code itself can empty (a collection built by a conditional
 * add or a filter, or one the method checks for emptiness somewhere that does not guard this use) is
 * shown, not a contract.
 *
 * <p>The length questions ask the facts: a length or size read carries the {@code LENGTH} tag and
 * evidence naming the node it was read at, so {@code (double) n} with {@code n = xs.length} leads back to
 * {@code xs}; whether the input is non-empty at the division is the flow's business (the caller has
 * already asked it). The other contracts are recognised by the shape of the code, not by names.
 */
public final class ZeroContracts {

  public enum Kind { EMPTY_INPUT, SINGLE_SAMPLE, ZERO_WEIGHTS, ZERO_TOTAL, ZERO_ENTRIES, DEGENERATE_SETTING, COINCIDENCE }

  /**
   * What a divisor's zero rests on: {@code shown} (non-null) says how the code itself can make it 0, and
   * the finding stays a warning; otherwise it is a contract and {@code when} completes "gives NaN or
   * Infinity ..." for the message. {@code inputs}: for a reading about sizes, the inputs measured.
   */
  public record Reading(Kind kind, String when, String shown, List<Expression> inputs, boolean together) {
    public Reading(Kind kind, String when, String shown) {
      this(kind, when, shown, List.of(), false);
    }

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

  private ZeroContracts() {}

  /** The reading of {@code denominator}, whose fact where it is evaluated is {@code fact}; empty when none applies. */
  public static Optional<Reading> of(Node division, Expression denominator, NumFact fact, Analysis a) {
    Expression d = Flow.strip(denominator);
    List<Expression> inputs = isOnlyALength(fact) ? measured(fact) : List.of();
    if (!inputs.isEmpty()) {
      return Optional.of(sized(Kind.EMPTY_INPUT, 0, inputs, emptyOnlyTogether(fact), division, a));
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
    if (d instanceof BinaryExpr minus && minus.getOperator() == BinaryExpr.Operator.MINUS) {
      Optional<Reading> exact = coincidence(minus, a);
      if (exact.isPresent()) {
        return exact;
      }
    }
    Optional<Reading> accumulator = emptyAccumulator(d, division, a);
    if (accumulator.isPresent()) {
      return accumulator;
    }
    return totals(d, division, a);
  }

  /**
   * The reading of a divisor whose zero only the facts see: a size (a counter stepped once per element, a sum
   * of lengths) or integers read from an input ({@link Kind#ZERO_ENTRIES}). As {@link #of}, but nothing else,
   * and no size reading when the division runs only on a non-empty input: a guard the flow lost (a counter it
   * does not tie to its input, a call chain it keeps no path for, a call it cannot see into), and no finding
   * rests on that unknown alone.
   */
  public static Optional<Reading> ofFactsAlone(Node division, Expression denominator, NumFact fact, Analysis a) {
    Optional<Reading> entries = zeroEntries(denominator, a);
    if (entries.isPresent()) {
      return entries;
    }
    Optional<Reading> r = of(division, denominator, fact, a).filter(Reading::isAboutSize);
    if (r.isEmpty() || r.get().inputs().isEmpty() || !r.get().inputs().stream().allMatch(i -> isHandedIn(i, a))
        || exitsWhenEmptyBefore(r.get().inputs(), division, a)) {
      return Optional.empty();
    }
    boolean loneSize = isOnlyALength(fact) && !emptyOnlyTogether(fact);
    return loneSize ? Optional.empty() : r; // whether a size read alone can be 0 is Values' call
  }

  /**
   * Data handed to the method, whose emptiness is the caller's: a parameter or local, or what a getter reads
   * from one ({@code doc.getWords()}). Not state the object keeps (a field, {@code this}), which it validated
   * when it was set, and not an INDArray, whose shape has no 0-length dimension in training.
   */
  private static boolean isHandedIn(Expression input, Analysis a) {
    Expression x = Flow.strip(input);
    if (a.types().isIndArray(x)) {
      return false;
    }
    if (x instanceof MethodCallExpr getter && getter.getArguments().isEmpty() && getter.getScope().isPresent()
        && Names.isGetter(getter.getNameAsString())) {
      return isHandedIn(getter.getScope().get(), a);
    }
    return x instanceof NameExpr n && a.declarations().find(n, n.getNameAsString())
        .map(d -> d.kind() != Declarations.Kind.FIELD).orElse(false);
  }

  /**
   * Whether a reading about the size of inputs is one the code has already ruled out: the division runs only
   * when one of them is not empty, by a check the flow could not follow (see {@link #exitsWhenEmptyBefore}).
   */
  public static boolean ruledOut(Reading reading, Node division, Analysis a) {
    if (reading.kind() != Kind.EMPTY_INPUT || reading.inputs().isEmpty()) {
      return false;
    }
    // a sum or maximum of sizes is 0 only when all inputs are empty: one that is not suffices; otherwise the
    // divisor is 0 when any one is, and each must be ruled out
    return reading.together() ? exitsWhenEmptyBefore(reading.inputs(), division, a)
        : reading.inputs().stream().allMatch(input -> exitsWhenEmptyBefore(List.of(input), division, a));
  }

  /**
   * The division runs only when one of {@code inputs} is not empty: it sits in the branch of an {@code if} or
   * {@code ?:} that a check of its emptiness picks ({@code xs.isEmpty() ? 0 : total / n}), or after an
   * {@code if} that returns or throws when it is empty.
   */
  private static boolean exitsWhenEmptyBefore(List<Expression> inputs, Node division, Analysis a) {
    Node child = division;
    for (Node p = division.getParentNode().orElse(null); p != null && !(p instanceof CallableDeclaration<?>);
        child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr perElement && streamedOver(perElement, inputs)) {
        return true; // xs.stream().mapToDouble(x -> ... / xs.size()): the lambda runs once per element of xs
      }
      if (p instanceof ConditionalExpr c && child != c.getCondition()
          && picks(c.getCondition(), child == c.getThenExpr(), inputs, a) && !changedBetween(inputs, c.getCondition(), division)) {
        return true;
      }
      if (p instanceof IfStmt s && child != s.getCondition() && picks(s.getCondition(), child == s.getThenStmt(), inputs, a)
          && !changedBetween(inputs, s.getCondition(), division)) {
        return true;
      }
      if (!(p instanceof BlockStmt block)) {
        continue;
      }
      for (Statement st : block.getStatements()) {
        if (st == child) {
          break;
        }
        if (st instanceof IfStmt check && Guards.alwaysExits(check.getThenStmt()) && picks(check.getCondition(), false, inputs, a)
            && !changedBetween(inputs, check, division)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Element-wise stream steps: their lambda runs once for each element that reaches them. */
  private static final Set<String> PER_ELEMENT = Set.of("map", "mapToDouble", "mapToInt", "mapToLong", "mapToObj",
      "forEach", "peek", "flatMap");

  /**
   * {@code lambda} is the argument of an element-wise step applied directly to {@code xs.stream()} or
   * {@code Arrays.stream(xs)} of one of {@code inputs} (or {@code xs.forEach}): it runs only when xs is not empty.
   */
  private static boolean streamedOver(LambdaExpr lambda, List<Expression> inputs) {
    if (!(lambda.getParentNode().orElse(null) instanceof MethodCallExpr step) || !PER_ELEMENT.contains(step.getNameAsString())
        || step.getScope().isEmpty()) {
      return false;
    }
    Expression source = Flow.strip(step.getScope().get());
    // down the pipeline to its source: any step before this one only passes on elements of xs (or fewer)
    while (source instanceof MethodCallExpr earlier && !earlier.getNameAsString().equals("stream")
        && earlier.getScope().isPresent() && earlier.getScope().get() instanceof MethodCallExpr) {
      source = Flow.strip(earlier.getScope().get());
    }
    Expression streamed = source instanceof MethodCallExpr stream && stream.getNameAsString().equals("stream")
        ? stream.getArguments().size() == 1 ? stream.getArgument(0) : stream.getScope().orElse(null)
        : step.getNameAsString().equals("forEach") ? source : null;
    return streamed != null && inputs.stream().anyMatch(i -> text(Flow.strip(i)).equals(text(Flow.strip(streamed))));
  }

  /**
   * Whether an input is assigned anew, or emptied by a call on it ({@code clear}, {@code remove...}), after
   * {@code check} and before {@code division}: then the check says nothing about what the division sees.
   */
  private static boolean changedBetween(List<Expression> inputs, Node check, Node division) {
    Node callable = division.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(null);
    if (callable == null) {
      return true;
    }
    List<String> names = inputs.stream().map(i -> text(Flow.strip(i))).toList();
    return Nodes.any(callable, Node.class, n -> between(n, check, division) && (
        n instanceof AssignExpr w && names.contains(text(Flow.strip(w.getTarget())))
        || n instanceof MethodCallExpr m && m.getScope().map(sc -> names.contains(text(Flow.strip(sc)))).orElse(false)
            && (m.getNameAsString().equals("clear") || m.getNameAsString().startsWith("remove"))));
  }

  private static boolean between(Node n, Node first, Node last) {
    return n.getBegin().isPresent() && first.getEnd().isPresent() && last.getBegin().isPresent()
        && first.getEnd().get().isBefore(n.getBegin().get()) && n.getBegin().get().isBefore(last.getBegin().get());
  }

  /**
   * Whether {@code condition} being {@code outcome} means one of {@code inputs} is not empty: true when a
   * conjunct says it is not empty; false when an alternative says it is.
   */
  private static boolean picks(Expression condition, boolean outcome, List<Expression> inputs, Analysis a) {
    List<Expression> atoms = new ArrayList<>();
    Expression c = Flow.strip(condition);
    boolean negated = false;
    if (c instanceof UnaryExpr not && not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      c = Flow.strip(not.getExpression());
      negated = true;
    }
    boolean wanted = outcome != negated; // the value c has on this branch
    operandsOf(c, wanted ? BinaryExpr.Operator.AND : BinaryExpr.Operator.OR, atoms);
    for (Expression atom : atoms) {
      for (Expression input : inputs) {
        String name = text(Flow.strip(input));
        if (wanted ? checksNonEmpty(atom, name, a) : checksEmpty(atom, name, a)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The operands of a chain of {@code op} ({@code &&} or {@code ||}). */
  private static void operandsOf(Expression e, BinaryExpr.Operator op, List<Expression> out) {
    Expression c = Flow.strip(e);
    if (c instanceof BinaryExpr b && b.getOperator() == op) {
      operandsOf(b.getLeft(), op, out);
      operandsOf(b.getRight(), op, out);
    } else {
      out.add(c);
    }
  }

  /**
   * {@link #checksSize} at 0, or the same comparison of a counter of {@code input}'s elements ({@code n == 0}
   * after {@code for (x : input) n++}), which the flow does not tie to the input's size.
   */
  private static boolean checksCount(BinaryExpr b, String input, Analysis a) {
    if (checksSize(b, input, 0, a)) {
      return true;
    }
    Optional<CountComparison> c = countComparison(b);
    if (c.isEmpty() || !(c.get().side() instanceof NameExpr counter) || c.get().boundary() != 0 || !isCounter(counter, a)) {
      return false;
    }
    Optional<Reading> counted = total(counter, b, a);
    return counted.isPresent() && counted.get().kind() == Kind.EMPTY_INPUT
        && counted.get().inputs().stream().anyMatch(i -> text(Flow.strip(i)).equals(input));
  }

  /** True when {@code input} is not empty: {@code !input.isEmpty()}, a size {@code > 0}, {@code >= 1} or {@code != 0}. */
  private static boolean checksNonEmpty(Expression atom, String input, Analysis a) {
    if (atom instanceof UnaryExpr not && not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return checksEmpty(Flow.strip(not.getExpression()), input, a);
    }
    if (walksInput(atom, input, a)) {
      return true; // it.hasNext() on a fresh input.iterator()
    }
    if (!(atom instanceof BinaryExpr b) || !checksCount(b, input, a)) {
      return false;
    }
    BinaryExpr.Operator op = countComparison(b).get().op();
    return op == BinaryExpr.Operator.GREATER || op == BinaryExpr.Operator.GREATER_EQUALS
        || op == BinaryExpr.Operator.NOT_EQUALS;
  }

  /** {@code it.hasNext()} where {@code it} is defined once as {@code input.iterator()}: true when input is not empty. */
  private static boolean walksInput(Expression atom, String input, Analysis a) {
    return walked(atom, a).filter(of -> text(of).equals(input)).isPresent();
  }

  /**
   * The collection {@code it.hasNext()} tells about: {@code xs} when the local {@code it} is defined once as
   * {@code xs.iterator()}; true exactly while elements of xs are left, so a loop on it runs when xs is not empty.
   */
  private static Optional<Expression> walked(Expression condition, Analysis a) {
    if (!(Flow.strip(condition) instanceof MethodCallExpr hasNext) || !hasNext.getNameAsString().equals("hasNext")
        || !hasNext.getArguments().isEmpty() || hasNext.getScope().isEmpty()
        || !(Flow.strip(hasNext.getScope().get()) instanceof NameExpr it)) {
      return Optional.empty();
    }
    return a.flow().definition(it).map(Flow::strip)
        .filter(d -> d instanceof MethodCallExpr m && m.getNameAsString().equals("iterator") && m.getArguments().isEmpty()
            && m.getScope().isPresent())
        .map(d -> Flow.strip(((MethodCallExpr) d).getScope().get()));
  }

  /** True when {@code input} is empty: {@code input.isEmpty()}, {@code input.trim().isEmpty()}, a size {@code == 0} or {@code < 1}. */
  private static boolean checksEmpty(Expression atom, String input, Analysis a) {
    if (atom instanceof MethodCallExpr call && call.getNameAsString().equals("isEmpty") && call.getArguments().isEmpty()
        && call.getScope().isPresent()) {
      Expression of = Flow.strip(call.getScope().get());
      if (of instanceof MethodCallExpr t && (t.getNameAsString().equals("trim") || t.getNameAsString().equals("strip"))
          && t.getArguments().isEmpty() && t.getScope().isPresent()) {
        of = Flow.strip(t.getScope().get());
      }
      return text(of).equals(input);
    }
    if (!(atom instanceof BinaryExpr b) || !checksCount(b, input, a)) {
      return false;
    }
    BinaryExpr.Operator op = countComparison(b).get().op();
    return op == BinaryExpr.Operator.EQUALS || op == BinaryExpr.Operator.LESS || op == BinaryExpr.Operator.LESS_EQUALS;
  }

  /**
   * A local of any numeric type that its method steps up by a positive constant ({@code n++}, {@code n += 1}):
   * a counter, whether declared {@code int} or {@code double}. By syntax, for a rule's cheap first question.
   */
  public static boolean isCounter(Expression divisor, Analysis a) {
    Node callable = divisor.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(null);
    return callable != null && Flow.strip(divisor) instanceof NameExpr n
        && a.declarations().find(n, n.getNameAsString()).map(d -> d.kind() == Declarations.Kind.LOCAL).orElse(false)
        && Flow.writes(callable, n.getNameAsString()).stream().anyMatch(w -> steps(w, a));
  }

  /**
   * Whether {@code divisor} could be 0 by a fact Values does not see (see {@link #ofFactsAlone}), cheaply and by
   * syntax: it reads a length or size or an integer array element, or names a local of its method that is
   * stepped up (a counter) or set from such a read. A rule asks the flow only then.
   */
  public static boolean mayMeasure(Expression divisor, Analysis a) {
    Node callable = divisor.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(null);
    return mayMeasure(divisor, callable, 3, a);
  }

  /** {@link #mayMeasure}, following locals through their values at most {@code depth} deep. */
  private static boolean mayMeasure(Expression e, Node callable, int depth, Analysis a) {
    if (Nodes.any(e, Node.class, n -> Evaluator.measuredBy(n).isPresent()
        || n instanceof ArrayAccessExpr element && a.types().isIntegral(element))) {
      return true; // a size, or an integer entry of an input (tp + fp of a confusion matrix)
    }
    if (callable == null || depth == 0) {
      return false;
    }
    for (NameExpr n : Nodes.all(e, NameExpr.class, x -> true)) {
      Optional<Declarations.Declaration> d = a.declarations().find(n, n.getNameAsString());
      if (d.isEmpty() || d.get().kind() != Declarations.Kind.LOCAL) {
        continue;
      }
      if (d.get().initializer().filter(init -> mayMeasure(init, callable, depth - 1, a)).isPresent()) {
        return true;
      }
      for (Node w : Flow.writes(callable, n.getNameAsString())) {
        if (steps(w, a) || w instanceof AssignExpr set && mayMeasure(set.getValue(), callable, depth - 1, a)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A private field that starts at 0 and that every other method only steps up, without a condition
   * ({@code ++count} in {@code increment(x)}), divided by in a method that does not step it: 0 only when
   * asked before anything was added, the empty-accumulator contract. Resets to 0 ({@code reset()}) keep it.
   */
  private static Optional<Reading> emptyAccumulator(Expression d, Node division, Analysis a) {
    String name = d instanceof NameExpr n ? n.getNameAsString()
        : d instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr ? f.getNameAsString() : null;
    if (name == null) {
      return Optional.empty();
    }
    Optional<Declarations.Declaration> decl = d instanceof NameExpr n ? a.declarations().find(n, name)
        : a.declarations().find(d, name);
    if (decl.isEmpty() || decl.get().kind() != Declarations.Kind.FIELD
        || !(decl.get().node() instanceof VariableDeclarator v)
        || !v.getParentNode().map(f -> f instanceof com.github.javaparser.ast.body.FieldDeclaration fd && fd.isPrivate()).orElse(false)
        || v.getInitializer().map(init -> a.constants().value(init) != 0).orElse(false)) {
      return Optional.empty();
    }
    Optional<com.github.javaparser.ast.body.TypeDeclaration> owner = v.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class);
    Node here = division.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(null);
    if (owner.isEmpty() || here == null) {
      return Optional.empty();
    }
    List<String> adders = new ArrayList<>();
    for (Node w : Flow.writes(owner.get(), name)) {
      Expression target = w instanceof UnaryExpr u ? u.getExpression() : w instanceof AssignExpr as ? as.getTarget() : null;
      if (target instanceof NameExpr t && a.declarations().find(t, name)
          .map(dd -> dd.kind() != Declarations.Kind.FIELD).orElse(false)) {
        continue; // a local of the same name
      }
      Node method = w.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(null);
      if (method == null || method == here || !(steps(w, a) || resets(w, a)) || Values.isConditional(w)) {
        return Optional.empty(); // a write by this method, another kind of write, or a count under a condition
      }
      if (steps(w, a) && method instanceof CallableDeclaration<?> c && !adders.contains(c.getNameAsString())) {
        adders.add(c.getNameAsString());
      }
    }
    if (adders.isEmpty()) {
      return Optional.empty();
    }
    String calls = String.join("() or ", adders) + "()";
    return Optional.of(new Reading(Kind.EMPTY_INPUT, "only before the first call of " + calls + ": " + name
        + " starts at 0 and only " + calls + " adds to it, so it is 0 only for a caller asking before any data,"
        + " a contract", null));
  }

  /** {@code f++}, {@code ++f}, or {@code f += c} for a positive c. */
  private static boolean steps(Node write, Analysis a) {
    if (write instanceof UnaryExpr u) {
      return u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT || u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT;
    }
    return write instanceof AssignExpr add && add.getOperator() == AssignExpr.Operator.PLUS
        && a.constants().value(add.getValue()) > 0;
  }

  /** {@code f = 0}: a reset. */
  private static boolean resets(Node write, Analysis a) {
    return write instanceof AssignExpr set && set.getOperator() == AssignExpr.Operator.ASSIGN
        && a.constants().value(set.getValue()) == 0;
  }

  /**
   * {@code 1 - x} or {@code x - c}: 0 only when x is exactly the constant, and nothing the facts know of x
   * (no provenance: not a probability, count, length, spread, sum or exp) makes that value likely. A
   * sigmoid reaching 1 or a count reaching n is a mechanism; an unconstrained value hitting one exact number
   * is a coincidence the code's author accepted.
   */
  private static Optional<Reading> coincidence(BinaryExpr minus, Analysis a) {
    Expression l = Flow.strip(minus.getLeft());
    Expression r = Flow.strip(minus.getRight());
    boolean leftConstant = !Double.isNaN(a.constants().value(l));
    boolean rightConstant = !Double.isNaN(a.constants().value(r));
    if (leftConstant == rightConstant) {
      return Optional.empty();
    }
    Expression x = leftConstant ? r : l;
    double c = a.constants().value(leftConstant ? l : r);
    NumFact fx = a.facts().at(x);
    if (!a.types().isFloating(x) || fx.isIntegral() || !sources(fx).isEmpty() || a.values().of(x).probability()
        || accumulated(x, a) || mentionsParameter(x, a)) {
      return Optional.empty(); // a count (whole-valued, or a sum the method builds) reaches small values by itself
    }
    return Optional.of(new Reading(Kind.COINCIDENCE, "only when " + text(x) + " is exactly " + number(c)
        + ": nothing the code shows brings it there", null));
  }

  /**
   * A divisor that is 0 only when a total the method accumulates is: a local, or a product, square root or
   * absolute value of such locals ({@code Math.sqrt(na * nb)}), each summed from 0 in a loop without a
   * condition. Such a total is 0 when the loop adds nothing (an empty input) or only zeros (an all-zero
   * input, weights with no mass): a contract. A total the code adds to under a condition, or from terms that
   * underflow to 0 ({@code exp}, probabilities), shows its own zero and stays a finding.
   */
  private static Optional<Reading> totals(Expression divisor, Node division, Analysis a) {
    List<Expression> atoms = new ArrayList<>();
    zeroDeciding(divisor, atoms, a);
    Reading found = null;
    for (Expression atom : atoms) {
      if (!a.facts().at(atom).canBeZero()) {
        continue;
      }
      Optional<Reading> r = atom instanceof NameExpr total ? total(total, division, a) : Optional.empty();
      if (r.isEmpty() || !r.get().isContract()) {
        return r;
      }
      found = found == null ? r.get() : found;
    }
    return Optional.ofNullable(found);
  }

  /**
   * A factor of {@code divisor} (see {@link #zeroDeciding}) that is a sum {@code tp + fp} of integers each read
   * from an element of an input array ({@code int tp = matrix[1][1]}): 0 when those entries are all 0, which
   * integer data reaches exactly (a count of a case the data does not have), unlike a floating value hitting 0
   * by coincidence. A contract on the input.
   */
  private static Optional<Reading> zeroEntries(Expression divisor, Analysis a) {
    List<Expression> atoms = new ArrayList<>();
    zeroDeciding(divisor, atoms, a);
    for (Expression atom : atoms) {
      Optional<Reading> r = a.facts().at(atom).canBeZero() ? sumOfEntries(atom, a) : Optional.empty();
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  /** {@link #zeroEntries} of one factor: a sum of at least two integer entries. */
  private static Optional<Reading> sumOfEntries(Expression atom, Analysis a) {
    List<Expression> terms = new ArrayList<>();
    operandsOf(atom, BinaryExpr.Operator.PLUS, terms);
    if (terms.size() < 2) {
      return Optional.empty(); // one entry alone is a count or a setting like any other: Values' call
    }
    List<String> arrays = new ArrayList<>();
    for (Expression term : terms) {
      String from = a.types().isIntegral(term) ? arrayReadBy(term, a) : null;
      if (from == null) {
        return Optional.empty();
      }
      if (!arrays.contains(from)) {
        arrays.add(from);
      }
    }
    List<String> names = terms.stream().map(ZeroContracts::text).distinct().toList();
    String all = names.size() == 1 ? names.get(0) + " is 0"
        : joined(names) + (names.size() == 2 ? " are both 0" : " are all 0");
    return Optional.of(new Reading(Kind.ZERO_ENTRIES, "when " + all + " (integers read from " + joined(arrays)
        + ": the divisor is 0 with " + text(atom) + "): an input with no such case, a contract the caller keeps",
        null));
  }

  /**
   * The array (a parameter or local) whose element {@code term} is, directly or through a local set once
   * from it ({@code int tp = matrix[1][1]}); null otherwise.
   */
  private static String arrayReadBy(Expression term, Analysis a) {
    Expression x = Flow.strip(term);
    if (x instanceof NameExpr n) {
      Optional<Declarations.Declaration> d = a.declarations().find(n, n.getNameAsString());
      Node callable = n.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(null);
      if (d.isEmpty() || d.get().kind() != Declarations.Kind.LOCAL || d.get().initializer().isEmpty() || callable == null
          || !Flow.writes(callable, n.getNameAsString()).isEmpty()) {
        return null;
      }
      x = Flow.strip(d.get().initializer().get());
    }
    if (!(x instanceof ArrayAccessExpr access)) {
      return null;
    }
    Expression container = Flow.strip(access.getName());
    while (container instanceof ArrayAccessExpr row) {
      container = Flow.strip(row.getName());
    }
    return container instanceof NameExpr c && a.declarations().find(c, c.getNameAsString())
        .map(d -> d.kind() != Declarations.Kind.FIELD).orElse(false) ? text(c) : null;
  }

  /** The parts of {@code e} that make it 0 when one of them is: factors, and the operand of sqrt or abs. */
  private static void zeroDeciding(Expression e, List<Expression> atoms, Analysis a) {
    Expression x = Flow.strip(e);
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      zeroDeciding(b.getLeft(), atoms, a);
      zeroDeciding(b.getRight(), atoms, a);
    } else if (x instanceof MethodCallExpr call && call.getArguments().size() == 1
        && a.api().mathFunction(call).filter(f -> f.equals("sqrt") || f.equals("abs")).isPresent()) {
      zeroDeciding(call.getArgument(0), atoms, a);
    } else if (x instanceof NameExpr copy && a.flow().definition(copy).filter(v -> isProductOrRoot(v, a)).isPresent()) {
      zeroDeciding(a.flow().definition(copy).get(), atoms, a); // double norm = Math.sqrt(total)
    } else {
      atoms.add(x);
    }
  }

  private static boolean isProductOrRoot(Expression e, Analysis a) {
    Expression x = Flow.strip(e);
    return x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY
        || x instanceof MethodCallExpr call && call.getArguments().size() == 1
            && a.api().mathFunction(call).filter(f -> f.equals("sqrt") || f.equals("abs")).isPresent();
  }

  /**
   * {@code total}: a local that starts at 0 and that every write adds a term to, inside a loop and under no
   * condition. The reading says which contract its zero rests on: weights of one input that sum to 0,
   * terms that are all positive (0 only when the loop never runs), or terms of the data that are all 0.
   */
  private static Optional<Reading> total(NameExpr total, Node division, Analysis a) {
    Optional<Declarations.Declaration> d = a.declarations().find(total, total.getNameAsString());
    Node callable = division.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(null);
    if (callable == null || d.isEmpty() || d.get().kind() != Declarations.Kind.LOCAL
        || d.get().initializer().map(init -> a.constants().value(init) != 0).orElse(true)) {
      return Optional.empty();
    }
    String name = total.getNameAsString();
    List<Node> writes = Flow.writes(callable, name);
    Optional<Reading> weights = zeroWeights(name, writes, a);
    if (weights.isPresent()) {
      return weights;
    }
    boolean allPositive = true;
    boolean computed = false;
    boolean oneLoop = true; // every write in the same loop, itself in no other loop of the method
    Node loop = null;
    for (Node w : writes) {
      if (scales(w, a)) {
        continue; // total *= 2: 0 exactly when it was
      }
      Node around = enclosingLoop(w, callable);
      if (around == null || Values.isConditional(w)) {
        return Optional.empty(); // a copy, or a count under a condition: the code shows how it stays 0
      }
      oneLoop &= (loop == null || loop == around) && enclosingLoop(around, callable) == null;
      loop = loop == null ? around : loop;
      if (w instanceof UnaryExpr && steps(w, a)) {
        continue; // ++: adds 1
      }
      Expression term = addedTerm(w, name);
      if (term == null) {
        return Optional.empty();
      }
      NumFact t = a.facts().at(term);
      if (deviates(term) && (!t.canBeNegative() || t.has(NumFact.Tag.SQUARE))) { // (x - mean)²: 0 for a constant column
        return Optional.of(new Reading(Kind.ZERO_TOTAL, null, name + " adds " + Printed.of(term)
            + ", a difference that is 0 for every element when the values are all equal (a constant input)"));
      }
      if (t.has(NumFact.Tag.EXP) || t.has(NumFact.Tag.PROBABILITY)
          || t.has(NumFact.Tag.TRUNCATED_QUOTIENT)) {
        return Optional.empty(); // exp and probabilities underflow to 0, an integer quotient truncates to it
      }
      allPositive &= !t.canBeNonPositive();
      if (t.canBeNonPositive() && !inputValue(term, callable, a)) {
        if (!sources(t).isEmpty() || a.values().of(term).probability() || !a.dataDependence().isDataFree(term, callable)) {
          return Optional.empty(); // data, a count, a difference or a probability bring the term to 0
        }
        computed = true; // computed from constants, indices and sizes: 0 only where its formula vanishes
      }
    }
    if (loop == null) {
      return Optional.empty();
    }
    String over = loop instanceof ForEachStmt each ? text(Flow.strip(each.getIterable()))
        : "the loop on line " + loop.getBegin().map(p -> p.line).orElse(0);
    if (computed) {
      return Optional.of(new Reading(Kind.COINCIDENCE, "only when every term " + over + " adds to " + name
          + " is exactly 0: the terms are computed from constants, indices, sizes or random draws, not from data", null));
    }
    if (allPositive) {
      List<Expression> inputs = oneLoop ? iterated(loop, a) : List.of();
      if (!inputs.isEmpty()) { // one positive term per element: 0 exactly when the input is empty
        String why = writes.stream().allMatch(w -> isUnitStep(w, a)) ? name + " counts its elements"
            : name + " adds a positive term for each of its elements";
        return Optional.of(sized(Kind.EMPTY_INPUT, 0, inputs, false, why, division, a));
      }
      return Optional.of(new Reading(Kind.EMPTY_INPUT, "only when " + over + " adds nothing to " + name
          + " (every term is positive): an empty input, a contract the caller keeps", null));
    }
    return Optional.of(new Reading(Kind.ZERO_TOTAL, "only when every term " + over + " adds to " + name
        + " is 0: an all-zero input, a contract the caller keeps", null));
  }

  /**
   * The input {@code loop} runs once per element of: the iterable of a for-each, or the inputs measured by
   * the bound of {@code for (int i = 0; i < xs.length; i++)} (i stepped only by its update). Empty otherwise.
   */
  private static List<Expression> iterated(Node loop, Analysis a) {
    if (loop instanceof ForEachStmt each) {
      return List.of(Flow.strip(each.getIterable()));
    }
    if (loop instanceof com.github.javaparser.ast.stmt.WhileStmt walk) { // while (it.hasNext()), it = xs.iterator()
      return walked(walk.getCondition(), a).map(List::of).orElse(List.of());
    }
    if (!(loop instanceof ForStmt counting) || counting.getInitialization().size() != 1
        || counting.getUpdate().size() != 1 || counting.getCompare().isEmpty()
        || !(counting.getInitialization().get(0) instanceof VariableDeclarationExpr init)
        || init.getVariables().size() != 1) {
      return List.of();
    }
    VariableDeclarator i = init.getVariables().get(0);
    String index = i.getNameAsString();
    if (i.getInitializer().map(v -> a.constants().value(v) != 0).orElse(true)
        || !(Flow.strip(counting.getCompare().get()) instanceof BinaryExpr less)
        || !(Flow.strip(less.getLeft()) instanceof NameExpr left && left.getNameAsString().equals(index))
        || less.getOperator() != BinaryExpr.Operator.LESS
        || !steps(counting.getUpdate().get(0), a) || !stepsName(counting.getUpdate().get(0), index)
        || Flow.writes(counting.getBody(), index).size() > 0) {
      return List.of();
    }
    NumFact bound = a.facts().at(less.getRight());
    return isOnlyALength(bound) && !emptyOnlyTogether(bound) ? measured(bound) : List.of();
  }

  /** The step {@code write} changes {@code name}. */
  private static boolean stepsName(Node write, String name) {
    Expression target = write instanceof UnaryExpr u ? u.getExpression() : write instanceof AssignExpr as ? as.getTarget() : null;
    return target != null && Flow.strip(target) instanceof NameExpr n && n.getNameAsString().equals(name);
  }

  /** {@code n++}, {@code ++n}, {@code n += 1}, {@code n = n + 1}: adds exactly one. */
  private static boolean isUnitStep(Node write, Analysis a) {
    if (write instanceof UnaryExpr) {
      return steps(write, a);
    }
    Expression term = write instanceof AssignExpr as && as.getTarget() instanceof NameExpr n
        ? addedTerm(write, n.getNameAsString()) : null;
    return term != null && a.constants().value(term) == 1;
  }

  /** Calls that read a value out of an input without computing: {@code list.get(i).doubleValue()}. */
  private static final Set<String> READS = Set.of("get", "getValue", "getKey", "doubleValue", "floatValue",
      "intValue", "longValue", "size", "length", "getEntry", "getQuick", "getDouble", "getFloat", "getInt",
      "entrySet", "values", "keySet");

  /**
   * {@code term} is a value of an input, not something the method computes: built from elements, sizes
   * and plain reads of parameters, fields and for-each variables over them (with sums, products, abs
   * and casts). Then every term being 0 means the input is all zeros.
   */
  private static boolean inputValue(Expression term, Node callable, Analysis a) {
    Expression x = Flow.strip(term);
    if (x instanceof com.github.javaparser.ast.expr.LiteralExpr) {
      return true;
    }
    if (x instanceof UnaryExpr u) {
      return u.getOperator() == UnaryExpr.Operator.MINUS && inputValue(u.getExpression(), callable, a);
    }
    if (x instanceof BinaryExpr b) {
      return (b.getOperator() == BinaryExpr.Operator.PLUS || b.getOperator() == BinaryExpr.Operator.MULTIPLY)
          && inputValue(b.getLeft(), callable, a) && inputValue(b.getRight(), callable, a);
    }
    if (x instanceof ArrayAccessExpr access) {
      Expression root = access.getName();
      while (Flow.strip(root) instanceof ArrayAccessExpr row) {
        root = row.getName();
      }
      Expression container = Flow.strip(root);
      return inputValue(container, callable, a) && !(container instanceof NameExpr n && writesElements(callable, n));
    }
    if (x instanceof FieldAccessExpr f) {
      return f.getScope() instanceof ThisExpr || f.getNameAsString().equals("length") && inputValue(f.getScope(), callable, a);
    }
    if (x instanceof MethodCallExpr call) {
      if (a.api().mathFunction(call).filter("abs"::equals).isPresent() && call.getArguments().size() == 1) {
        return inputValue(call.getArgument(0), callable, a);
      }
      String name = call.getNameAsString();
      boolean getter = call.getArguments().isEmpty() && name.startsWith("get") && name.length() > 3;
      return (READS.contains(name) || getter) && call.getScope().isPresent()
          && inputValue(call.getScope().get(), callable, a)
          && call.getArguments().stream().allMatch(arg -> a.types().isIntegral(arg) || inputValue(arg, callable, a));
    }
    if (x instanceof NameExpr n) {
      Optional<Declarations.Declaration> d = a.declarations().find(n, n.getNameAsString());
      if (d.isEmpty()) {
        return false;
      }
      if (d.get().kind() != Declarations.Kind.LOCAL) {
        return true; // a parameter or a field
      }
      Optional<ForEachStmt> loop = d.get().node().getParentNode().flatMap(Node::getParentNode)
          .filter(ForEachStmt.class::isInstance).map(ForEachStmt.class::cast);
      if (loop.isPresent()) {
        return inputValue(loop.get().getIterable(), callable, a);
      }
      // a local set once, from a read of the input: int words = doc.getWords().size()
      Optional<Expression> init = d.get().initializer();
      return init.isPresent() && Flow.writes(callable, n.getNameAsString()).isEmpty()
          && !Nodes.any(init.get(), NameExpr.class, m -> m.getNameAsString().equals(n.getNameAsString()))
          && inputValue(init.get(), callable, a);
    }
    return false;
  }

  /** The method stores into elements of {@code array} ({@code array[i] = ...}): its elements are computed here. */
  private static boolean writesElements(Node callable, NameExpr array) {
    String name = array.getNameAsString();
    return Nodes.any(callable, AssignExpr.class, assign -> {
      Expression target = Flow.strip(assign.getTarget());
      while (target instanceof ArrayAccessExpr access) {
        target = Flow.strip(access.getName());
        if (target instanceof NameExpr n && n.getNameAsString().equals(name)) {
          return true;
        }
      }
      return false;
    });
  }

  /** A term built from a difference of two varying values: 0 whenever they agree, not only for zero data. */
  private static boolean deviates(Expression term) {
    return Nodes.any(term, BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.MINUS
        && !(Flow.strip(b.getLeft()) instanceof com.github.javaparser.ast.expr.LiteralExpr)
        && !(Flow.strip(b.getRight()) instanceof com.github.javaparser.ast.expr.LiteralExpr));
  }

  /** A parameter is what callers pass: {@code 1 - p} may well be handed a probability that reaches 1. */
  private static boolean mentionsParameter(Expression x, Analysis a) {
    List<NameExpr> names = new ArrayList<>(x.findAll(NameExpr.class));
    return names.stream().anyMatch(n -> a.declarations().find(n, n.getNameAsString())
        .map(d -> d.kind() == Declarations.Kind.PARAMETER).orElse(false));
  }

  /** A local the method writes inside a loop: a count or sum, whose small values are ordinary. */
  private static boolean accumulated(Expression x, Analysis a) {
    if (!(x instanceof NameExpr n)) {
      return false;
    }
    Optional<Declarations.Declaration> d = a.declarations().find(n, n.getNameAsString());
    Node callable = x.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(null);
    return d.isPresent() && d.get().kind() == Declarations.Kind.LOCAL && callable != null
        && Flow.writes(callable, n.getNameAsString()).stream().anyMatch(w -> enclosingLoop(w, callable) != null);
  }

  /** The loop around {@code n} within {@code callable}, or null. */
  private static Node enclosingLoop(Node n, Node callable) {
    for (Node p = n.getParentNode().orElse(null); p != null && p != callable; p = p.getParentNode().orElse(null)) {
      if (Definitions.isLoop(p)) {
        return p;
      }
      if (p instanceof com.github.javaparser.ast.expr.LambdaExpr) {
        return null;
      }
    }
    return null;
  }

  /** What a write adds to {@code name}: {@code name += t}, {@code name = name + t}; else null. */
  /** {@code total *= c} or {@code total /= c} for a non-zero constant c. */
  private static boolean scales(Node write, Analysis a) {
    if (!(write instanceof AssignExpr scale) || scale.getOperator() != AssignExpr.Operator.MULTIPLY
        && scale.getOperator() != AssignExpr.Operator.DIVIDE) {
      return false;
    }
    double c = a.constants().value(scale.getValue());
    return !Double.isNaN(c) && c != 0 && !Double.isInfinite(c);
  }

  private static Expression addedTerm(Node write, String name) {
    if (!(write instanceof AssignExpr add)) {
      return null;
    }
    if (add.getOperator() == AssignExpr.Operator.PLUS) {
      return add.getValue();
    }
    if (add.getOperator() == AssignExpr.Operator.ASSIGN && Flow.strip(add.getValue()) instanceof BinaryExpr b
        && b.getOperator() == BinaryExpr.Operator.PLUS && Flow.strip(b.getLeft()) instanceof NameExpr self
        && self.getNameAsString().equals(name)) {
      return b.getRight();
    }
    return null;
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
      Evaluator.measuredBy(e.node()).ifPresent(out::add);
    }
    return out;
  }

  /**
   * A sum or maximum of sizes, 0 only when every input it measures is empty: the facts give it a reason whose
   * node is the {@code +} or the {@code Math.max} call (Evaluator.sizesTogether).
   */
  private static boolean emptyOnlyTogether(NumFact fact) {
    return fact.evidence().stream().anyMatch(e -> e.node() instanceof BinaryExpr b
        && b.getOperator() == BinaryExpr.Operator.PLUS
        || e.node() instanceof MethodCallExpr c && c.getNameAsString().equals("max") && c.getArguments().size() == 2);
  }

  /**
   * A reading about the size of {@code inputs}, which the divisor measures: when any one of them is empty
   * (one size, or one of several on different paths) or, when {@code together}, only when all of them are
   * (a sum or maximum of sizes). Shown when the code can empty them (each of them, if together), else a
   * contract.
   */
  private static Reading sized(Kind kind, long zeroAt, List<Expression> inputs, boolean together, Node division,
      Analysis a) {
    return sized(kind, zeroAt, inputs, together, null, division, a);
  }

  /** The same, {@code why} (when not null) saying how the divisor follows the size: "n counts its elements". */
  private static Reading sized(Kind kind, long zeroAt, List<Expression> inputs, boolean together, String why,
      Node division, Analysis a) {
    List<String> names = inputs.stream().map(ZeroContracts::text).distinct().toList();
    String firstShown = null;
    boolean allShown = true;
    for (Expression input : inputs) {
      String shown = canBeEmpty(input, zeroAt, division, a);
      if (shown != null && !together) {
        return new Reading(kind, null, shown, inputs, together);
      }
      firstShown = firstShown == null ? shown : firstShown;
      allShown &= shown != null;
    }
    if (together && allShown && firstShown != null) {
      return new Reading(kind, null, firstShown, inputs, together);
    }
    boolean several = together && names.size() > 1;
    String who = several ? joined(names) : String.join(" or ", names);
    String because = why == null ? "" : " (" + why + ")";
    String when;
    if (kind == Kind.EMPTY_INPUT) {
      when = "when " + who + (several ? (names.size() == 2 ? " are both empty" : " are all empty") + because
          + ": a contract the caller keeps, unless the code can pass empty inputs"
          : " is empty" + because + ": a contract the caller keeps, unless the code can pass an empty input");
    } else if (several) {
      when = "when " + who + " have " + (zeroAt == 1 ? "a single element" : "exactly " + zeroAt + " elements")
          + " between them: a contract the caller keeps, unless the code can pass so few";
    } else if (zeroAt == 1) {
      when = "when " + who + " has a single element: a contract the caller keeps, unless the code can pass a"
          + " single sample";
    } else {
      when = "when " + who + " has exactly " + zeroAt + " elements: a contract the caller keeps, unless the code"
          + " can pass so few";
    }
    return new Reading(kind, when, null, inputs, together);
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  private static String joined(List<String> names) {
    return names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
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
    return Optional.of(sized(Kind.SINGLE_SAMPLE, (long) c, inputs, emptyOnlyTogether(length), division, a));
  }

  /**
   * Why the code itself can leave {@code input} empty, or null: a local filled by a conditional add or
   * built by a filter, or an input the method checks for emptiness elsewhere (a check that guarded this
   * division would have made the flow prove it non-empty, and the caller asks that first). {@code zeroAt} is
   * the size at which the divisor is 0: a check counts only when it tells that size from the next one
   * ({@code isEmpty()} says nothing about a single sample, {@code size() == 1} nothing about an empty input).
   */
  private static String canBeEmpty(Expression input, long zeroAt, Node division, Analysis a) {
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
      if (checksSize(condition, name, zeroAt, a)) {
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
  private static boolean checksSize(Expression atom, String input, long zeroAt, Analysis a) {
    if (atom instanceof MethodCallExpr call) {
      return zeroAt == 0 && call.getNameAsString().equals("isEmpty") && call.getArguments().isEmpty()
          && call.getScope().map(s -> text(Flow.strip(s)).equals(input)).orElse(false);
    }
    Optional<CountComparison> c = atom instanceof BinaryExpr b ? countComparison(b) : Optional.empty();
    if (c.isEmpty() || c.get().boundary() != zeroAt) {
      return false;
    }
    Expression side = c.get().side();
    if (side instanceof NameExpr) { // a copy of the length (n = xs.length), not a value computed with it (den > 0)
      NumFact fact = a.facts().at(side);
      return isOnlyALength(fact) && measured(fact).stream().anyMatch(m -> text(Flow.strip(m)).equals(input));
    }
    String measure = text(side);
    return measure.equals(input + ".length") || measure.equals(input + ".size()") || measure.equals(input + ".length()");
  }

  /**
   * A comparison of {@code side} with a small count, read with the count on the right ({@code 0 < n} as
   * {@code n > 0}): {@code op}, and the size it tells from the next one, {@code boundary} ({@code n > 1},
   * {@code n >= 2}, {@code n == 1} and {@code n < 2} all tell 1 from 2).
   */
  private record CountComparison(Expression side, BinaryExpr.Operator op, long boundary) {}

  private static Optional<CountComparison> countComparison(BinaryExpr b) {
    Expression l = Flow.strip(b.getLeft());
    Expression r = Flow.strip(b.getRight());
    boolean countOnRight = isSmallCount(r);
    if (!isComparison(b.getOperator()) || !countOnRight && !isSmallCount(l)) {
      return Optional.empty();
    }
    long bound = ((IntegerLiteralExpr) (countOnRight ? r : l)).asNumber().longValue();
    BinaryExpr.Operator op = countOnRight ? b.getOperator() : Refiner.flip(b.getOperator());
    long boundary = op == BinaryExpr.Operator.GREATER_EQUALS || op == BinaryExpr.Operator.LESS ? bound - 1 : bound;
    return Optional.of(new CountComparison(countOnRight ? l : r, op, boundary));
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
   * A total (a local that starts at 0, written by {@code writes}) that only adds the elements of one input
   * ({@code w[i]}, the variable of a for-each over w, {@code w.get(i)}) on every pass: 0 when the caller's
   * weights sum to 0.
   */
  private static Optional<Reading> zeroWeights(String name, List<Node> writes, Analysis a) {
    String input = null;
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
      while (container instanceof ArrayAccessExpr row) { // m[i][j]: an element of m
        container = Flow.strip(row.getName());
      }
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

  private static String number(double c) {
    return c == Math.rint(c) && Math.abs(c) < 1e15 ? String.valueOf((long) c) : String.valueOf(c);
  }

  /** How a message names an input: {@code xs}, {@code this.xs} as {@code xs}. */
  private static String text(Expression e) {
    String s = Printed.of(e);
    return s.startsWith("this.") ? s.substring("this.".length()) : s;
  }
}
