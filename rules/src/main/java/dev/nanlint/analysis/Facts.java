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
  private final Summaries summaries;

  Facts(Analysis analysis) {
    this.transfer = new NumericTransfer(analysis);
    this.summaries = new Summaries(this, analysis, transfer);
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
    Optional<Node> callable = callableOf(expression);
    if (callable.isEmpty()) {
      return NumFact.top();
    }
    FlowResult<Store> flow = flowOf(callable.get());
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
