package dev.nanlint.engine;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;

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

  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
    }
    return info;
  }
}
