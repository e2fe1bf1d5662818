package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.nanlint.analysis.facts.AccessPath;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumFact.Precision;
import dev.nanlint.analysis.facts.NumericTransfer;
import dev.nanlint.analysis.facts.Store;
import dev.nanlint.analysis.flow.FlowResult;
import dev.nanlint.analysis.flow.ForwardAnalysis;
import dev.nanlint.analysis.models.Effect;
import dev.nanlint.engine.FileNodes;
import dev.nanlint.engine.Nodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one file's own methods return and what its fields hold, for the facts of the code that uses
 * them: the numeric analysis crossing method boundaries inside a compilation unit (issue 15, item 1).
 *
 * <p><b>Method summaries.</b> A call resolves to a method of this file by name, arity and receiver
 * (unqualified or {@code this.}: the innermost enclosing class that declares the name; {@code Name.m()}
 * for a class of this file); overloads of one arity are told apart only by exact declared types. The
 * fact of the call is the join of the facts of every {@code return} of the callee, from its flow
 * analysis with parameters unknown (the flow {@link Facts} keeps for rules anyway); a method of more than
 * {@value #MAX_SUMMARISED_STATEMENTS} statements is not summarised. When that summary can be 0 or below, a
 * small callee without loops is analysed again with the argument facts bound to its parameters. Numbers, numeric
 * arrays (the fact of their elements, as for any array-valued call) and INDArrays are summarised.
 *
 * <p><b>Field facts.</b> A private or final numeric field holds the join of every value written to it in
 * the file (where each write happens, so a write after a validation that throws carries the validated
 * range), its initializer, and 0 unless its initializer or every constructor sets it. A field written
 * through another object ({@code other.f = ...}), decremented or compound-assigned otherwise is unknown. Used for
 * reads the flow store knows nothing of, outside the constructors and initializers that may run before
 * the write. A field only ever increased ({@code count++}, {@code total += w} with {@code w >= 0}) keeps
 * the least value it starts at.
 *
 * <p>Memoised per file; a cycle (recursion, a field computed from itself) or more than {@value #MAX_DEPTH}
 * nested summaries reads as unknown. Tags travel with a summary; its evidence is replaced by one reason
 * that names the method or field and, after a colon, the callee's own reasons.
 */
public final class Summaries {
  private static final int MAX_DEPTH = 4;
  /** A callee re-analysed with its arguments has no loop and at most this many statements. */
  private static final int MAX_SUBSTITUTED_STATEMENTS = 12;
  /**
   * A longer method is not summarised (its flow is the costly part, and a long method seldom returns a
   * fact sharper than its type: measured on the tuning corpus, docs/analysis-v2.md).
   */
  private static final int MAX_SUMMARISED_STATEMENTS = 50;
  private static final int MAX_REASONS = 2;

  private final Facts facts;
  private final Analysis analysis;
  private final NumericTransfer transfer;
  private final Map<MethodDeclaration, NumFact> returns = new IdentityHashMap<>();
  private final Map<MethodCallExpr, Map<List<NumFact>, NumFact>> bound = new IdentityHashMap<>();
  private final Map<VariableDeclarator, Optional<NumFact>> fields = new IdentityHashMap<>();
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<MethodDeclaration, Optional<Effect>> effects = new IdentityHashMap<>();
  private final Map<MethodDeclaration, Map<Integer, Map<String, NumFact>>> guaranteed = new IdentityHashMap<>();
  private Map<String, List<Expression>> writesByName;
  private final Map<MethodDeclaration, Integer> statementCounts = new IdentityHashMap<>();

  Summaries(Facts facts, Analysis analysis, NumericTransfer transfer) {
    this.facts = facts;
    this.analysis = analysis;
    this.transfer = transfer;
  }

  // ---- method summaries ----------------------------------------------------------------------------

  /**
   * The fact {@code call} returns when it resolves to a method of this file, with {@code args} the
   * facts of its arguments where it is evaluated; empty when it does not resolve, or the method returns
   * no number, numeric array or INDArray.
   */
  public Optional<NumFact> returned(MethodCallExpr call, List<NumFact> args) {
    Optional<MethodDeclaration> resolved = resolve(call);
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    MethodDeclaration m = resolved.get();
    Optional<NumFact> generic = returnedBy(m);
    if (generic.isEmpty() || !(generic.get().canBeNonPositive() || generic.get().canBeNaN()) || !substitutable(m, args)) {
      return generic; // nothing the arguments could sharpen, or a callee too big to analyse again
    }
    Shape shape = Shape.of(m.getType().asString());
    if (shape == Shape.OTHER || inProgress.contains(m) || inProgress.size() >= MAX_DEPTH) {
      return Optional.empty();
    }
    inProgress.add(m);
    try {
      Map<List<NumFact>, NumFact> byArgs = bound.computeIfAbsent(call, c -> new HashMap<>());
      NumFact withArgs = byArgs.get(args);
      if (withArgs == null) {
        withArgs = summarize(m, shape, ForwardAnalysis.run(facts.flowOf(m).cfg(), transfer.withParameters(m, args)));
        byArgs.put(List.copyOf(args), withArgs);
      }
      return Optional.of(explained(withArgs, m.getNameAsString() + "(...) returns", m));
    } finally {
      inProgress.remove(m);
    }
  }

  /** The statements of {@code m}'s body, counted once: every call of {@code m} the flow evaluates asks. */
  private int statementCount(MethodDeclaration m) {
    return statementCounts.computeIfAbsent(m, k -> Nodes.all(k.getBody().get(), Statement.class).size());
  }

  /**
   * What {@code m}, a method of this file, returns with its parameters unknown: the summary a project index
   * would keep for callers in other files. Empty when it returns no number, numeric array or INDArray.
   */
  public Optional<NumFact> returnedBy(MethodDeclaration m) {
    Shape shape = Shape.of(m.getType().asString());
    if (shape == Shape.OTHER || m.getBody().isEmpty() || inProgress.contains(m) || inProgress.size() >= MAX_DEPTH
        || statementCount(m) > MAX_SUMMARISED_STATEMENTS) {
      return Optional.empty();
    }
    inProgress.add(m);
    try {
      NumFact fact = returns.get(m);
      if (fact == null) {
        fact = summarize(m, shape, facts.flowOf(m));
        returns.put(m, fact);
      }
      return Optional.of(explained(fact, m.getNameAsString() + "(...) returns", m));
    } finally {
      inProgress.remove(m);
    }
  }

  /** Numbers, numeric arrays (their elements' fact) and INDArrays (their elements' fact) are summarised. */
  private enum Shape {
    NUMBER, ARRAY, INDARRAY, OTHER;

    static Shape of(String type) {
      if (Precision.ofType(type) != Precision.UNKNOWN) {
        return NUMBER;
      }
      if (type.endsWith("[]") && !type.endsWith("[][]")
          && Precision.ofType(type.substring(0, type.length() - 2)) != Precision.UNKNOWN) {
        return ARRAY;
      }
      return type.equals("INDArray") ? INDARRAY : OTHER;
    }
  }

  /** The join of what every reachable {@code return} of {@code m} returns in {@code flow}. */
  private NumFact summarize(MethodDeclaration m, Shape shape, FlowResult<Store> flow) {
    NumFact joined = NumFact.bottom();
    for (ReturnStmt r : Nodes.all(m.getBody().orElseThrow(), ReturnStmt.class)) {
      if (!flow.cfg().isElement(r) || !flow.reachable(r)) {
        continue; // a lambda's or local class's return, or dead code
      }
      if (r.getExpression().isEmpty()) {
        return NumFact.top();
      }
      Expression e = r.getExpression().get();
      NumFact f = null;
      if (shape == Shape.ARRAY) { // a named array: what its elements hold here
        Store before = flow.before(r);
        f = transfer.evaluator().pathOf(unwrap(e)).filter(p -> !p.isDifference())
            .flatMap(p -> before.get(p.elements())).orElse(null);
      }
      joined = joined.join(f != null ? f : transfer.factAt(e, r, flow.before(r)));
    }
    if (joined.isBottom()) {
      return NumFact.top(); // never returns normally: nothing to tell the caller
    }
    return shape == Shape.NUMBER ? transfer.evaluator().convert(joined, m.getType().asString()) : joined;
  }

  /**
   * A small callee without loops, and without calls to its own class (which would analyse them again too),
   * called with some argument known better than its parameter's type.
   */
  private static boolean substitutable(MethodDeclaration m, List<NumFact> args) {
    if (m.getParameters().size() != args.size() || args.isEmpty()) {
      return false;
    }
    boolean sharper = false;
    for (int i = 0; i < args.size(); i++) {
      String type = m.getParameter(i).getType().asString();
      sharper |= Precision.ofType(type) != Precision.UNKNOWN && !args.get(i).equals(NumFact.ofType(type));
    }
    if (!sharper) {
      return false;
    }
    BlockStmt body = m.getBody().orElseThrow();
    List<Statement> statements = Nodes.all(body, Statement.class);
    return statements.size() <= MAX_SUBSTITUTED_STATEMENTS && statements.stream().noneMatch(
        s -> s instanceof ForStmt || s instanceof ForEachStmt || s instanceof WhileStmt || s instanceof DoStmt)
        && !Nodes.any(body, MethodCallExpr.class, c -> c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr);
  }

  /**
   * What a method of this file guarantees about its arguments when it returns normally: the bounds its
   * checks that throw leave on a parameter it never assigns ({@code if (n <= 0) throw ...}: n >= 1), and on
   * such a parameter's length or size ({@code if (xs.isEmpty()) throw ...}). From the callee's own flow, at
   * its normal exit. Keyed by argument index, then by "" (a number's value), "length" or "size()".
   */
  public Map<Integer, Map<String, NumFact>> guarantees(MethodCallExpr call) {
    Optional<MethodDeclaration> resolved = resolve(call);
    if (resolved.isEmpty()) {
      return Map.of();
    }
    MethodDeclaration m = resolved.get();
    Map<Integer, Map<String, NumFact>> known = guaranteed.get(m);
    if (known != null) {
      return known;
    }
    if (m.getBody().isEmpty() || inProgress.contains(m) || inProgress.size() >= MAX_DEPTH) {
      return Map.of();
    }
    BlockStmt body = m.getBody().get();
    if (!Nodes.any(body, com.github.javaparser.ast.stmt.ThrowStmt.class, t -> true)
        || statementCount(m) > MAX_SUMMARISED_STATEMENTS) {
      guaranteed.put(m, Map.of()); // only a check that throws guarantees anything; a long method is not analysed
      return Map.of();
    }
    inProgress.add(m);
    try {
      Store exit = facts.flowOf(m).atExit();
      Map<Integer, Map<String, NumFact>> out = new HashMap<>();
      for (int i = 0; exit.isReachable() && i < m.getParameters().size(); i++) {
        Parameter p = m.getParameter(i);
        String name = p.getNameAsString();
        if (p.isVarArgs() || !Flow.writes(body, name).isEmpty()) {
          continue;
        }
        Map<String, NumFact> bounds = new HashMap<>();
        AccessPath param = AccessPath.local(name);
        if (Precision.ofType(p.getType().asString()) != Precision.UNKNOWN) {
          exit.get(param).ifPresent(f -> bounds.put("", f));
        }
        for (String size : List.of("length", AccessPath.SIZE)) {
          exit.get(param.dot(size)).ifPresent(f -> bounds.put(size, f));
        }
        if (!bounds.isEmpty()) {
          out.put(i, Map.copyOf(bounds));
        }
      }
      guaranteed.put(m, Map.copyOf(out));
      return guaranteed.get(m);
    } finally {
      inProgress.remove(m);
    }
  }

  /**
   * What {@code call} may change, when it resolves to a method of this file that only reads the
   * collections and arrays it is passed (their sizes, elements and iteration): those keep their size and
   * elements; anything else passed may change, and so may the fields of this. Empty when it does not
   * resolve, or the method may write, resize or hand on one of them.
   */
  public Optional<Effect> effect(MethodCallExpr call) {
    Optional<MethodDeclaration> m = resolve(call);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    return effects.computeIfAbsent(m.get(), Summaries::readsItsContainers);
  }

  private static Optional<Effect> readsItsContainers(MethodDeclaration m) {
    Set<Integer> others = new java.util.HashSet<>();
    boolean anyContainer = false;
    for (int i = 0; i < m.getParameters().size(); i++) {
      Parameter p = m.getParameter(i);
      String type = p.getType().asString();
      if (Precision.ofType(type) != Precision.UNKNOWN) {
        continue; // a number cannot change
      }
      if (!isContainer(p)) {
        others.add(i);
        continue;
      }
      anyContainer = true;
      String name = p.getNameAsString();
      for (NameExpr use : Nodes.all(m.getBody().get(), NameExpr.class, n -> n.getNameAsString().equals(name))) {
        if (!onlyReads(use)) {
          return Optional.empty();
        }
      }
    }
    return anyContainer ? Optional.of(new Effect(true, others, false)) : Optional.empty();
  }

  private static final Set<String> CONTAINERS = Set.of("List", "ArrayList", "LinkedList", "Collection", "Set",
      "HashSet", "TreeSet", "Vector");
  /** Calls that read a collection (or map) without changing it. */
  private static final Set<String> READS = Set.of("size", "get", "getOrDefault", "isEmpty", "contains",
      "containsKey", "containsAll", "indexOf", "lastIndexOf", "getFirst", "getLast", "stream", "toArray", "equals",
      "hashCode");

  private static boolean isContainer(Parameter p) {
    if (p.getType().isArrayType()) {
      return true;
    }
    String type = p.getType().asString();
    int generic = type.indexOf('<');
    String raw = generic < 0 ? type : type.substring(0, generic);
    return CONTAINERS.contains(raw.startsWith("java.util.") ? raw.substring("java.util.".length()) : raw);
  }

  /** {@code use} of a local or parameter only reads it: a reading method, an element read, its length, a for-each. */
  static boolean onlyReads(NameExpr use) {
    Node parent = use.getParentNode().orElse(null);
    if (parent instanceof MethodCallExpr c && c.getScope().filter(sc -> sc == use).isPresent()) {
      return READS.contains(c.getNameAsString()); // a view (subList, iterator) could change it later
    }
    if (parent instanceof com.github.javaparser.ast.expr.ArrayAccessExpr a && a.getName() == use) {
      return isOnlyRead(a);
    }
    if (parent instanceof FieldAccessExpr f && f.getNameAsString().equals("length")) {
      return true;
    }
    return parent instanceof ForEachStmt f && f.getIterable() == use;
  }

  /** An element read that is not written through ({@code a[i] = ...}, {@code a[i]++}). */
  private static boolean isOnlyRead(Expression e) {
    Node parent = e.getParentNode().orElse(null);
    if (parent instanceof AssignExpr as && as.getTarget() == e) {
      return false;
    }
    return !(parent instanceof UnaryExpr u && Flow.isStep(u.getOperator()));
  }

  /**
   * The method of this file {@code call} calls: by name and arity in the innermost enclosing class that
   * declares the name (a class that does not, but could inherit it, ends the search), or in the class
   * of this file a static call names.
   */
  public Optional<MethodDeclaration> resolve(MethodCallExpr call) {
    String name = call.getNameAsString();
    List<MethodDeclaration> declared = null;
    Optional<Expression> scope = call.getScope().map(Summaries::unwrap);
    if (scope.isPresent() && scope.get() instanceof NameExpr type
        && Character.isUpperCase(type.getNameAsString().charAt(0))) { // a class, by Java's naming convention
      declared = classNamed(call, type.getNameAsString()).map(t -> t.getMethodsByName(name).stream()
          .filter(MethodDeclaration::isStatic).toList()).orElse(null);
    } else if (scope.isEmpty() || scope.get() instanceof ThisExpr t && t.getTypeName().isEmpty()) {
      boolean innermostOnly = scope.isPresent();
      for (Node p = call.getParentNode().orElse(null); p != null && declared == null; p = p.getParentNode().orElse(null)) {
        if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
          declared = methodsNamed(o.getAnonymousClassBody().get(), name);
          if (declared.isEmpty()) {
            return Optional.empty(); // may be inherited from the anonymous class's supertype
          }
        } else if (p instanceof TypeDeclaration<?> t) {
          declared = t.getMethodsByName(name);
          boolean inherits = t instanceof ClassOrInterfaceDeclaration c
              && (!c.getExtendedTypes().isEmpty() || !c.getImplementedTypes().isEmpty());
          if (declared.isEmpty() && (inherits || innermostOnly)) {
            return Optional.empty();
          }
          if (declared.isEmpty()) {
            declared = null; // go on to the enclosing class
          }
        }
      }
    }
    if (declared == null) {
      return Optional.empty();
    }
    List<MethodDeclaration> candidates = declared.stream()
        .filter(m -> m.getParameters().size() == call.getArguments().size() && m.getBody().isPresent()
            && m.getParameters().stream().noneMatch(Parameter::isVarArgs))
        .toList();
    if (candidates.size() > 1) { // overloads of one arity: only the exact declared types tell them apart
      candidates = candidates.stream().filter(m -> exactTypes(m, call)).toList();
    }
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  private boolean exactTypes(MethodDeclaration m, MethodCallExpr call) {
    for (int i = 0; i < call.getArguments().size(); i++) {
      if (!analysis.types().typeOf(call.getArgument(i)).equals(m.getParameter(i).getType().asString())) {
        return false;
      }
    }
    return true;
  }

  private static List<MethodDeclaration> methodsNamed(List<BodyDeclaration<?>> members, String name) {
    List<MethodDeclaration> out = new ArrayList<>();
    for (BodyDeclaration<?> b : members) {
      if (b instanceof MethodDeclaration m && m.getNameAsString().equals(name)) {
        out.add(m);
      }
    }
    return out;
  }

  private static Optional<TypeDeclaration<?>> classNamed(Node from, String name) {
    List<TypeDeclaration<?>> named = new ArrayList<>();
    from.findCompilationUnit().ifPresent(cu -> FileNodes.of(cu).all(TypeDeclaration.class).stream()
        .filter(t -> t.getNameAsString().equals(name)).forEach(named::add));
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty(); // two classes of one name: unknown
  }

  // ---- field facts ---------------------------------------------------------------------------------

  /**
   * What the field {@code read} ({@code f} or {@code this.f}) can hold, from every write to it in the
   * file; empty when it is not a private or final numeric field of this file, is written where the
   * analysis cannot follow, or the read may run before the field is set (a constructor, an initializer).
   */
  public Optional<NumFact> field(Expression read) {
    if (read instanceof ArrayAccessExpr element) {
      return elements(element);
    }
    Optional<VariableDeclarator> v = fieldOf(read);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    VariableDeclarator variable = v.get();
    FieldDeclaration declaration = (FieldDeclaration) variable.getParentNode().orElseThrow();
    TypeDeclaration<?> owner = declaration.findAncestor(TypeDeclaration.class).orElse(null);
    if (owner == null || Precision.ofType(variable.getType().asString()) == Precision.UNKNOWN
        || !(declaration.isPrivate() || declaration.isFinal()) || mayRunBeforeSet(read, owner)) {
      return Optional.empty();
    }
    return once(variable, () -> fieldFact(variable, declaration, owner));
  }

  /**
   * The fact of {@code variable}'s field (or of its elements), computed once; empty while it is being computed (a
   * write that reads the field itself) or too deep in a chain of fields.
   */
  private Optional<NumFact> once(VariableDeclarator variable, java.util.function.Supplier<Optional<NumFact>> compute) {
    if (fields.containsKey(variable)) {
      return fields.get(variable);
    }
    if (inProgress.contains(variable) || inProgress.size() >= MAX_DEPTH) {
      return Optional.empty();
    }
    inProgress.add(variable);
    try {
      Optional<NumFact> fact = compute.get();
      fields.put(variable, fact);
      return fact;
    } finally {
      inProgress.remove(variable);
    }
  }

  private Optional<NumFact> fieldFact(VariableDeclarator v, FieldDeclaration declaration, TypeDeclaration<?> owner) {
    String type = v.getType().asString();
    String name = v.getNameAsString();
    NumFact joined;
    if (v.getInitializer().isPresent()) {
      joined = transfer.evaluator().factOf(v.getInitializer().get(), Store.empty());
    } else if (setByEveryConstructor(v, declaration, owner)) {
      joined = NumFact.bottom();
    } else {
      joined = NumFact.constant(0, Precision.ofType(type)).because(name + " is 0 until it is first set", v);
    }
    Node increased = null;
    for (Expression target : writes(v).getOrDefault(name, List.of())) {
      Write w = write(target, v, owner);
      if (w == Write.OTHER) {
        continue;
      }
      if (w == Write.UNKNOWN) {
        return Optional.empty();
      }
      Node parent = target.getParentNode().orElseThrow();
      if (w == Write.INCREMENT) {
        increased = parent;
        continue;
      }
      AssignExpr a = (AssignExpr) parent;
      NumFact value = facts.at(a.getValue());
      if (w == Write.ADD) { // f += value: never lowers f when value is never negative
        if (value.canBeNegative() || value.canBeNaN()) {
          return Optional.empty();
        }
        increased = a;
        continue;
      }
      joined = joined.join(explained(value, name + " is set" + where(a) + " to", a));
    }
    if (joined.isBottom()) {
      return Optional.empty();
    }
    if (increased != null) { // from any value it starts at, up to any value above
      NumFact up = NumFact.range(joined.lo(), Double.POSITIVE_INFINITY, Precision.ofType(type));
      joined = joined.join(joined.canBeZero()
          ? up.because(name + " starts at 0 and is only increased" + where(increased), increased) : up);
    }
    return Optional.of(transfer.evaluator().convert(joined, type));
  }

  /**
   * What an element of the array field {@code read} names ({@code f[i]}, {@code this.f[i]}) can hold, from every
   * use of the field in the file: element writes ({@code f[i] = v}; {@code f[i] += v} with v never negative;
   * {@code f[i]++}) and fresh arrays ({@code f = new double[n]}), whose zeros count only when no element is ever
   * set outright (an accumulator: a count, a sum). The array filled from the data in fit() and read in
   * transform(). Empty when the field is not a private or final one-dimensional numeric array, or when the code
   * lets it out of sight (passes, returns or aliases it, sets it to another array, lowers an element).
   */
  private Optional<NumFact> elements(ArrayAccessExpr read) {
    Optional<VariableDeclarator> v = fieldOf(unwrap(read.getName()));
    if (v.isEmpty()) {
      return Optional.empty();
    }
    VariableDeclarator variable = v.get();
    FieldDeclaration declaration = (FieldDeclaration) variable.getParentNode().orElseThrow();
    TypeDeclaration<?> owner = declaration.findAncestor(TypeDeclaration.class).orElse(null);
    com.github.javaparser.ast.type.Type type = variable.getType();
    if (owner == null || !(declaration.isPrivate() || declaration.isFinal()) || !type.isArrayType()
        || !type.asArrayType().getComponentType().isPrimitiveType()) {
      return Optional.empty();
    }
    return once(variable, () -> elementFact(variable, owner));
  }

  private Optional<NumFact> elementFact(VariableDeclarator v, TypeDeclaration<?> owner) {
    String component = v.getType().asArrayType().getComponentType().asString();
    String name = v.getNameAsString();
    NumFact set = NumFact.bottom();
    Node zeroed = v.getInitializer().filter(Summaries::isFreshArray).map(i -> (Node) i).orElse(null);
    if (v.getInitializer().isPresent() && zeroed == null) {
      return Optional.empty(); // {1, 2, 3} or another array: not followed
    }
    Node increased = null;
    for (Expression use : fieldUses(v, owner)) {
      Node parent = use.getParentNode().orElseThrow();
      if (parent instanceof ArrayAccessExpr access && access.getName() == use) {
        Node around = access.getParentNode().orElseThrow();
        if (around instanceof AssignExpr a && a.getTarget() == access) {
          NumFact value = facts.at(a.getValue());
          if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
            set = set.join(explained(value, name + "[...] is set" + where(a) + " to", a));
          } else if (a.getOperator() == AssignExpr.Operator.PLUS && !value.canBeNegative() && !value.canBeNaN()) {
            increased = a;
          } else {
            return Optional.empty();
          }
        } else if (around instanceof UnaryExpr u && u.getOperator().name().endsWith("CREMENT")) {
          if (u.getOperator().name().endsWith("DECREMENT")) {
            return Optional.empty();
          }
          increased = u;
        }
        continue; // a read of an element
      }
      if (parent instanceof FieldAccessExpr f && f.getNameAsString().equals("length")) {
        continue;
      }
      if (parent instanceof AssignExpr a && a.getTarget() == use && a.getOperator() == AssignExpr.Operator.ASSIGN
          && isFreshArray(a.getValue())) {
        zeroed = a;
        continue;
      }
      return Optional.empty(); // the array goes where the analysis does not follow it
    }
    NumFact joined = set;
    if (set.isBottom() && zeroed != null) { // never set outright: its zeros stay until counted up
      joined = NumFact.constant(0, Precision.ofType(component)).because(name + " holds 0s from new " + component
          + "[...]" + where(zeroed), zeroed);
    }
    if (joined.isBottom()) {
      return Optional.empty();
    }
    if (increased != null) {
      NumFact up = NumFact.range(joined.lo(), Double.POSITIVE_INFINITY, Precision.ofType(component));
      joined = joined.join(joined.canBeZero()
          ? up.because(name + "[...] starts at 0 and is only increased" + where(increased), increased) : up);
    }
    return Optional.of(transfer.evaluator().convert(joined, component));
  }

  /** {@code new double[n]}: an array of zeros. */
  private static boolean isFreshArray(Expression e) {
    return unwrap(e) instanceof com.github.javaparser.ast.expr.ArrayCreationExpr c && c.getInitializer().isEmpty()
        && c.getLevels().size() == 1;
  }

  /**
   * Every use of the field {@code v} in the file, as the expression naming it ({@code f} or {@code this.f});
   * a use through another object ({@code other.f}) is returned too, so that the caller sees it escapes.
   */
  private List<Expression> fieldUses(VariableDeclarator v, TypeDeclaration<?> owner) {
    String name = v.getNameAsString();
    List<Expression> uses = new ArrayList<>();
    FileNodes nodes = FileNodes.of(owner.findCompilationUnit().orElseThrow());
    for (NameExpr n : nodes.all(NameExpr.class)) {
      if (n.getNameAsString().equals(name)
          && analysis.declarations().find(n, name).filter(d -> d.node() == v).isPresent()) {
        uses.add(n);
      }
    }
    for (FieldAccessExpr f : nodes.all(FieldAccessExpr.class)) {
      if (f.getNameAsString().equals(name)) {
        uses.add(f); // this.f resolves to v only in its own class; anything else escapes, conservatively
      }
    }
    return uses;
  }

  private static String where(Node write) {
    return write.findAncestor(MethodDeclaration.class).map(m -> " in " + m.getNameAsString() + "()")
        .orElse(write.findAncestor(ConstructorDeclaration.class).isPresent() ? " in the constructor" : "");
  }

  /** A write to the field: set outright, increased by a value ({@code +=}), or incremented ({@code ++}). */
  private enum Write { ASSIGN, ADD, INCREMENT, OTHER, UNKNOWN }

  /**
   * Whether the write target {@code target} (named like {@code v}) writes {@code v}, through its simple
   * name or {@code this.}, or a static {@code Owner.f}, and how. Any other compound assignment, a
   * decrement, or a write through another object is UNKNOWN (the analysis does not follow it).
   */
  private Write write(Expression target, VariableDeclarator v, TypeDeclaration<?> owner) {
    boolean ours;
    if (target instanceof NameExpr n) {
      ours = analysis.declarations().find(n, n.getNameAsString()).filter(d -> d.node() == v).isPresent();
    } else if (target instanceof FieldAccessExpr f) {
      Expression scope = unwrap(f.getScope());
      ours = scope instanceof ThisExpr t ? t.getTypeName().map(tn -> tn.getIdentifier().equals(owner.getNameAsString()))
          .orElseGet(() -> innermostType(f) == owner)
          : scope instanceof NameExpr n && n.getNameAsString().equals(owner.getNameAsString());
      if (!ours) {
        return Write.UNKNOWN; // other.f = ...: maybe this field of another instance
      }
    } else {
      return Write.OTHER;
    }
    if (!ours) {
      return Write.OTHER;
    }
    Node parent = target.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr) {
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof AssignExpr a && unwrap(a.getTarget()) == target) {
      return a.getOperator() == AssignExpr.Operator.ASSIGN ? Write.ASSIGN
          : a.getOperator() == AssignExpr.Operator.PLUS ? Write.ADD : Write.UNKNOWN;
    }
    return parent instanceof UnaryExpr u && (u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
        || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT) ? Write.INCREMENT : Write.UNKNOWN;
  }

  /** Every write target of the file (assignments and increments) that is a name or a field access, by name. */
  private Map<String, List<Expression>> writes(Node from) {
    if (writesByName == null) {
      writesByName = new HashMap<>();
      FileNodes nodes = FileNodes.of(from.findCompilationUnit().orElseThrow());
      for (AssignExpr a : nodes.all(AssignExpr.class)) {
        addWrite(unwrap(a.getTarget()));
      }
      for (UnaryExpr u : nodes.all(UnaryExpr.class)) {
        if (u.getOperator().name().endsWith("CREMENT")) {
          addWrite(unwrap(u.getExpression()));
        }
      }
    }
    return writesByName;
  }

  private void addWrite(Expression target) {
    String name = target instanceof NameExpr n ? n.getNameAsString()
        : target instanceof FieldAccessExpr f ? f.getNameAsString() : null;
    if (name != null) {
      writesByName.computeIfAbsent(name, k -> new ArrayList<>()).add(target);
    }
  }

  /** A field is set by every constructor when each one sets it in a statement of its own body, or calls this(...). */
  private static boolean setByEveryConstructor(VariableDeclarator v, FieldDeclaration declaration, TypeDeclaration<?> owner) {
    if (declaration.isStatic()) {
      return false; // set in a static initializer at best; not followed
    }
    List<ConstructorDeclaration> constructors = owner.getConstructors();
    if (constructors.isEmpty()) {
      return false;
    }
    for (ConstructorDeclaration c : constructors) {
      boolean sets = false;
      for (Statement s : c.getBody().getStatements()) {
        sets |= s instanceof ExplicitConstructorInvocationStmt call && call.isThis();
        sets |= s instanceof ExpressionStmt es && es.getExpression() instanceof AssignExpr a
            && names(unwrap(a.getTarget()), v);
      }
      if (!sets) {
        return false;
      }
    }
    return true;
  }

  private static boolean names(Expression target, VariableDeclarator v) {
    String name = v.getNameAsString();
    return target instanceof NameExpr n && n.getNameAsString().equals(name)
        || target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr && f.getNameAsString().equals(name);
  }

  /** The field a read names ({@code f} resolving to a field, or {@code this.f} of the enclosing class). */
  private Optional<VariableDeclarator> fieldOf(Expression read) {
    Optional<Node> node;
    if (read instanceof NameExpr n) {
      node = analysis.declarations().find(n, n.getNameAsString())
          .filter(d -> d.kind() == Declarations.Kind.FIELD).map(Declarations.Declaration::node);
    } else if (read instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr t && t.getTypeName().isEmpty()) {
      TypeDeclaration<?> type = innermostType(f);
      node = type == null ? Optional.empty() : type.getFieldByName(f.getNameAsString())
          .flatMap(fd -> fd.getVariables().stream().filter(v -> v.getNameAsString().equals(f.getNameAsString()))
              .<Node>map(v -> v).findFirst());
    } else {
      return Optional.empty();
    }
    return node.filter(VariableDeclarator.class::isInstance).map(VariableDeclarator.class::cast)
        .filter(v -> v.getParentNode().filter(FieldDeclaration.class::isInstance).isPresent());
  }

  /** The innermost class around {@code node}; null inside an anonymous class (its fields are not followed). */
  private static TypeDeclaration<?> innermostType(Node node) {
    for (Node p = node.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        return null;
      }
      if (p instanceof TypeDeclaration<?> t) {
        return t;
      }
    }
    return null;
  }

  /** Inside a constructor, initializer or field initializer of {@code owner}: the field may not be set yet. */
  private static boolean mayRunBeforeSet(Node read, TypeDeclaration<?> owner) {
    for (Node p = read.getParentNode().orElse(null); p != null && p != owner; p = p.getParentNode().orElse(null)) {
      if (p instanceof ConstructorDeclaration || p instanceof InitializerDeclaration || p instanceof FieldDeclaration) {
        return true;
      }
    }
    return false;
  }

  // ---- evidence ------------------------------------------------------------------------------------

  /**
   * {@code fact} as the caller sees it: the callee's evidence (nodes of another method, which a rule must
   * not read as its own) folded into one reason naming {@code at} and its line, kept only for a fact a
   * rule may report (it can be 0, negative, NaN or infinite) and that says more than its type; the tags
   * stay.
   */
  private static NumFact explained(NumFact fact, String what, Node at) {
    NumFact plain = fact.withoutEvidence();
    boolean unknown = fact.evidence().isEmpty() && fact.tags().isEmpty()
        && plain.equals(NumFact.top(fact.precision())); // nothing the code shows: no reason to give
    if (!(fact.canBeNonPositive() || fact.canBeNaN() || fact.canBeInfinite()) || unknown) {
      return plain;
    }
    String line = at.getBegin().map(b -> " (line " + b.line + ")").orElse("");
    List<String> reasons = fact.evidence().stream().limit(MAX_REASONS).map(NumFact.Evidence::reason).toList();
    return plain.because(what + " " + describe(fact) + line + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)), at);
  }

  private static String describe(NumFact f) {
    if (f.isProbability()) {
      return "a probability in [0, 1]" + (f.canBeZero() ? " that can be 0" : "");
    }
    if (f.canBeZero()) {
      return "a value that can be 0";
    }
    if (f.canBeNegative()) {
      return "a value that can be negative";
    }
    return f.canBeNaN() ? "a value that can be NaN" : "a value that can be infinite";
  }

  private static Expression unwrap(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) {
      x = en.getInner();
    }
    return x;
  }
}
