package dev.nanlint.analysis.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.Declarations;
import dev.nanlint.analysis.Printed;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.NumFact.Tag;
import dev.nanlint.analysis.models.Call;
import dev.nanlint.analysis.models.CallHandler;
import dev.nanlint.analysis.models.Effect;
import dev.nanlint.analysis.models.Handlers;
import dev.nanlint.analysis.models.JavaLangHandler;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fact of an expression given the store before it, and the store after it: one walk over the whole
 * expression tree of a CFG element, in Java's evaluation order, with assignments, increments and calls
 * changing the store as they happen, and the arms of {@code c ? a : b}, {@code a && b}, {@code a || b}
 * evaluated in the store their condition refines. Names are read through the store, then from their
 * declared type (never from what the name suggests); library calls are asked of the {@link CallHandler}s.
 */
public final class Evaluator {

  /** Sees every expression evaluated, with its fact and the store it was evaluated in (for rules). */
  @FunctionalInterface
  public interface Observer {
    void evaluated(Expression expression, NumFact fact, Store before);
  }

  /** An expression's fact and the store once it has been evaluated. */
  public record Result(NumFact fact, Store after) {}

  private static final double INF = Double.POSITIVE_INFINITY;
  private static final Map<String, NumFact> LIBRARY_CONSTANTS = libraryConstants();
  /** Collections that start empty when created with no argument (their size() is 0). */
  private static final Set<UnaryExpr.Operator> INCREMENTS = Set.of(UnaryExpr.Operator.PREFIX_INCREMENT,
      UnaryExpr.Operator.PREFIX_DECREMENT, UnaryExpr.Operator.POSTFIX_INCREMENT, UnaryExpr.Operator.POSTFIX_DECREMENT);
  private static final Set<String> EMPTY_COLLECTIONS = Set.of("ArrayList", "LinkedList", "HashMap", "HashSet",
      "TreeMap", "TreeSet", "LinkedHashMap", "LinkedHashSet", "ArrayDeque");

  private final Analysis analysis;
  private final List<CallHandler> handlers;
  private final Observer observer;
  private final Refiner refiner;
  /** Whether a field the store knows nothing of is read from the file's writes to it (see withFieldFacts). */
  private final boolean fieldFacts;
  private final LocalArrays localArrays;
  /**
   * {@link #pathOf} of each expression asked, once: the flow asks again on every pass over a loop and for every
   * question about an element, and a path is a fact of the syntax alone. Shared with the evaluators derived
   * from this one.
   */
  private final Map<Expression, Optional<AccessPath>> paths;
  /** Final fields whose initializer is being evaluated: a cycle reads as unknown. */
  private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
  /** The fact of each final field's initializer, once: a large initializer is costly to evaluate at every read. */
  private final Map<Node, NumFact> fieldConstants = new IdentityHashMap<>();

  public Evaluator(Analysis analysis) {
    this(analysis, Handlers.builtIn(), null);
  }

  public Evaluator(Analysis analysis, List<CallHandler> handlers, Observer observer) {
    this(analysis, handlers, observer, false);
  }

  private Evaluator(Analysis analysis, List<CallHandler> handlers, Observer observer, boolean fieldFacts) {
    this(analysis, handlers, observer, fieldFacts, new LocalArrays(), new IdentityHashMap<>());
  }

  private Evaluator(Analysis analysis, List<CallHandler> handlers, Observer observer, boolean fieldFacts,
      LocalArrays localArrays, Map<Expression, Optional<AccessPath>> paths) {
    this.analysis = analysis;
    this.localArrays = localArrays;
    this.paths = paths;
    this.handlers = List.copyOf(handlers);
    this.observer = observer;
    this.fieldFacts = fieldFacts;
    this.refiner = new Refiner(this);
  }

  /** The same evaluator reporting every evaluated expression to {@code o}. */
  public Evaluator observing(Observer o) {
    return new Evaluator(analysis, handlers, o, fieldFacts, localArrays, paths);
  }

  /**
   * The same evaluator also reading a field the store knows nothing of from every write to it in the file
   * ({@code Summaries.field}). For the question a rule asks, not inside every flow: there each field read
   * would analyse every method that writes the field (measured: +17% CPU on the tuning corpus).
   */
  public Evaluator withFieldFacts() {
    return new Evaluator(analysis, handlers, observer, true, localArrays, paths);
  }

  Analysis analysis() {
    return analysis;
  }

  List<CallHandler> handlers() {
    return handlers;
  }

  // ---- entry points --------------------------------------------------------------------------------

  public Result eval(Expression e, Store before) {
    if (!before.isReachable()) {
      return new Result(NumFact.bottom(), before);
    }
    Result r = compute(e, before);
    if (observer != null) {
      observer.evaluated(e, r.fact(), before);
    }
    return r;
  }

  /** The fact of {@code e} evaluated in {@code before}. */
  public NumFact factOf(Expression e, Store before) {
    return eval(e, before).fact();
  }

  /** The store on the edge where {@code condition} evaluated to {@code outcome}. */
  public Store refine(Expression condition, boolean outcome, Store before) {
    return refiner.refine(condition, outcome, before);
  }

  /** The access path {@code e} names: a local, a field, an array's elements or length, a collection's size. */
  public Optional<AccessPath> pathOf(Expression e) {
    Optional<AccessPath> known = paths.get(e);
    if (known == null) {
      known = findPath(e);
      paths.put(e, known);
    }
    return known;
  }

  private final Map<Expression, Optional<AccessPath>> expressionPaths = new IdentityHashMap<>();

  /**
   * The path under which a test of the arithmetic expression {@code e} keeps what it tells
   * ({@code if (varActual * varPredicted <= 0) ... else Math.sqrt(varActual * varPredicted)}): for a product, sum,
   * difference or quotient of variables, fields, elements and literals, with no call or assignment inside, so that
   * the same text is the same value until one of its variables is written. Empty for anything else.
   */
  public Optional<AccessPath> expressionPath(Expression e) {
    Expression x = unwrap(e);
    if (!(x instanceof BinaryExpr b)) {
      return Optional.empty();
    }
    Optional<AccessPath> known = expressionPaths.get(x);
    if (known == null) {
      known = findExpressionPath(b);
      expressionPaths.put(x, known);
    }
    return known;
  }

  private Optional<AccessPath> findExpressionPath(BinaryExpr b) {
    if (!ARITHMETIC.contains(b.getOperator()) || !isRepeatable(b)) {
      return Optional.empty();
    }
    java.util.TreeSet<String> roots = new java.util.TreeSet<>();
    for (Expression leaf : Nodes.all(b, Expression.class, n -> n instanceof NameExpr || n instanceof FieldAccessExpr
        || n instanceof ArrayAccessExpr || n instanceof ThisExpr)) {
      if (leaf.getParentNode().filter(p -> p instanceof FieldAccessExpr || p instanceof ArrayAccessExpr).isPresent()) {
        continue; // a part of a longer path: the whole is read below
      }
      Optional<AccessPath> p = pathOf(leaf);
      if (p.isEmpty()) {
        return Optional.empty();
      }
      roots.add(p.get().root());
      if (p.get().mentions(AccessPath.ELEMENTS)) {
        roots.add(AccessPath.ELEMENTS);
      }
    }
    String text = Printed.of(b);
    return roots.isEmpty() || text.length() > 120 ? Optional.empty()
        : Optional.of(AccessPath.expression(text, List.copyOf(roots)));
  }

  private static final java.util.Set<BinaryExpr.Operator> ARITHMETIC = java.util.EnumSet.of(BinaryExpr.Operator.PLUS,
      BinaryExpr.Operator.MINUS, BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE);

  private Optional<AccessPath> findPath(Expression e) {
    if (e instanceof EnclosedExpr en) {
      return pathOf(en.getInner());
    }
    if (e instanceof AssignExpr a) {
      return pathOf(a.getTarget());
    }
    if (e instanceof NameExpr n) {
      String name = n.getNameAsString();
      Optional<Declarations.Declaration> d = analysis.declarations().find(n, name);
      if (d.isPresent()) {
        return Optional.of(d.get().kind() == Declarations.Kind.FIELD ? AccessPath.field(name) : AccessPath.local(name));
      }
      // not declared in this file: an inherited field, or a class when capitalised (Foo.X)
      return Optional.of(Character.isUpperCase(name.charAt(0)) ? AccessPath.local(name) : AccessPath.field(name));
    }
    if (e instanceof FieldAccessExpr f) {
      if (f.getScope() instanceof ThisExpr) {
        return Optional.of(AccessPath.field(f.getNameAsString()));
      }
      return pathOf(f.getScope()).filter(p -> !p.isDifference()).map(p -> p.dot(f.getNameAsString()));
    }
    if (e instanceof ArrayAccessExpr a) {
      return pathOf(a.getName()).map(AccessPath::elements);
    }
    if (e instanceof MethodCallExpr c && c.getArguments().isEmpty() && c.getScope().isPresent()
        && (c.getNameAsString().equals("size") || c.getNameAsString().equals("length"))) {
      return pathOf(c.getScope().get()).map(p -> p.dot(AccessPath.SIZE));
    }
    return Optional.empty();
  }

  /** What the declared type of {@code e} alone says. */
  public NumFact declared(Expression e) {
    return NumFact.ofType(analysis.types().typeOf(e));
  }

  // ---- the walk ------------------------------------------------------------------------------------

  private Result compute(Expression e, Store s) {
    if (e instanceof EnclosedExpr en) {
      return eval(en.getInner(), s);
    }
    if (e instanceof NameExpr n) {
      return new Result(read(n, s), s);
    }
    if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr || e instanceof DoubleLiteralExpr
        || e instanceof CharLiteralExpr) {
      return new Result(literal(e), s);
    }
    if (e instanceof FieldAccessExpr f) {
      return fieldAccess(f, s);
    }
    if (e instanceof ArrayAccessExpr a) {
      Result array = eval(a.getName(), s);
      Result index = eval(a.getIndex(), array.after());
      NumFact element = read(a, index.after());
      return new Result(element, indexed(a.getName(), index.fact(), index.after()));
    }
    if (e instanceof UnaryExpr u) {
      return unary(u, s);
    }
    if (e instanceof BinaryExpr b) {
      return binary(b, s);
    }
    if (e instanceof AssignExpr a) {
      return assignment(a, s);
    }
    if (e instanceof ConditionalExpr c) {
      Result cond = eval(c.getCondition(), s);
      Result then = eval(c.getThenExpr(), refine(c.getCondition(), true, cond.after()));
      Result otherwise = eval(c.getElseExpr(), refine(c.getCondition(), false, cond.after()));
      return new Result(then.fact().join(otherwise.fact()), then.after().join(otherwise.after()));
    }
    if (e instanceof CastExpr c) {
      Result inner = eval(c.getExpression(), s);
      return new Result(convert(inner.fact(), c.getType().asString()), inner.after());
    }
    if (e instanceof MethodCallExpr c) {
      return call(c, s);
    }
    if (e instanceof ObjectCreationExpr o) {
      Store after = s;
      for (Expression arg : o.getArguments()) {
        Result r = eval(arg, after);
        Store evaluated = r.after();
        after = pathOf(arg).map(p -> forgetObject(p, arg, evaluated, false)).orElse(evaluated); // a constructor may keep and change it
      }
      return new Result(declared(e), after);
    }
    if (e instanceof ArrayCreationExpr a) {
      Store after = s;
      for (var level : a.getLevels()) {
        if (level.getDimension().isPresent()) {
          after = eval(level.getDimension().get(), after).after();
        }
      }
      if (a.getInitializer().isPresent()) {
        after = eval(a.getInitializer().get(), after).after();
      }
      return new Result(NumFact.top(), after);
    }
    if (e instanceof ArrayInitializerExpr init) {
      Store after = s;
      for (Expression v : init.getValues()) {
        after = eval(v, after).after();
      }
      return new Result(NumFact.top(), after);
    }
    if (e instanceof InstanceOfExpr i) {
      return new Result(NumFact.top(), eval(i.getExpression(), s).after());
    }
    return new Result(declared(e), s); // this, class literals, lambdas (not entered), switch expressions
  }

  private static NumFact literal(Expression e) {
    try {
      if (e instanceof IntegerLiteralExpr i) {
        Number n = i.asNumber();
        return NumFact.constant(n.doubleValue(), n instanceof Long ? Precision.LONG : Precision.INT);
      }
      if (e instanceof LongLiteralExpr l) {
        return NumFact.constant(l.asNumber().doubleValue(), Precision.LONG);
      }
      if (e instanceof CharLiteralExpr c) {
        return NumFact.constant(c.asChar(), Precision.INT);
      }
      String text = ((DoubleLiteralExpr) e).getValue().replace("_", "");
      boolean isFloat = text.endsWith("f") || text.endsWith("F");
      return isFloat ? NumFact.constant(Float.parseFloat(text), Precision.FLOAT)
          : NumFact.constant(Double.parseDouble(text), Precision.DOUBLE);
    } catch (RuntimeException malformed) {
      return NumFact.top();
    }
  }

  /** A variable, field or array element: its fact in the store, else its declaration. */
  private NumFact read(Expression e, Store s) {
    Optional<AccessPath> path = pathOf(e);
    if (path.isPresent()) {
      Optional<NumFact> known = s.get(path.get());
      if (known.isPresent()) {
        return known.get();
      }
    }
    return finalFieldConstant(e).or(() -> fieldFacts ? analysis.facts().summaries().field(e) : Optional.empty())
        .orElseGet(() -> declared(e));
  }

  /** A final field with an initializer ({@code static final double EPS = 1e-8}): the initializer's fact. */
  private Optional<NumFact> finalFieldConstant(Expression e) {
    String name;
    if (e instanceof NameExpr n) {
      name = n.getNameAsString();
    } else if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      name = f.getNameAsString();
    } else {
      return Optional.empty();
    }
    Optional<Declarations.Declaration> d = analysis.declarations().find(e, name);
    if (d.isEmpty() || d.get().kind() != Declarations.Kind.FIELD || !d.get().isFinal()
        || d.get().initializer().isEmpty() || inProgress.containsKey(d.get().node())) {
      return Optional.empty();
    }
    Node node = d.get().node();
    NumFact known = fieldConstants.get(node);
    if (known != null) {
      return Optional.of(known);
    }
    inProgress.put(node, true);
    try {
      NumFact value = convert(factOf(d.get().initializer().get(), Store.empty()), d.get().typeName());
      fieldConstants.put(node, value); // the initializer of a final field: the same fact at every read
      return Optional.of(value);
    } finally {
      inProgress.remove(node);
    }
  }

  private Result fieldAccess(FieldAccessExpr f, Store s) {
    NumFact constant = LIBRARY_CONSTANTS.get(Printed.of(f));
    if (constant != null) {
      return new Result(constant, s);
    }
    Result scope = eval(f.getScope(), s);
    if (f.getNameAsString().equals("length") && isArrayOrUnknown(f.getScope())) {
      Optional<AccessPath> length = pathOf(f);
      NumFact known = length.flatMap(scope.after()::get).orElse(null);
      return new Result(lengthRead(known != null ? known : JavaLangHandler.size(), f, f.getScope()), scope.after());
    }
    return new Result(read(f, scope.after()), scope.after());
  }

  private boolean isArrayOrUnknown(Expression e) {
    String type = analysis.types().typeOf(e);
    return type.isEmpty() || type.endsWith("[]");
  }

  private Result unary(UnaryExpr u, Store s) {
    Expression operand = u.getExpression();
    switch (u.getOperator()) {
      case PLUS:
        return eval(operand, s);
      case MINUS: {
        Result r = eval(operand, s);
        return new Result(Arith.neg(r.fact()).explainedBy(r.fact()), r.after());
      }
      case BITWISE_COMPLEMENT: {
        Result r = eval(operand, s);
        return new Result(Arith.sub(Arith.neg(r.fact()), NumFact.constant(1, Precision.INT)), r.after());
      }
      case LOGICAL_COMPLEMENT:
        return new Result(NumFact.top(), eval(operand, s).after());
      default: { // ++ and --
        Store st = evalTargetParts(operand, s);
        NumFact old = read(operand, st);
        boolean up = u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
            || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT;
        NumFact one = NumFact.constant(1, Precision.INT);
        NumFact updated = convert(up ? Arith.add(old, one) : Arith.sub(old, one), analysis.types().typeOf(operand));
        if (up) {
          updated = counted(updated, old, operand, u, false);
        }
        Store after = shifted(pathOf(operand), up ? 1 : -1, st, write(operand, updated, null, st));
        return new Result(u.isPrefix() ? updated : old, after);
      }
    }
  }

  /**
   * A length or size as read at {@code at}: when it can be 0, the evidence names the input it measures
   * (the node {@code at}, whose scope is {@code container}), so a rule can ask whether that input can
   * be empty, or only would be if a caller broke the contract.
   */
  private static NumFact lengthRead(NumFact fact, Node at, Expression container) {
    return fact.has(Tag.LENGTH) && fact.canBeZero()
        ? fact.because(Printed.of(at) + " is 0 when " + Printed.of(container) + " is empty", at) : fact;
  }

  /**
   * {@code result}, the sum or maximum {@code at} of the sizes {@code l} and {@code r} ({@code a.length + b.length},
   * {@code Math.max(s.length(), t.length())}): a size too, 0 only when both are. Its evidence is one reason
   * that says so, with {@code at} as its node (how {@code ZeroContracts} tells "all empty" from "one empty"),
   * then the reads behind both; anything else is {@code result} as it was.
   */
  private static NumFact sizesTogether(NumFact result, NumFact l, NumFact r, Node at) {
    if (!isSize(l) || !isSize(r) || !result.canBeZero() || result.lo() < 0) {
      return result;
    }
    List<NumFact.Evidence> reads = new ArrayList<>();
    for (NumFact side : List.of(l, r)) {
      for (NumFact.Evidence e : side.evidence()) {
        if (measuredBy(e.node()).isPresent() && !reads.contains(e)) {
          reads.add(e);
        }
      }
    }
    List<String> names = reads.stream().map(e -> Printed.of(measuredBy(e.node()).get())).distinct().toList();
    if (names.size() < 2) {
      return result;
    }
    String all = names.size() == 2 ? names.get(0) + " and " + names.get(1) + " are both empty"
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)
            + " are all empty";
    // the combined reason first: evidence is capped, and without it the reads would say "any one empty"
    NumFact size = result.without(Tag.SUM_OF_NONNEGATIVES).tagged(Tag.LENGTH).withEvidence(List.of())
        .because(Printed.of(at) + " is 0 only when " + all, at);
    for (NumFact.Evidence e : reads) {
      size = size.because(e.reason(), e.node());
    }
    return size;
  }

  /** A length or size and nothing else, never negative. */
  private static boolean isSize(NumFact f) {
    return f.has(Tag.LENGTH) && f.lo() >= 0 && f.tags().equals(java.util.EnumSet.of(Tag.LENGTH));
  }

  /** The input {@code read} measures: {@code xs} of {@code xs.length}, {@code xs.size()} or {@code s.length()}. */
  public static Optional<Expression> measuredBy(Node read) {
    if (read instanceof FieldAccessExpr f && f.getNameAsString().equals("length")) {
      return Optional.of(f.getScope());
    }
    if (read instanceof MethodCallExpr c && c.getArguments().isEmpty() && c.getScope().isPresent()
        && (c.getNameAsString().equals("size") || c.getNameAsString().equals("length"))) {
      return c.getScope();
    }
    return Optional.empty();
  }

  /** Reading or writing {@code array[index]} did not throw: the array has more than {@code index} elements. */
  private Store indexed(Expression array, NumFact index, Store s) {
    return indexedBy(array, "length", index, s);
  }

  /**
   * The store once {@code container[index]} (or {@code container.get(index)}) evaluated without an
   * exception: the length or size ({@code segment}) of {@code container} is at least index + 1, so at
   * least 1. Only the normal path learns this; an exceptional edge leaves from the store before.
   */
  private Store indexedBy(Expression container, String segment, NumFact index, Store s) {
    Optional<AccessPath> path = pathOf(container).filter(p -> !p.isDifference());
    if (path.isEmpty() || !s.isReachable()) {
      return s;
    }
    AccessPath length = path.get().dot(segment);
    double atLeast = index.lo() >= 0 && index.lo() < Integer.MAX_VALUE ? index.lo() + 1 : 1;
    NumFact known = s.get(length).orElse(JavaLangHandler.size());
    NumFact bound = NumFact.range(atLeast, Integer.MAX_VALUE, Precision.UNKNOWN);
    return restrictEqual(length, bound, s.with(length, known.restrict(bound)));
  }

  /**
   * After an integer {@code x / n} or {@code x % n} the program goes on only if n was not 0 (it throws
   * ArithmeticException otherwise): n is non-zero from here on, and a constant 0 ends the path.
   */
  private Store integerDivisorNotZero(BinaryExpr.Operator op, NumFact dividend, Expression divisor, NumFact d, Store after) {
    if (op != BinaryExpr.Operator.DIVIDE && op != BinaryExpr.Operator.REMAINDER
        || !dividend.precision().isIntegral() || !d.precision().isIntegral() || !d.canBeZero() || !after.isReachable()) {
      return after;
    }
    NumFact nonZero = d.exclude(0);
    if (nonZero.isBottom()) {
      return Store.unreachable();
    }
    Optional<AccessPath> path = pathOf(unwrap(divisor));
    return path.isEmpty() ? after : restrictEqual(path.get(), nonZero, after.with(path.get(), nonZero));
  }

  /**
   * What a bound on {@code p} tells about the paths that hold the same value ({@link Store#equalTo}):
   * {@code int n = xs.length; ... xs[0]} leaves n >= 1 too. A length or size not yet in the store starts
   * from what any length can be.
   */
  Store restrictEqual(AccessPath p, NumFact bound, Store s) {
    Store out = s;
    for (AccessPath same : s.equalTo(p)) {
      NumFact known = out.get(same).orElse(isLength(same) ? JavaLangHandler.size() : null);
      if (known != null) {
        out = out.with(same, known.restrict(bound));
      }
    }
    return out;
  }

  private static boolean isLength(AccessPath p) {
    return !p.isDifference() && (p.last().equals("length") || p.last().equals(AccessPath.SIZE));
  }

  /**
   * {@code p = xs.length} (or a widening cast of it), or {@code p = q} for a plain variable q
   * ({@code double an = n;}): p and the source now hold the same value, which a later bound on either
   * tells the other (an index that did not throw, {@code if (n < 3) return;}).
   */
  private Store copied(AccessPath p, Expression valueExpr, Store after) {
    Expression v = unwrap(valueExpr);
    while (v instanceof CastExpr c && Set.of("double", "long", "int").contains(c.getType().asString())) {
      v = unwrap(c.getExpression());
    }
    boolean cast = v != unwrap(valueExpr);
    // a length, or (uncast) a local, parameter or field: not an element of an array, whose path stands for all
    Optional<AccessPath> source = pathOf(v).filter(q -> isLength(q)
        || !cast && !q.isDifference() && !q.mentions(AccessPath.ELEMENTS) && !q.mentions(AccessPath.SIZE));
    if (source.isEmpty() || p.isDifference() || p.mentions(AccessPath.ELEMENTS) || source.get().dependsOn(p)
        || !after.isReachable()) {
      return after;
    }
    return after.with(AccessPath.difference(p, source.get()), NumFact.constant(0, Precision.INT));
  }

  /** A plain local (not a field, an element or a difference): what the offsets between counters are kept for. */
  private static boolean isLocal(AccessPath p) {
    return p.segments().isEmpty() && !p.isDifference();
  }

  /**
   * {@code i = j}, {@code i = j + c} or {@code i = j - c} for integer locals and an integer constant c: i - j
   * is c (and j - i is -c) until either is assigned, or moves with an increment ({@link #shifted}), so
   * {@code for (int i = known + 1; ...; i++)} knows i - known >= 1 inside the loop.
   */
  private Store offset(AccessPath p, Expression valueExpr, NumFact value, Store before, Store after) {
    if (!isLocal(p) || !value.precision().isIntegral() || !after.isReachable()) {
      return after;
    }
    Expression base = unwrap(valueExpr);
    double c = 0;
    if (base instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.PLUS
        || b.getOperator() == BinaryExpr.Operator.MINUS) && unwrap(b.getRight()).isLiteralExpr()) {
      NumFact k = factOf(b.getRight(), before);
      if (!k.isConstant() || !k.isIntegral()) {
        return after;
      }
      c = b.getOperator() == BinaryExpr.Operator.PLUS ? k.lo() : -k.lo();
      base = unwrap(b.getLeft());
    }
    Optional<AccessPath> other = pathOf(base).filter(Evaluator::isLocal).filter(q -> !q.equals(p));
    if (other.isEmpty() || !factOf(base, before).precision().isIntegral()) {
      return after;
    }
    return after.with(AccessPath.difference(p, other.get()), NumFact.constant(c, Precision.INT))
        .with(AccessPath.difference(other.get(), p), NumFact.constant(-c, Precision.INT));
  }

  /** The integer local at {@code path} moved by {@code by}: its integral differences known before move with it. */
  private static Store shifted(Optional<AccessPath> path, double by, Store before, Store after) {
    if (path.isEmpty() || !isLocal(path.get()) || !after.isReachable()) {
      return after;
    }
    AccessPath p = path.get();
    NumFact step = NumFact.constant(by, Precision.INT);
    Store[] out = {after};
    before.forEach((q, d) -> {
      if (!q.isDifference() || !d.isIntegral() || q.left().equals(q.minus())) {
        return;
      }
      if (q.left().equals(p)) {
        out[0] = out[0].with(q, Arith.add(d, step));
      } else if (q.minus().equals(p)) {
        out[0] = out[0].with(q, Arith.sub(d, step));
      }
    });
    return out[0];
  }

  /**
   * What the store knows of {@code x - y}: the difference itself, or, for integers, the sum of two known
   * differences through a third local ({@code ip - i >= 1} and {@code i - known >= 0} give
   * {@code ip - known >= 1}); null when nothing is known.
   */
  private static NumFact differenceBound(AccessPath x, AccessPath y, Store s) {
    NumFact direct = s.get(AccessPath.difference(x, y)).orElse(null);
    if (direct != null || !isLocal(x) || !isLocal(y)) {
      return direct;
    }
    // by the name of the local in between, so the bound (the first one's precision, tags and evidence, met
    // with the others) does not depend on the store's order
    Map<String, NumFact> throughLocal = new TreeMap<>();
    s.forEach((q, d) -> {
      if (!q.isDifference() || !q.left().equals(x) || q.minus().equals(y) || !isLocal(q.minus()) || !d.isIntegral()) {
        return;
      }
      NumFact rest = s.get(AccessPath.difference(q.minus(), y)).orElse(null);
      if (rest != null && rest.isIntegral()) {
        throughLocal.put(q.minus().root(), Arith.add(d, rest));
      }
    });
    NumFact bound = null;
    for (NumFact through : throughLocal.values()) {
      bound = bound == null ? through : bound.restrict(through);
    }
    return bound;
  }

  private boolean isList(Expression e) {
    String type = analysis.types().typeOf(e);
    int generic = type.indexOf('<');
    String raw = generic < 0 ? type : type.substring(0, generic);
    return raw.endsWith("List") && !raw.endsWith("[]");
  }

  /**
   * An integral value incremented from 0 or more is a counter: 0 until the first increment. It is a
   * CONDITIONAL_COUNT when the increment may be skipped on an iteration ({@code conditional}: the added value
   * can be 0, the increment is under a condition, or it counts into an array element picked by the data).
   */
  private static NumFact counted(NumFact updated, NumFact old, Expression target, Node at, boolean skippable) {
    if (!old.isIntegral() || old.lo() < 0) {
      return updated;
    }
    NumFact tagged = updated.tagged(Tag.COUNT).explainedBy(old);
    boolean element = unwrap(target) instanceof ArrayAccessExpr;
    if (!(skippable || element || underCondition(at))) {
      return old.lo() == 0 ? tagged.because(Printed.of(target) + " starts at 0 and is only incremented", at) : tagged;
    }
    tagged = tagged.tagged(Tag.CONDITIONAL_COUNT);
    if (element) {
      tagged = tagged.tagged(Tag.PER_CLASS_COUNT);
    }
    if (old.lo() != 0) {
      return tagged;
    }
    return element && unwrap(target) instanceof ArrayAccessExpr a
        ? tagged.because(Printed.of(a.getName()) + " starts at 0 in every element and " + Printed.of(target)
            + " only counts up (line " + line(at) + "): an element never counted stays 0", at)
        : tagged.because(Printed.of(target) + " starts at 0 and is incremented only when a condition holds (line "
            + line(at) + "): it stays 0 when the condition never does", at);
  }

  private static int line(Node n) {
    return n.getBegin().map(p -> p.line).orElse(0);
  }

  /**
   * Whether the increment {@code at} may be skipped on an iteration of its innermost loop (or, outside a
   * loop, in its callable): it sits in a branch of an {@code if}, {@code ?:} or {@code switch}, or comes after
   * an {@code if} in the same loop body that can {@code continue}.
   */
  private static boolean underCondition(Node at) {
    Node child = at;
    for (Node p = at.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof IfStmt i && child != i.getCondition()
          || p instanceof ConditionalExpr c && child != c.getCondition()
          || p instanceof SwitchEntry) {
        return true;
      }
      if (p instanceof BlockStmt block && child instanceof Statement st) {
        for (Statement before : block.getStatements()) {
          if (before == st) {
            break;
          }
          if (before instanceof IfStmt && Nodes.first(before, ContinueStmt.class, c -> c.getLabel().isEmpty()).isPresent()) {
            return true;
          }
        }
      }
      if (p instanceof ForStmt || p instanceof ForEachStmt || p instanceof WhileStmt || p instanceof DoStmt
          || p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
        return false;
      }
    }
    return false;
  }

  private Result binary(BinaryExpr b, Store s) {
    BinaryExpr.Operator op = b.getOperator();
    if (op == BinaryExpr.Operator.AND || op == BinaryExpr.Operator.OR) {
      Result left = eval(b.getLeft(), s);
      boolean and = op == BinaryExpr.Operator.AND;
      Store rightRuns = refine(b.getLeft(), and, left.after());
      Store shortCircuit = refine(b.getLeft(), !and, left.after());
      return new Result(NumFact.top(), shortCircuit.join(eval(b.getRight(), rightRuns).after()));
    }
    Result left = eval(b.getLeft(), s);
    Result right = eval(b.getRight(), left.after());
    Store after = right.after();
    switch (op) {
      case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER -> {
        if (op == BinaryExpr.Operator.PLUS && analysis.types().typeOf(b).equals("String")) {
          return new Result(NumFact.top(), after);
        }
        NumFact result = arithmetic(op, left.fact(), right.fact(), b.getLeft(), b.getRight(), b, after);
        Optional<NumFact> tested = expressionPath(b).flatMap(after::get); // a test of the same expression before
        if (tested.isPresent() && !result.restrict(tested.get()).isBottom()) {
          result = result.restrict(tested.get());
        }
        return new Result(result, integerDivisorNotZero(op, left.fact(), b.getRight(), right.fact(), after));
      }
      case BINARY_AND -> {
        Precision p = Precision.promote(left.fact().precision(), right.fact().precision());
        NumFact mask = right.fact().lo() >= 0 ? right.fact() : left.fact().lo() >= 0 ? left.fact() : null;
        return new Result(mask == null ? NumFact.top(p) : NumFact.range(0, mask.hi(), p), after);
      }
      case BINARY_OR, XOR, LEFT_SHIFT, SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> {
        return new Result(NumFact.top(Precision.promote(left.fact().precision(), right.fact().precision())), after);
      }
      default -> {
        return new Result(NumFact.top(), after); // comparisons: a boolean
      }
    }
  }

  /**
   * {@code l op r} for the arithmetic operators, with what the interval rules alone cannot see: x - x
   * of one path is 0, x * x is never negative, a difference a comparison bounded, a sigmoid-shaped
   * ratio stays in [0, 1]; and the provenance of the result.
   */
  NumFact arithmetic(BinaryExpr.Operator op, NumFact l, NumFact r, Expression le, Expression re, Node at, Store s) {
    Optional<AccessPath> lp = pathOf(le);
    Optional<AccessPath> rp = pathOf(re);
    // one path is one value, except for array elements: a[i] and a[j] share the path a[*]
    boolean samePath = lp.isPresent() && lp.equals(rp) && !(le instanceof MethodCallExpr)
        && (!lp.get().mentions(AccessPath.ELEMENTS) || sameElement(le, re));
    NumFact result;
    switch (op) {
      case PLUS -> {
        result = Arith.add(l, r);
        // 0 when every term is, or when there are none: a sum from 0 of terms that pass a test
        boolean zeroSomewhere = result.canBeZero() || l.canBeZero() || r.canBeZero();
        if (l.lo() >= 0 && r.lo() >= 0 && zeroSomewhere && !(l.isConstant() && r.isConstant())) {
          result = result.tagged(Tag.SUM_OF_NONNEGATIVES);
        }
        if (l.has(Tag.COUNT) && r.has(Tag.COUNT) && result.canBeZero()) {
          result = result.tagged(Tag.COUNT); // tp + fp: 0 while neither was incremented
          if (l.has(Tag.PER_CLASS_COUNT) && r.has(Tag.PER_CLASS_COUNT)) {
            result = result.tagged(Tag.PER_CLASS_COUNT);
          }
          if (l.has(Tag.CONDITIONAL_COUNT) && r.has(Tag.CONDITIONAL_COUNT)) {
            result = result.tagged(Tag.CONDITIONAL_COUNT);
          }
        }
        if ((l.has(Tag.EXP) || r.has(Tag.EXP)) && result.hi() == INF) {
          result = result.tagged(Tag.EXP);
        }
        Expression whole = at instanceof BinaryExpr b ? b : null;
        if (whole != null) { // a.length + b.length: 0 only when both are empty
          NumFact sizes = sizesTogether(result, l, r, whole);
          if (sizes != result) {
            return sizes;
          }
        }
      }
      case MINUS -> {
        if (samePath) {
          NumFact zero = NumFact.constant(0, Precision.promote(l.precision(), r.precision()));
          result = l.canBeNaN() || l.canBeInfinite() ? zero.join(NumFact.nan(zero.precision())) : zero;
        } else {
          result = Arith.sub(l, r);
          if (lp.isPresent() && rp.isPresent()) {
            NumFact bounded = differenceBound(lp.get(), rp.get(), s);
            result = bounded == null ? result : result.restrict(bounded);
          } else if (lp.isPresent() && r.isConstant() && r.lo() != 0) { // n - 1 where n != 1 is known
            NumFact bounded = s.get(AccessPath.difference(lp.get(), AccessPath.constant(r.lo()))).orElse(null);
            result = bounded == null ? result : result.restrict(bounded);
          }
          if (result.canBeZero() && !(l.isConstant() && r.isConstant())) {
            result = result.tagged(Tag.DIFFERENCE)
                .because(text(le, op, re) + " is 0 when " + Printed.of(le) + " equals " + Printed.of(re), at);
          }
          result = Squares.difference(result, l, r, at);
        }
      }
      case MULTIPLY -> {
        result = samePath ? Arith.square(l) : Arith.mul(l, r).restrict(evenProductSign(le, re));
        if ((l.has(Tag.EXP) || r.has(Tag.EXP)) && result.hi() == INF) {
          result = result.tagged(Tag.EXP);
        }
        if (samePath || l.has(Tag.SQUARE) || r.has(Tag.SQUARE) || hasRepeatedFactor(le, re)) {
          result = result.tagged(Tag.SQUARE);
        }
        if ((l.has(Tag.PER_CLASS_COUNT) && r.isConstant() && r.lo() > 0
            || r.has(Tag.PER_CLASS_COUNT) && l.isConstant() && l.lo() > 0) && result.canBeZero()) {
          result = result.tagged(Tag.PER_CLASS_COUNT); // 1.0 * counts[k]: 0 exactly when the count is
        }
        if (r.isConstant() && r.lo() > 0) {
          result = Squares.keepCancellation(result, l);
        } else if (l.isConstant() && l.lo() > 0) {
          result = Squares.keepCancellation(result, r);
        }
        result = Degenerate.product(result, l, r);
      }
      case DIVIDE -> {
        result = divide(l, r, le, re, op, at);
        if (l.has(Tag.SQUARE)) {
          result = result.tagged(Tag.SQUARE); // s * s / n
        }
        result = Squares.keepCancellation(result, l);
        result = Degenerate.quotient(result, l, r);
        if (!result.precision().isIntegral() && CoordinateOverNorm.holds(le, re, analysis)) {
          result = result.restrict(NumFact.of(-1, 1, true, true, false, Precision.UNKNOWN)); // NaN: 0 / 0
        }
      }
      default -> result = Arith.rem(l, r);
    }
    boolean risky = result.canBeNonPositive() || result.canBeNaN();
    return risky ? result.explainedBy(l, r) : result;
  }

  /**
   * The sign a product has when each variable factor occurs an even number of times, whatever the
   * variables hold: {@code 2 * sigma * sigma} is at least 0, {@code -0.5 * d * d} at most 0 (the interval
   * rules see only the unrelated factors {@code 2 * sigma} and {@code sigma}). Anything otherwise.
   */
  private static NumFact evenProductSign(Expression le, Expression re) {
    Map<String, Integer> counts = new java.util.HashMap<>();
    int[] sign = {1};
    if (!factors(le, counts, sign) || !factors(re, counts, sign) || counts.isEmpty()
        || counts.values().stream().anyMatch(c -> c % 2 != 0)) {
      return NumFact.top();
    }
    return sign[0] > 0 ? NumFact.of(0, INF, true, true, false, Precision.UNKNOWN)
        : NumFact.of(-INF, 0, true, true, false, Precision.UNKNOWN);
  }

  /** A product in which one factor occurs twice ({@code n * m * m}, {@code -x * x}): a square times the rest. */
  private static boolean hasRepeatedFactor(Expression le, Expression re) {
    List<String> seen = new ArrayList<>();
    List<Expression> pending = new ArrayList<>(List.of(le, re));
    while (!pending.isEmpty()) {
      Expression x = unwrap(pending.remove(pending.size() - 1));
      if (x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
        pending.add(u.getExpression());
      } else if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
        pending.add(b.getLeft());
        pending.add(b.getRight());
      } else if (!x.isLiteralExpr() && isRepeatable(x)) { // m * m, (s / n) * (s / n); not next() * next()
        String key = Printed.of(x);
        if (seen.contains(key)) {
          return true;
        }
        seen.add(key);
      }
    }
    return false;
  }

  /** Counts the variable factors of a product by their text and folds the signs of its literal factors. */
  private static boolean factors(Expression e, Map<String, Integer> counts, int[] sign) {
    Expression x = unwrap(e);
    if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
      return factors(b.getLeft(), counts, sign) && factors(b.getRight(), counts, sign);
    }
    if (x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      sign[0] = -sign[0];
      return factors(u.getExpression(), counts, sign);
    }
    if (x instanceof IntegerLiteralExpr || x instanceof LongLiteralExpr || x instanceof DoubleLiteralExpr) {
      return true; // a literal is never negative (its minus is the unary operator above)
    }
    if (isPlainOperand(x) || isRepeatable(x)) { // (v - mean) * (v - mean): one value twice
      counts.merge(Printed.of(x), 1, Integer::sum);
      return true;
    }
    return false;
  }

  /** {@code a[i]} twice: the same text, with nothing inside that could make the second read another element. */
  private static boolean sameElement(Expression le, Expression re) {
    return Printed.of(unwrap(le)).equals(Printed.of(unwrap(re))) && isRepeatable(le);
  }

  /** No call, assignment, increment or creation inside: evaluated twice in one expression, it gives one value. */
  private static boolean isRepeatable(Expression x) {
    return Nodes.first(x, Node.class, n -> n instanceof MethodCallExpr || n instanceof AssignExpr
        || n instanceof ObjectCreationExpr || n instanceof UnaryExpr u && INCREMENTS.contains(u.getOperator()))
        .isEmpty();
  }

  /** A name, a field or an element at a plain index: the same text is the same value within one expression. */
  private static boolean isPlainOperand(Expression x) {
    if (x instanceof ArrayAccessExpr a) {
      Expression index = unwrap(a.getIndex());
      return isPlainOperand(unwrap(a.getName())) && (index instanceof NameExpr || index.isLiteralExpr());
    }
    return x instanceof NameExpr || x instanceof FieldAccessExpr f && isPlainOperand(unwrap(f.getScope()))
        || x instanceof ThisExpr;
  }

  private static String text(Expression le, BinaryExpr.Operator op, Expression re) {
    return Printed.of(le) + " " + op.asString() + " " + Printed.of(re);
  }

  private static NumFact divide(NumFact l, NumFact r, Expression le, Expression re, BinaryExpr.Operator op, Node at) {
    NumFact result = Arith.div(l, r);
    if (!result.precision().isIntegral() && !(l.isConstant() && r.isConstant())) {
      result = result.tagged(Tag.QUOTIENT);
    }
    if (result.precision().isIntegral() && !r.isConstant() && !l.isConstant() && result.canBeZero()) {
      result = result.tagged(Tag.TRUNCATED_QUOTIENT).because(text(le, op, re) + " is an integer division: it is 0"
          + " whenever " + Printed.of(le) + " is smaller than " + Printed.of(re), at);
    }
    if (l.has(Tag.PER_CLASS_COUNT) && result.canBeZero()) {
      result = result.tagged(Tag.PER_CLASS_COUNT); // a class's frequency is 0 like its count: a class never seen
    }
    boolean sigmoidShaped = l.lo() >= 0 && isSumContaining(re, le);
    if (sigmoidShaped) { // n / (n + m) with n, m >= 0: in [0, 1] whatever the interval rules say
      result = result.restrict(NumFact.of(0, 1, true, true, false, Precision.UNKNOWN));
    }
    boolean unit = result.lo() >= 0 && result.hi() <= 1 && !result.isConstant();
    if (unit && (sigmoidShaped || r.has(Tag.EXP))) {
      result = result.tagged(Tag.PROBABILITY);
      boolean reaches0 = result.canBeZero();
      boolean reaches1 = result.hi() == 1;
      if (reaches0 || reaches1) {
        String ends = reaches0 && reaches1 ? "0 and 1" : reaches0 ? "0" : "1";
        result = result.because(text(le, op, re) + " is in [0, 1] and reaches " + ends + " in floating point", at);
      }
    }
    return result;
  }

  /** {@code sum} is {@code part + m} or {@code m + part} with m >= 0 known syntactically only by its shape. */
  private static boolean isSumContaining(Expression sum, Expression part) {
    Expression s = unwrap(sum);
    String p = Printed.of(unwrap(part));
    return s instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
        && (Printed.of(unwrap(b.getLeft())).equals(p) || Printed.of(unwrap(b.getRight())).equals(p));
  }

  static Expression unwrap(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    return x;
  }

  private Result assignment(AssignExpr a, Store s) {
    Expression target = a.getTarget();
    Store st = evalTargetParts(target, s);
    NumFact old = a.getOperator() == AssignExpr.Operator.ASSIGN ? null : read(target, st);
    Result v = eval(a.getValue(), st);
    NumFact value = v.fact();
    if (old != null) {
      BinaryExpr.Operator op = a.getOperator().toBinaryOperator().orElseThrow();
      value = switch (op) {
        case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER -> arithmetic(op, old, value, target, a.getValue(), a, v.after());
        default -> NumFact.top(old.precision());
      };
      // c += 1, and c += hit ? 1 : 0 (an increment taken only when the condition holds)
      NumFact by = v.fact();
      if (op == BinaryExpr.Operator.PLUS && by.isIntegral() && !by.canBeNaN()
          && (by.isConstant() && by.lo() >= 1 || by.lo() == 0 && by.hi() == 1)) {
        value = counted(value, old, target, a, v.fact().canBeZero());
      }
    }
    value = convert(value, analysis.types().typeOf(target)); // compound assignments narrow implicitly
    // only a plain assignment stores what its right side computes (x /= n does not make x a copy of n)
    Expression computed = a.getOperator() == AssignExpr.Operator.ASSIGN ? a.getValue() : null;
    Store afterValue = old == null ? v.after() : integerDivisorNotZero(a.getOperator().toBinaryOperator().orElseThrow(),
        old, a.getValue(), v.fact(), v.after());
    Store after = write(target, value, computed, afterValue);
    boolean step = (a.getOperator() == AssignExpr.Operator.PLUS || a.getOperator() == AssignExpr.Operator.MINUS)
        && v.fact().isConstant() && v.fact().isIntegral();
    if (step) { // i += 2: the differences with i move by the step
      after = shifted(pathOf(target), a.getOperator() == AssignExpr.Operator.PLUS ? v.fact().lo() : -v.fact().lo(),
          v.after(), after);
    }
    return new Result(value, after);
  }

  /** Evaluates what a write target evaluates before the write: an array and its index, a field's object. */
  private Store evalTargetParts(Expression target, Store s) {
    Expression t = unwrap(target);
    if (t instanceof ArrayAccessExpr a) {
      Result index = eval(a.getIndex(), eval(a.getName(), s).after());
      return indexed(a.getName(), index.fact(), index.after());
    }
    if (t instanceof FieldAccessExpr f) {
      return eval(f.getScope(), s).after();
    }
    return s;
  }

  /**
   * The store once {@code target} holds {@code value}. An array element is a weak update of {@code a[*]};
   * a write through one name may change what another name aliases, so the same field or the elements of
   * other arrays are forgotten.
   */
  Store write(Expression target, NumFact value, Expression valueExpr, Store s) {
    Expression t = unwrap(target);
    Optional<AccessPath> path = pathOf(t);
    if (t instanceof ArrayAccessExpr access) {
      Store killed = s.killIf(p -> p.mentions(AccessPath.ELEMENTS) && !path.map(p::dependsOn).orElse(false)
          && !(path.isPresent() && separateArrays(p, path.get(), t)));
      NumFact survivors = path.isPresent() ? survivorsOfRepair(access, path.get(), killed) : null;
      if (survivors != null) {
        return killed.assign(path.get(), survivors.join(value));
      }
      return path.map(p -> killed.assignSome(p, value)).orElse(killed);
    }
    if (path.isEmpty()) {
      return t instanceof FieldAccessExpr f ? s.killIf(p -> p.mentions(f.getNameAsString())) : s;
    }
    return bind(path.get(), value, valueExpr, s);
  }

  /**
   * The elements {@code kept} of one local array and those written ({@code written}) of another, when either
   * array is one no other name can reach, or they hold different primitive types ({@link LocalArrays}): the
   * write cannot change {@code kept}.
   */
  private boolean separateArrays(AccessPath kept, AccessPath written, Node at) {
    List<String> elements = List.of(AccessPath.ELEMENTS);
    return !kept.isDifference() && !written.isDifference() && kept.segments().equals(elements)
        && written.segments().equals(elements) && !kept.root().equals(written.root())
        && !kept.root().equals("this") && !written.root().equals("this")
        && (localArrays.isUnshared(written.root(), at) || localArrays.isUnshared(kept.root(), at)
            || localArrays.differInType(written.root(), kept.root(), at));
  }

  /**
   * {@code v[i] = ...; if (v[i] <= 0) v[i] = 0.1;}: an element computed and then repaired under a test of that same
   * element against a constant. The store keeps one fact for all of {@code v[*]}; a weak update would join the
   * repair into the old fact and keep the very values the repair replaced. After the repair, the elements are
   * those the test let through (its FALSE side: {@code v[*] > 0}, NaN included) or the repair. A test that is not
   * such a comparison, a repair in the else branch, or no write of the same element just before: null (a weak
   * update, as for any element write).
   */
  private NumFact survivorsOfRepair(ArrayAccessExpr access, AccessPath elements, Store s) {
    Node child = access;
    IfStmt test = null;
    for (Node p = access.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof IfStmt i) {
        test = child == i.getThenStmt() ? i : null;
        break;
      }
      if (!(p instanceof AssignExpr || p instanceof com.github.javaparser.ast.stmt.ExpressionStmt || p instanceof BlockStmt)) {
        return null;
      }
    }
    if (test == null || !(test.getCondition() instanceof BinaryExpr c) || !computedJustBefore(test, access)) {
      return null;
    }
    String element = access.toString();
    boolean left = c.getLeft().toString().equals(element);
    if (!left && !c.getRight().toString().equals(element)) {
      return null;
    }
    NumFact bound = factOf(left ? c.getRight() : c.getLeft(), s);
    NumFact old = s.get(elements).orElse(null);
    if (!bound.isConstant() || old == null) {
      return null;
    }
    double k = bound.lo();
    BinaryExpr.Operator op = left ? c.getOperator() : switch (c.getOperator()) {
      case LESS -> BinaryExpr.Operator.GREATER;
      case LESS_EQUALS -> BinaryExpr.Operator.GREATER_EQUALS;
      case GREATER -> BinaryExpr.Operator.LESS;
      case GREATER_EQUALS -> BinaryExpr.Operator.LESS_EQUALS;
      default -> c.getOperator();
    };
    NumFact passed = switch (op) { // what makes the test false: the values the repair leaves alone
      case LESS -> NumFact.range(k, INF, old.precision());
      case LESS_EQUALS -> NumFact.range(Math.nextUp(k), INF, old.precision());
      case GREATER -> NumFact.range(-INF, k, old.precision());
      case GREATER_EQUALS -> NumFact.range(-INF, Math.nextDown(k), old.precision());
      default -> null;
    };
    return passed == null ? null : old.restrict(passed.join(NumFact.nan(old.precision())));
  }

  /** The statement before the {@code if} in its block writes the same element ({@code v[i] = ...}). */
  private static boolean computedJustBefore(IfStmt test, ArrayAccessExpr access) {
    if (!(test.getParentNode().orElse(null) instanceof BlockStmt block)) {
      return false;
    }
    int at = block.getStatements().indexOf(test);
    for (int i = at - 1; i >= 0; i--) {
      Statement before = block.getStatements().get(i);
      if (before instanceof com.github.javaparser.ast.stmt.ExpressionStmt es && es.getExpression() instanceof AssignExpr a
          && a.getOperator() == AssignExpr.Operator.ASSIGN) {
        if (a.getTarget().toString().equals(access.toString())) {
          return true;
        }
        continue; // other element writes of the same iteration
      }
      return false;
    }
    return false;
  }

  /** {@code p} now holds {@code value}, computed by {@code valueExpr} (null if none: an increment). */
  Store bind(AccessPath p, NumFact value, Expression valueExpr, Store before) {
    Store after = p.segments().isEmpty() ? before.assign(p, value)
        : before.killIf(q -> q.mentions(p.last())).assign(p, value);
    if (valueExpr == null) {
      return after;
    }
    Store made = copied(p, valueExpr, created(p, unwrap(valueExpr), value, before, after));
    return offset(p, valueExpr, value, before, made);
  }

  /** A new array or empty collection stored in {@code p}: its length and elements are known. */
  private Store created(AccessPath p, Expression value, NumFact fact, Store before, Store after) {
    if (value instanceof ObjectCreationExpr o && o.getArguments().isEmpty()
        && EMPTY_COLLECTIONS.contains(o.getType().getNameAsString())) {
      return after.with(p.dot(AccessPath.SIZE), NumFact.constant(0, Precision.INT).tagged(Tag.LENGTH));
    }
    ArrayInitializerExpr init = null;
    NumFact length = null;
    String elementType = "";
    if (value instanceof ArrayCreationExpr a) {
      init = a.getInitializer().orElse(null);
      if (init == null && a.getLevels().get(0).getDimension().isPresent()) {
        length = factOf(a.getLevels().get(0).getDimension().get(), before)
            .restrict(NumFact.range(0, INF, Precision.UNKNOWN));
      }
      elementType = a.getLevels().size() == 1 ? a.getElementType().asString() : "";
    } else if (value instanceof ArrayInitializerExpr i) {
      init = i;
      String declared = p.segments().isEmpty() ? typeOfPathRoot(value) : "";
      elementType = declared.endsWith("[]") && !declared.endsWith("[][]") ? declared.substring(0, declared.length() - 2) : "";
    }
    NumFact elements = null;
    if (value instanceof MethodCallExpr) { // an array-valued call's fact is its elements' (see CallHandler)
      String declared = p.segments().isEmpty() ? typeOfPathRoot(value) : "";
      elementType = declared.endsWith("[]") && !declared.endsWith("[][]") ? declared.substring(0, declared.length() - 2) : "";
      elements = fact;
    }
    if (init != null) {
      length = NumFact.constant(init.getValues().size(), Precision.INT);
      elements = NumFact.bottom();
      for (Expression v : init.getValues()) {
        elements = elements.join(factOf(v, before));
      }
    } else if (length != null && Precision.ofType(elementType) != Precision.UNKNOWN) {
      elements = NumFact.constant(0, Precision.ofType(elementType)); // new double[n] is all zeros
    }
    Store out = after;
    if (length != null) {
      out = out.with(p.dot("length"), length.tagged(Tag.LENGTH));
    }
    if (elements != null && !elements.isBottom() && Precision.ofType(elementType) != Precision.UNKNOWN) {
      out = out.with(p.elements(), convert(elements, elementType));
    }
    return out;
  }

  /** The declared type of the variable an array initializer initializes ({@code double[] a = {1, 2}}). */
  private static String typeOfPathRoot(Expression init) {
    return init.getParentNode().filter(n -> n instanceof com.github.javaparser.ast.body.VariableDeclarator)
        .map(n -> ((com.github.javaparser.ast.body.VariableDeclarator) n).getType().asString()).orElse("");
  }

  private Result call(MethodCallExpr c, Store s) {
    Store st = s;
    Optional<NumFact> receiver = Optional.empty();
    if (c.getScope().isPresent()) {
      Result r = eval(c.getScope().get(), st);
      st = r.after();
      receiver = Optional.of(r.fact());
    }
    List<NumFact> args = new ArrayList<>();
    List<Optional<AccessPath>> argPaths = new ArrayList<>();
    for (Expression arg : c.getArguments()) {
      Result r = eval(arg, st);
      st = r.after();
      args.add(r.fact());
      argPaths.add(pathOf(arg));
    }
    Call call = new Call(c, receiver, c.getScope().flatMap(this::pathOf), Collections.unmodifiableList(args),
        Collections.unmodifiableList(argPaths), st, this, analysis);
    NumFact fact = pathOf(c).flatMap(st::get).orElse(null); // size() a check narrowed
    for (int i = 0; fact == null && i < handlers.size(); i++) {
      fact = handlers.get(i).returns(call).orElse(null);
    }
    if (fact == null) {
      fact = analysis.facts().summaries().returned(c, args)
          .or(() -> fieldFacts ? analysis.crossFile().returned(c, args) : Optional.empty()) // another file's, at the question
          .orElseGet(() -> declared(c));
    }
    Optional<Expression> measured = measuredBy(c);
    if (measured.isPresent()) {
      fact = lengthRead(fact, c, measured.get());
    }
    if (args.size() == 2 && analysis.api().mathFunction(c).filter("max"::equals).isPresent()) {
      fact = sizesTogether(fact, args.get(0), args.get(1), c); // Math.max(s.length(), t.length())
    }
    if (c.getScope().isPresent() && c.getNameAsString().equals("get") && args.size() == 1 && isList(c.getScope().get())) {
      st = indexedBy(c.getScope().get(), AccessPath.SIZE, args.get(0), st); // list.get(i) returned: size > i
    }
    Effect effect = null;
    for (int i = 0; effect == null && i < handlers.size(); i++) {
      effect = handlers.get(i).effect(call).orElse(null);
    }
    if (effect == null) {
      effect = analysis.facts().summaries().effect(c).orElse(Effect.UNKNOWN);
    }
    Store after = changed(call, effect, st);
    for (CallHandler h : handlers) {
      Optional<Expression> ensured = h.ensures(call);
      if (ensured.isPresent()) { // the call throws unless it holds
        after = refine(ensured.get(), true, after);
        break;
      }
    }
    after = guaranteed(c, argPaths, after);
    return new Result(fact, after);
  }

  /** What a method of this file that returned normally guarantees about the arguments it was passed. */
  private Store guaranteed(MethodCallExpr c, List<Optional<AccessPath>> argPaths, Store s) {
    Store out = s;
    for (Map.Entry<Integer, Map<String, NumFact>> arg : analysis.facts().summaries().guarantees(c).entrySet()) {
      Optional<AccessPath> path = argPaths.get(arg.getKey());
      if (path.isEmpty() || path.get().isDifference()) {
        continue;
      }
      for (Map.Entry<String, NumFact> bound : arg.getValue().entrySet()) {
        AccessPath target = bound.getKey().isEmpty() ? path.get() : path.get().dot(bound.getKey());
        NumFact known = out.get(target).map(old -> old.restrict(bound.getValue())).orElse(bound.getValue());
        out = out.with(target, known);
      }
    }
    return out;
  }

  /** {@code c} as a handler sees it when it is only read (a check in a condition), its operands evaluated in {@code s}. */
  Call callFor(MethodCallExpr c, Store s) {
    Optional<NumFact> receiver = c.getScope().map(e -> factOf(e, s));
    List<NumFact> args = new ArrayList<>();
    List<Optional<AccessPath>> paths = new ArrayList<>();
    for (Expression arg : c.getArguments()) {
      args.add(factOf(arg, s));
      paths.add(pathOf(arg));
    }
    return new Call(c, receiver, c.getScope().flatMap(this::pathOf), Collections.unmodifiableList(args),
        Collections.unmodifiableList(paths), s, this, analysis);
  }

  /** What a call may have changed in place is forgotten. */
  private Store changed(Call call, Effect effect, Store s) {
    Store out = s;
    if (effect.receiver()) {
      Optional<Expression> scope = call.expr().getScope();
      if (scope.isEmpty() || scope.get() instanceof ThisExpr || scope.get() instanceof SuperExpr) {
        out = out.killIf(p -> p.hasRoot("this")); // a method of this object may change its fields
      } else if (call.receiverPath().isPresent()) {
        out = forgetObject(call.receiverPath().get(), scope.get(), out, effect.keepsSizes());
      }
    }
    for (int i = 0; i < call.arity(); i++) {
      if (effect.changesArgument(i, call.arity())) {
        if (call.argumentExpr(i) instanceof ThisExpr) {
          out = out.killIf(p -> p.hasRoot("this"));
        } else if (call.argumentPaths().get(i).isPresent()) {
          out = forgetObject(call.argumentPaths().get(i).get(), call.argumentExpr(i), out, effect.keepsSizes());
        }
      }
    }
    for (Effect.Update u : effect.updates()) { // what the handler knows the call left behind
      out = u.strong() ? out.assign(u.path(), u.fact()) : out.assignSome(u.path(), u.fact());
    }
    return out;
  }

  /**
   * What a call that may change the object {@code e} (at {@code p}) leaves known: nothing below p, and
   * nothing of p itself unless it is a number (a number cannot change; an object's own fact is its
   * elements', as for an INDArray, which it can). An array's length never changes, and a call that only
   * moves or replaces elements ({@code keepsSizes}) leaves a collection's size as it was.
   */
  private Store forgetObject(AccessPath p, Expression e, Store s, boolean keepsSizes) {
    boolean array = isArray(e);
    boolean number = Precision.ofType(analysis.types().typeOf(e)) != Precision.UNKNOWN;
    AccessPath kept = array || keepsSizes ? sizeOf(p, e) : null;
    if (kept == null) {
      return number ? s.killBelow(p) : s.kill(p);
    }
    return s.killIf(q -> (number ? q.isBelow(p) : q.dependsOn(p)) && !q.isSizeOf(kept));
  }

  /** The path of the length of the array, or the size of the collection, {@code e} at {@code p}. */
  AccessPath sizeOf(AccessPath p, Expression e) {
    return p.dot(isArray(e) ? "length" : AccessPath.SIZE);
  }

  private boolean isArray(Expression e) {
    return analysis.types().typeOf(e).endsWith("[]");
  }

  /** Assignment and cast conversion to the Java type {@code type} ("" when unknown: no conversion). */
  public NumFact convert(NumFact value, String type) {
    Precision p = Precision.ofType(type);
    if (p == Precision.UNKNOWN) {
      return value;
    }
    NumFact converted = Arith.convert(value, p);
    NumFact range = NumFact.ofType(type);
    if (p == Precision.INT && (converted.lo() < range.lo() || converted.hi() > range.hi())) {
      return range; // a narrowing to short, byte or char wraps
    }
    return converted;
  }

  private static Map<String, NumFact> libraryConstants() {
    Map<String, NumFact> m = new java.util.HashMap<>();
    for (String prefix : new String[] {"", "java.lang."}) {
      m.put(prefix + "Double.MAX_VALUE", NumFact.constant(Double.MAX_VALUE));
      m.put(prefix + "Double.MIN_VALUE", NumFact.constant(Double.MIN_VALUE));
      m.put(prefix + "Double.MIN_NORMAL", NumFact.constant(Double.MIN_NORMAL));
      m.put(prefix + "Double.POSITIVE_INFINITY", NumFact.constant(INF));
      m.put(prefix + "Double.NEGATIVE_INFINITY", NumFact.constant(-INF));
      m.put(prefix + "Double.NaN", NumFact.nan(Precision.DOUBLE));
      m.put(prefix + "Float.MAX_VALUE", NumFact.constant(Float.MAX_VALUE, Precision.FLOAT));
      m.put(prefix + "Float.MIN_VALUE", NumFact.constant(Float.MIN_VALUE, Precision.FLOAT));
      m.put(prefix + "Float.MIN_NORMAL", NumFact.constant(Float.MIN_NORMAL, Precision.FLOAT));
      m.put(prefix + "Float.POSITIVE_INFINITY", NumFact.constant(INF, Precision.FLOAT));
      m.put(prefix + "Float.NEGATIVE_INFINITY", NumFact.constant(-INF, Precision.FLOAT));
      m.put(prefix + "Float.NaN", NumFact.nan(Precision.FLOAT));
      m.put(prefix + "Integer.MAX_VALUE", NumFact.constant(Integer.MAX_VALUE, Precision.INT));
      m.put(prefix + "Integer.MIN_VALUE", NumFact.constant(Integer.MIN_VALUE, Precision.INT));
      m.put(prefix + "Long.MAX_VALUE", NumFact.constant(Long.MAX_VALUE, Precision.LONG));
      m.put(prefix + "Long.MIN_VALUE", NumFact.constant(Long.MIN_VALUE, Precision.LONG));
      m.put(prefix + "Math.PI", NumFact.constant(Math.PI));
      m.put(prefix + "Math.E", NumFact.constant(Math.E));
    }
    // ND4J's comparison threshold (1e-5): a public static field a program may change, but never to 0 or below
    m.put("Nd4j.EPS_THRESHOLD", NumFact.of(Double.MIN_VALUE, INF, false, false, false, Precision.DOUBLE));
    m.put("org.nd4j.linalg.factory.Nd4j.EPS_THRESHOLD", m.get("Nd4j.EPS_THRESHOLD"));
    return Map.copyOf(m);
  }
}
