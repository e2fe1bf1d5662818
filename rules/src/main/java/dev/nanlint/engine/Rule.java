package dev.nanlint.engine;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.Set;

/**
 * A check. The engine walks each compilation unit once and calls the {@code visit} overloads a rule
 * overrides, so a rule only pays for the node types it looks at. Rules are stateless between files;
 * everything per-file lives in the {@link RuleContext}. Annotate implementations with {@link RuleInfo}.
 */
public interface Rule {
  default void visit(CompilationUnit unit, RuleContext ctx) {}

  default void visit(MethodDeclaration method, RuleContext ctx) {}

  default void visit(MethodCallExpr call, RuleContext ctx) {}

  default void visit(ObjectCreationExpr creation, RuleContext ctx) {}

  default void visit(BinaryExpr binary, RuleContext ctx) {}

  default void visit(AssignExpr assign, RuleContext ctx) {}

  default void visit(CastExpr cast, RuleContext ctx) {}

  /**
   * The configuration keys this rule reads through {@link Config#property} (thresholds such as
   * {@code HighLearningRate.adam}). A configuration naming a key no rule declares is an error.
   */
  default Set<String> configKeys() {
    return Set.of();
  }

  /** Why {@code value} is no valid value for {@code key} (one of {@link #configKeys()}), or null when it is. */
  default String checkConfig(String key, String value) {
    return null;
  }

  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
    }
    return info;
  }
}
