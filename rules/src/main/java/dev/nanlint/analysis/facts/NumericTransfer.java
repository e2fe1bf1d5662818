package dev.nanlint.analysis.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.flow.Transfer;
import dev.nanlint.analysis.models.CallHandler;
import dev.nanlint.analysis.models.Handlers;
import dev.nanlint.analysis.models.JavaLangHandler;
import java.util.List;
import java.util.Optional;

/**
 * The numeric analysis as transfer functions over {@link Store}s: what each CFG element does to the
 * facts, and what each condition tells on its edges. One instance serves one file.
 *
 * <p>For a rule: run the engine with this transfer, then, for the element holding an expression of
 * interest, {@code transfer.factAt(expression, element, storeBeforeElement)} gives the fact of the
 * expression where it is evaluated (inside ternary arms and after earlier side effects of the element).
 */
public final class NumericTransfer implements Transfer<Store> {
  private final Evaluator evaluator;

  public NumericTransfer(Analysis analysis) {
    this(analysis, Handlers.builtIn());
  }

  public NumericTransfer(Analysis analysis, List<CallHandler> handlers) {
    this.evaluator = new Evaluator(analysis, handlers, null);
  }

  private NumericTransfer(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  public Evaluator evaluator() {
    return evaluator;
  }

  /** The same transfer reporting every expression it evaluates to {@code observer}. */
  public NumericTransfer observing(Evaluator.Observer observer) {
    return new NumericTransfer(evaluator.observing(observer));
  }

  /**
   * The fact of {@code expression} (a node inside {@code element}) when {@code element} runs from
   * {@code before}; the join where it is evaluated more than once, bottom where it is not evaluated.
   * Here, and only here, a field the store knows nothing of is read from the file's writes to it.
   */
  public NumFact factAt(Expression expression, Node element, Store before) {
    NumFact[] seen = {NumFact.bottom()};
    Evaluator.Observer observer = (e, fact, store) -> {
      if (e == expression) {
        seen[0] = seen[0].join(fact);
      }
    };
    new NumericTransfer(evaluator.observing(observer).withFieldFacts()).apply(element, before);
    return seen[0];
  }

  /**
   * The fact of {@code expression}, which need not be inside any element, evaluated in {@code store} (with
   * field facts, as {@link #factAt}): a definition re-read where its value is used.
   */
  public NumFact evaluate(Expression expression, Store store) {
    return evaluator.withFieldFacts().eval(expression, store).fact();
  }

  /** Parameters hold any value of their declared type; fields are not known (absent). */
  @Override
  public Store entry(Node callable) {
    NodeList<Parameter> params = callable instanceof CallableDeclaration<?> c ? c.getParameters()
        : callable instanceof LambdaExpr l ? l.getParameters() : new NodeList<>();
    Store s = Store.empty();
    for (Parameter p : params) {
      NumFact declared = p.getType().isUnknownType() || p.isVarArgs() ? NumFact.top() : NumFact.ofType(p.getType().asString());
      if (declared.precision() != NumFact.Precision.UNKNOWN) { // numbers only: an object or array is not one
        s = s.assign(AccessPath.local(p.getNameAsString()), declared);
      }
    }
    return s;
  }

  @Override
  public Store unreachable() {
    return Store.unreachable();
  }

  @Override
  public Store apply(Node element, Store before) {
    if (!before.isReachable()) {
      return before;
    }
    if (element instanceof VariableDeclarator v) {
      return declare(v, before);
    }
    if (element instanceof VariableDeclarationExpr vars) {
      Store s = before;
      for (VariableDeclarator v : vars.getVariables()) {
        s = declare(v, s);
      }
      return s;
    }
    if (element instanceof ExpressionStmt es) {
      return apply(es.getExpression(), before);
    }
    if (element instanceof Expression e) { // a statement's expression, a condition, a switch selector
      return evaluator.eval(e, before).after();
    }
    if (element instanceof ReturnStmt r) {
      return r.getExpression().map(e -> evaluator.eval(e, before).after()).orElse(before);
    }
    if (element instanceof ThrowStmt t) {
      return evaluator.eval(t.getExpression(), before).after();
    }
    if (element instanceof ExplicitConstructorInvocationStmt call) {
      Store s = before;
      for (Expression arg : call.getArguments()) {
        s = evaluator.eval(arg, s).after();
      }
      return s.killIf(p -> p.hasRoot("this")); // the other constructor sets fields
    }
    if (element instanceof ForEachStmt loop) {
      return nextElement(loop, before);
    }
    return before;
  }

  private Store declare(VariableDeclarator v, Store before) {
    boolean field = v.getParentNode().filter(FieldDeclaration.class::isInstance).isPresent();
    AccessPath path = field ? AccessPath.field(v.getNameAsString()) : AccessPath.local(v.getNameAsString());
    if (v.getInitializer().isEmpty()) {
      return before.kill(path); // a new variable: nothing from an earlier iteration survives
    }
    Expression init = v.getInitializer().get();
    Evaluator.Result r = evaluator.eval(init, before);
    NumFact value = evaluator.convert(r.fact(), v.getType().isVarType() ? "" : v.getType().asString());
    return evaluator.bind(path, value, init, r.after());
  }

  /** {@code for (T x : xs)}: x is some element of xs, each time round. */
  private Store nextElement(ForEachStmt loop, Store before) {
    Evaluator.Result iterable = evaluator.eval(loop.getIterable(), before);
    VariableDeclarator v = loop.getVariable().getVariables().get(0);
    AccessPath x = AccessPath.local(v.getNameAsString());
    String type = v.getType().isVarType() ? "" : v.getType().asString();
    Optional<AccessPath> source = evaluator.pathOf(loop.getIterable());
    NumFact element = source.flatMap(p -> iterable.after().get(p.elements())).orElse(NumFact.ofType(type));
    Store next = iterable.after().assign(x, evaluator.convert(element, type));
    if (source.isEmpty() || source.get().isDifference()) {
      return next;
    }
    // the body runs only for an element: what is iterated is not empty there
    AccessPath size = evaluator.sizeOf(source.get(), loop.getIterable());
    NumFact known = next.get(size).orElseGet(JavaLangHandler::size);
    return next.with(size, known.restrict(NumFact.range(1, Integer.MAX_VALUE, NumFact.Precision.INT)));
  }

  @Override
  public Store refine(Expression condition, boolean outcome, Store before) {
    return evaluator.refine(condition, outcome, before);
  }

  @Override
  public Store join(Store a, Store b) {
    return a.join(b);
  }

  @Override
  public Store widen(Store previous, Store next) {
    return previous.widen(next);
  }

  @Override
  public boolean same(Store a, Store b) {
    return a.equals(b);
  }

  /**
   * This transfer with {@code method}'s numeric parameters starting at {@code facts} (one per parameter; a
   * bottom fact leaves the declared type): a callee analysed with its arguments, or with what its callers pass.
   */
  public Transfer<Store> withParameters(CallableDeclaration<?> method, List<NumFact> facts) {
    NumericTransfer numeric = this;
    return new Transfer<>() {
      @Override
      public Store entry(Node callable) {
        Store s = numeric.entry(callable);
        for (int i = 0; i < facts.size() && i < method.getParameters().size(); i++) {
          Parameter p = method.getParameter(i);
          String type = p.getType().asString();
          if (!p.isVarArgs() && NumFact.Precision.ofType(type) != NumFact.Precision.UNKNOWN && !facts.get(i).isBottom()) {
            s = s.assign(AccessPath.local(p.getNameAsString()), evaluator.convert(facts.get(i).withoutEvidence(), type));
          }
        }
        return s;
      }

      @Override
      public Store unreachable() {
        return numeric.unreachable();
      }

      @Override
      public Store apply(Node element, Store before) {
        return numeric.apply(element, before);
      }

      @Override
      public Store refine(Expression condition, boolean outcome, Store before) {
        return numeric.refine(condition, outcome, before);
      }

      @Override
      public Store join(Store a, Store b) {
        return numeric.join(a, b);
      }

      @Override
      public Store widen(Store previous, Store next) {
        return numeric.widen(previous, next);
      }

      @Override
      public boolean same(Store a, Store b) {
        return numeric.same(a, b);
      }
    };
  }
}
