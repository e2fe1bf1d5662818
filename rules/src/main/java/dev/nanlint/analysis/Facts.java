package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.cfg.Cfg;
import dev.nanlint.analysis.facts.AccessPath;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumericTransfer;
import dev.nanlint.analysis.facts.Store;
import dev.nanlint.analysis.flow.FlowResult;
import dev.nanlint.analysis.flow.ForwardAnalysis;
import dev.nanlint.engine.Nodes;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The flow-sensitive numeric facts of one file: for the callable around an expression (method,
 * constructor, initializer or lambda), its control-flow graph and the forward analysis over it are built
 * once, on the first question, and every later question about that callable reads the stores.
 */
public final class Facts {
  private static final Set<UnaryExpr.Operator> STEPS = EnumSet.of(UnaryExpr.Operator.PREFIX_INCREMENT,
      UnaryExpr.Operator.POSTFIX_INCREMENT, UnaryExpr.Operator.PREFIX_DECREMENT, UnaryExpr.Operator.POSTFIX_DECREMENT);

  private final Analysis analysis;
  private final NumericTransfer transfer;
  private final Map<Node, FlowResult<Store>> flows = new IdentityHashMap<>();
  private final Map<Node, Set<String>> counted = new IdentityHashMap<>();
  private final Map<Node, Set<String>> subtracted = new IdentityHashMap<>();
  /** Per callable, per local asked about: {@link #assignedOnce}, asked again for every expression reading it. */
  private final Map<Node, Map<String, Boolean>> assignedOnce = new IdentityHashMap<>();
  private final Map<Node, Map<String, List<Node>>> writesIn = new IdentityHashMap<>();
  private final Summaries summaries;
  private final CallerFacts callerFacts;

  Facts(Analysis analysis) {
    this.analysis = analysis;
    this.transfer = new NumericTransfer(analysis);
    this.summaries = new Summaries(this, analysis, transfer);
    this.callerFacts = new CallerFacts(this, analysis, transfer);
  }

  /** What this file's methods return and its fields hold, for calls and reads the flow store knows nothing of. */
  public Summaries summaries() {
    return summaries;
  }

  /**
   * The forward analysis of {@code callable}, run once. Not {@code computeIfAbsent}: analysing one
   * callable can ask for the summary, hence the flow, of another.
   */
  FlowResult<Store> flowOf(Node callable) {
    FlowResult<Store> flow = flows.get(callable);
    if (flow == null) {
      flow = ForwardAnalysis.run(Cfg.of(callable), transfer);
      flows.put(callable, flow);
    }
    return flow;
  }

  /**
   * The fact of {@code expression} where it is evaluated, from the conditions, assignments and exits
   * on every path to it. Top (nothing known) outside a callable; bottom where no path reaches it.
   */
  public NumFact at(Expression expression) {
    Optional<Node> callable = Callables.body(expression);
    if (callable.isEmpty()) {
      return NumFact.top();
    }
    FlowResult<Store> flow = flowOf(callable.get());
    NumFact plain = at(expression, flow);
    if (isQuestionable(plain)) {
      plain = rederived(expression, callable.get(), flow).map(plain::restrict).orElse(plain);
    }
    if (callable.get() instanceof MethodDeclaration m && m.isPrivate() && isQuestionable(plain)) {
      // what every caller passes may prove more: met with, so it only narrows
      Optional<FlowResult<Store>> bound = callerFacts.flowOf(m);
      if (bound.isPresent()) {
        return plain.restrict(at(expression, bound.get()));
      }
    }
    return plain;
  }

  /**
   * The fact of {@code expression} with each local it reads whose one definition is computed from values
   * that never change afterwards ({@code double y = 0.5 * z * z;} ... {@code if (z <= 1.28) ... / (y + a)})
   * narrowed by that definition evaluated again where the expression is: a check of the operands made after
   * the definition still tells about the local. Operands are locals and parameters assigned at most once,
   * constants, array lengths and pure math.
   */
  private Optional<NumFact> rederived(Expression expression, Node callable, FlowResult<Store> flow) {
    Optional<Node> element = flow.cfg().elementOf(expression);
    if (element.isEmpty() || !flow.reachable(element.get())) {
      return Optional.empty();
    }
    Store before = flow.before(element.get());
    Store refined = before;
    List<NameExpr> reads = new java.util.ArrayList<>(Nodes.all(expression, NameExpr.class));
    for (NameExpr use : reads) {
      Optional<Declarations.Declaration> local = analysis.definitions().local(use);
      if (local.isEmpty() || !(local.get().node() instanceof VariableDeclarator)
          || !assignedOnce(use.getNameAsString(), callable)) {
        continue;
      }
      List<Definitions.Def> defs = analysis.definitions().reaching(use);
      if (defs.size() != 1 || defs.get(0).value() == null || !isStable(defs.get(0).value(), callable)) {
        continue;
      }
      AccessPath path = AccessPath.local(use.getNameAsString());
      NumFact again = transfer.evaluate(defs.get(0).value(), before);
      refined = refined.with(path, refined.get(path).map(f -> f.restrict(again)).orElse(again));
    }
    return refined == before ? Optional.empty() : Optional.of(transfer.factAt(expression, element.get(), refined));
  }

  /** An expression whose value cannot change once computed: see {@link #rederived}. */
  private boolean isStable(Expression value, Node callable) {
    for (Node n : Nodes.all(value, Node.class)) {
      if (n instanceof MethodCallExpr call && analysis.api().mathFunction(call).isEmpty() && !isSizeOfUnchanged(call, callable)
          || n instanceof ArrayAccessExpr || n instanceof AssignExpr || n instanceof UnaryExpr u && STEPS.contains(u.getOperator())
          || n instanceof FieldAccessExpr f && !f.getNameAsString().equals("length") && !isConstant(f)
          || n instanceof ThisExpr || n instanceof com.github.javaparser.ast.expr.ObjectCreationExpr
          || n instanceof com.github.javaparser.ast.expr.LambdaExpr) {
        return false;
      }
      boolean calledOn = n instanceof NameExpr name && name.getParentNode().orElse(null) instanceof MethodCallExpr c
          && c.getScope().filter(sc -> sc == name).isPresent(); // Math of Math.sqrt, checked above
      if (n instanceof NameExpr name && !calledOn && !isConstant(name)
          && !(isLocal(name) && unchangedAfter(name.getNameAsString(), value, callable))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every write of {@code name} comes before {@code definition} in the code, and no loop around the
   * definition contains one (which could run it again afterwards).
   */
  private boolean unchangedAfter(String name, Expression definition, Node callable) {
    Optional<com.github.javaparser.Position> at = definition.getBegin();
    if (at.isEmpty()) {
      return false;
    }
    for (Node w : writes(callable, name)) {
      if (w.getBegin().isEmpty() || !w.getBegin().get().isBefore(at.get())) {
        return false;
      }
      for (Node p = definition.getParentNode().orElse(null); p != null && p != callable; p = p.getParentNode().orElse(null)) {
        if (Definitions.isLoop(p) && w.isDescendantOf(p)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * {@code xs.size()} of a local or parameter that the callable only reads: never assigned, never passed to
   * a call, and every call on it a read.
   */
  private boolean isSizeOfUnchanged(MethodCallExpr call, Node callable) {
    if (!call.getNameAsString().equals("size") || !call.getArguments().isEmpty()
        || !(call.getScope().orElse(null) instanceof NameExpr xs) || !isLocal(xs)
        || !writes(callable, xs.getNameAsString()).isEmpty()) {
      return false;
    }
    String name = xs.getNameAsString();
    return Nodes.all(callable, NameExpr.class, u -> u.getNameAsString().equals(name)).stream().allMatch(Summaries::onlyReads);
  }

  private boolean isLocal(NameExpr name) {
    return analysis.definitions().local(name).isPresent();
  }

  private boolean isConstant(Expression e) {
    return !Double.isNaN(analysis.constants().value(e));
  }

  /** {@link Flow#writes} of {@code name} in {@code callable}, from one walk of the callable for all its names. */
  private List<Node> writes(Node callable, String name) {
    return writesIn.computeIfAbsent(callable, Flow::writesByName).getOrDefault(name, List.of());
  }

  /** Written at most once in the callable (a declaration's initializer or one plain assignment), never stepped. */
  private boolean assignedOnce(String name, Node callable) {
    return assignedOnce.computeIfAbsent(callable, c -> new java.util.HashMap<>())
        .computeIfAbsent(name, n -> isAssignedOnce(n, callable));
  }

  private boolean isAssignedOnce(String name, Node callable) {
    List<Node> writes = writes(callable, name);
    long initializers = Nodes.all(callable, VariableDeclarator.class,
        v -> v.getNameAsString().equals(name) && v.getInitializer().isPresent()).size();
    return writes.stream().allMatch(w -> w instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN)
        && writes.size() + initializers <= 1;
  }

  /** The fact from the method's own flow, with its parameters at the top of their types. */
  NumFact plainAt(Expression expression) {
    Optional<Node> callable = Callables.body(expression);
    return callable.isEmpty() ? NumFact.top() : at(expression, flowOf(callable.get()));
  }

  private NumFact at(Expression expression, FlowResult<Store> flow) {
    Optional<Node> element = flow.cfg().elementOf(expression);
    if (element.isEmpty()) {
      return NumFact.top();
    }
    if (!flow.reachable(element.get())) {
      return NumFact.bottom();
    }
    return transfer.factAt(expression, element.get(), flow.before(element.get()));
  }

  /** A fact a rule could report on: it can be 0, negative, NaN or infinite. */
  private static boolean isQuestionable(NumFact f) {
    return !f.isBottom() && (f.canBeNonPositive() || f.canBeNaN() || f.canBeInfinite());
  }

  /**
   * Whether the flow could tag the integral value {@code e} as a counter or an integer quotient: only when
   * e reads a field, calls a method, divides, or reads a local that its callable increments or assigns from
   * a division, directly or through copies. A syntactic over-approximation: it spares the flow analysis of
   * most callables where an integer divides, since a plain `n` or `xs.length` can carry neither tag.
   */
  public boolean mayCountOrTruncate(Expression e) {
    return mayCarry(e, counted, Facts::divides, true);
  }

  /**
   * Whether {@code e} is an element of an array field whose elements the writes in its file describe (a std
   * array filled in fit() and read in transform()): the flow reads such a fact from the field's summary.
   */
  public boolean isSummarisedElement(Expression e) {
    return e instanceof com.github.javaparser.ast.expr.ArrayAccessExpr element
        && summaries().field(element).filter(f -> !f.equals(NumFact.top(f.precision()))).isPresent();
  }

  /**
   * Whether the flow could find a cancellation in {@code e} (a value minus another): only when e subtracts,
   * reads a field or calls a method (a summary may subtract), or reads a local assigned from such a value
   * or decremented. The same over-approximation for the roots, most of which take a sum of squares.
   */
  public boolean maySubtract(Expression e) {
    return mayCarry(e, subtracted, Facts::subtracts, false);
  }

  private boolean mayCarry(Expression e, Map<Node, Set<String>> cache, Predicate<Node> source, boolean anyUpdate) {
    Optional<Node> callable = Callables.body(e);
    if (callable.isEmpty()) {
      return false; // no flow runs outside a callable
    }
    Set<String> tainted = cache.computeIfAbsent(callable.get(), c -> tainted(c, source, anyUpdate));
    for (Node n : Nodes.all(e, Node.class)) {
      if (n instanceof FieldAccessExpr f && !f.getNameAsString().equals("length") || n instanceof ThisExpr
          || n instanceof MethodCallExpr c && !(c.getNameAsString().equals("size") && c.getArguments().isEmpty())
          || source.test(n)
          || n instanceof NameExpr name && (tainted.contains(name.getNameAsString())
              || analysis.declarations().find(name, name.getNameAsString())
                  .map(d -> d.kind() == Declarations.Kind.FIELD).orElse(true))) {
        return true;
      }
    }
    return false;
  }

  private static boolean divides(Node n) {
    return n instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.DIVIDE;
  }

  private static boolean subtracts(Node n) {
    return n instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MINUS
        || n instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS;
  }

  /**
   * The names a callable assigns from a {@code source} node or from such a name (through copies), and those
   * it steps with ++/--, or with any compound assignment when {@code anyUpdate} (else with -= only).
   */
  private static Set<String> tainted(Node callable, Predicate<Node> source, boolean anyUpdate) {
    Set<String> names = new HashSet<>();
    for (UnaryExpr u : Nodes.all(callable, UnaryExpr.class)) {
      if (STEPS.contains(u.getOperator())) {
        steppedName(u.getExpression()).ifPresent(names::add);
      }
    }
    List<AssignExpr> assignments = Nodes.all(callable, AssignExpr.class);
    List<VariableDeclarator> declarators = Nodes.all(callable, VariableDeclarator.class);
    for (int size = -1; size != names.size(); ) { // copies of copies: until nothing is added
      size = names.size();
      for (AssignExpr a : assignments) {
        boolean update = a.getOperator() != AssignExpr.Operator.ASSIGN
            && (anyUpdate || a.getOperator() == AssignExpr.Operator.MINUS);
        if (a.getTarget() instanceof NameExpr n && (update || carries(a.getValue(), source, names))) {
          names.add(n.getNameAsString());
        } else if (update) {
          steppedName(a.getTarget()).ifPresent(names::add); // counts[c] += hit ? 1 : 0
        }
      }
      for (VariableDeclarator v : declarators) {
        if (v.getInitializer().isPresent() && carries(v.getInitializer().get(), source, names)) {
          names.add(v.getNameAsString());
        }
      }
    }
    return names;
  }

  /** The local a step changes: {@code n} of {@code n++}, or the array {@code counts} of {@code counts[c]++}. */
  private static Optional<String> steppedName(Expression target) {
    Expression t = target instanceof ArrayAccessExpr a ? a.getName() : target;
    return t instanceof NameExpr n ? Optional.of(n.getNameAsString()) : Optional.empty();
  }

  private static boolean carries(Expression value, Predicate<Node> source, Set<String> names) {
    for (Node n : Nodes.all(value, Node.class)) {
      if (source.test(n) || n instanceof MethodCallExpr || n instanceof FieldAccessExpr
          || n instanceof NameExpr name && names.contains(name.getNameAsString())) {
        return true;
      }
    }
    return false;
  }
}
