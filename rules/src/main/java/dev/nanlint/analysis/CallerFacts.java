package dev.nanlint.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.nanlint.analysis.cfg.Cfg;
import dev.nanlint.analysis.facts.AccessPath;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumericTransfer;
import dev.nanlint.analysis.facts.Store;
import dev.nanlint.analysis.flow.FlowResult;
import dev.nanlint.analysis.flow.ForwardAnalysis;
import dev.nanlint.engine.FileNodes;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every caller of a private method passes it. Only its own class can call a private method, so the
 * join of the argument facts at its call sites in the file bounds each numeric parameter: the
 * preconditions the callers establish ({@code if (n <= 0) throw ...; return pValue(n);}). The method's
 * flow is run again with its parameters starting at those bounds, and {@link Facts#at} meets the two
 * facts, so the callers can only withdraw a finding, never add one.
 *
 * <p>Not used when a caller could be out of sight: a method reference to the name, a call whose receiver
 * is not this class, an overload of the same arity, or a call from the method itself (recursion). The
 * callers' argument facts come from their plain flows (not from their own callers), which keeps this one
 * level deep and free of cycles.
 */
final class CallerFacts {
  private final Facts facts;
  private final Analysis analysis;
  private final NumericTransfer transfer;
  private final Map<Node, Optional<FlowResult<Store>>> flows = new IdentityHashMap<>();

  CallerFacts(Facts facts, Analysis analysis, NumericTransfer transfer) {
    this.facts = facts;
    this.analysis = analysis;
    this.transfer = transfer;
  }

  /** The flow of {@code method} with its parameters bound by its callers; empty when they tell nothing. */
  Optional<FlowResult<Store>> flowOf(MethodDeclaration method) {
    Optional<FlowResult<Store>> flow = flows.get(method);
    if (flow == null) {
      flows.put(method, Optional.empty()); // a question asked while computing it gets the plain answer
      flow = passed(method).map(bounds -> ForwardAnalysis.run(Cfg.of(method), transfer.withParameters(method, bounds)));
      flows.put(method, flow);
    }
    return flow;
  }

  /** What every caller passes, one fact per parameter (bottom: nothing better than the declared type); empty when nothing. */
  private Optional<List<NumFact>> passed(MethodDeclaration method) {
    if (!method.isPrivate() || method.getBody().isEmpty() || method.getParameters().isEmpty()) {
      return Optional.empty();
    }
    List<MethodCallExpr> calls = callSites(method);
    if (calls.isEmpty()) {
      return Optional.empty();
    }
    Store start = transfer.entry(method);
    List<NumFact> bounds = new ArrayList<>();
    boolean told = false;
    for (int i = 0; i < method.getParameters().size(); i++) {
      Parameter p = method.getParameter(i);
      Optional<NumFact> declared = start.get(AccessPath.local(p.getNameAsString()));
      NumFact bound = NumFact.bottom();
      if (declared.isPresent() && !p.isVarArgs()) {
        NumFact joined = NumFact.bottom();
        for (MethodCallExpr call : calls) {
          joined = joined.join(facts.plainAt(call.getArgument(i)));
        }
        NumFact b = declared.get().restrict(transfer.evaluator().convert(joined, p.getType().asString()));
        if (!b.isBottom() && !b.equals(declared.get())) {
          bound = b;
          told = true;
        }
      }
      bounds.add(bound);
    }
    return told ? Optional.of(bounds) : Optional.empty();
  }

  /** Every call of {@code method} in the file, or none when a caller could be out of sight. */
  private List<MethodCallExpr> callSites(MethodDeclaration method) {
    String name = method.getNameAsString();
    int arity = method.getParameters().size();
    Optional<CompilationUnit> unit = method.findCompilationUnit();
    Optional<TypeDeclaration<?>> owner = method.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
    if (unit.isEmpty() || owner.isEmpty()
        || owner.get().getMethodsByName(name).stream().filter(m -> m.getParameters().size() == arity).count() != 1
        || FileNodes.of(unit.get()).first(MethodReferenceExpr.class, r -> r.getIdentifier().equals(name)).isPresent()) {
      return List.of();
    }
    List<MethodCallExpr> calls = FileNodes.of(unit.get()).all(MethodCallExpr.class,
        c -> c.getNameAsString().equals(name) && c.getArguments().size() == arity);
    for (MethodCallExpr call : calls) {
      if (call.isDescendantOf(method) || !callsThisClass(call, owner.get())) {
        return List.of();
      }
    }
    return calls;
  }

  /** Unqualified, {@code this.m()}, {@code Owner.m()}, or on a receiver declared of the owner's type. */
  private boolean callsThisClass(MethodCallExpr call, TypeDeclaration<?> owner) {
    if (call.getScope().isEmpty()) {
      return call.findAncestor(TypeDeclaration.class).filter(t -> t == owner).isPresent();
    }
    Expression scope = call.getScope().get();
    String type = owner.getNameAsString();
    return scope instanceof ThisExpr t && t.getTypeName().isEmpty()
            && call.findAncestor(TypeDeclaration.class).filter(d -> d == owner).isPresent()
        || scope instanceof NameExpr n && n.getNameAsString().equals(type)
        || analysis.types().typeOf(scope).equals(type);
  }
}
