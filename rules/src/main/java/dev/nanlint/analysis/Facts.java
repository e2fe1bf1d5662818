package dev.nanlint.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import dev.nanlint.analysis.cfg.Cfg;
import dev.nanlint.analysis.facts.NumFact;
import dev.nanlint.analysis.facts.NumericTransfer;
import dev.nanlint.analysis.facts.Store;
import dev.nanlint.analysis.flow.FlowResult;
import dev.nanlint.analysis.flow.ForwardAnalysis;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The flow-sensitive numeric facts of one file: for the callable around an expression (method,
 * constructor, initializer or lambda), its control-flow graph and the forward analysis over it are built
 * once, on the first question, and every later question about that callable reads the stores.
 */
public final class Facts {
  private final NumericTransfer transfer;
  private final Map<Node, FlowResult<Store>> flows = new IdentityHashMap<>();

  Facts(Analysis analysis) {
    this.transfer = new NumericTransfer(analysis);
  }

  /**
   * The fact of {@code expression} where it is evaluated, from the conditions, assignments and exits
   * on every path to it. Top (nothing known) outside a callable; bottom where no path reaches it.
   */
  public NumFact at(Expression expression) {
    Optional<Node> callable = callableOf(expression);
    if (callable.isEmpty()) {
      return NumFact.top();
    }
    FlowResult<Store> flow = flows.computeIfAbsent(callable.get(), c -> ForwardAnalysis.run(Cfg.of(c), transfer));
    Optional<Node> element = flow.cfg().elementOf(expression);
    if (element.isEmpty()) {
      return NumFact.top();
    }
    if (!flow.reachable(element.get())) {
      return NumFact.bottom();
    }
    return transfer.factAt(expression, element.get(), flow.before(element.get()));
  }

  /** The innermost method, constructor, initializer or lambda with a body around {@code node}. */
  private static Optional<Node> callableOf(Node node) {
    for (Node p = node.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr || p instanceof InitializerDeclaration
          || p instanceof CompactConstructorDeclaration) {
        return Optional.of(p);
      }
      if (p instanceof CallableDeclaration<?> c) {
        return c instanceof MethodDeclaration m && m.getBody().isEmpty() ? Optional.empty() : Optional.of(p);
      }
      if (p instanceof FieldDeclaration || p instanceof TypeDeclaration<?>) {
        return Optional.empty(); // a field initializer, or a class body reached before any callable
      }
    }
    return Optional.empty();
  }
}
