package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.nanlint.analysis.facts.NumFact.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumericTransferTest {

  @Test
  void entryBindsParametersToTheirDeclaredType() {
    Snippet s = Snippet.of("int n, float f, char c, double[] a", "return n;");
    Store entry = s.transfer.entry(s.method);
    assertEquals(Precision.INT, entry.get(AccessPath.local("n")).orElseThrow().precision());
    assertEquals(Precision.FLOAT, entry.get(AccessPath.local("f")).orElseThrow().precision());
    assertEquals(0, entry.get(AccessPath.local("c")).orElseThrow().lo(), "char is never negative");
    assertTrue(entry.get(AccessPath.local("a")).isEmpty(), "an array is not a number");
  }

  @Test
  void forEachAssignsSomeElementOfTheArray() {
    Snippet s = Snippet.of("", "double[] w = {0.5, 2}; for (double v : w) { return v; } return 1;");
    ForEachStmt loop = s.method.findFirst(ForEachStmt.class).orElseThrow();
    Store before = s.transfer.apply(s.method.getBody().orElseThrow().getStatement(0), s.transfer.entry(s.method));
    Store inLoop = s.transfer.apply(loop, before);
    NumFact v = inLoop.get(AccessPath.local("v")).orElseThrow();
    assertEquals(0.5, v.lo());
    assertEquals(2, v.hi());
  }

  @Test
  void factAtSeesAnExpressionInsideATernaryArm() {
    Snippet s = Snippet.of("double x", "return x != 0 ? 1 / x : 0;");
    ReturnStmt ret = s.target;
    BinaryExpr division = ret.findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.DIVIDE)
        .orElseThrow();
    NumFact divisor = s.transfer.factAt(division.getRight(), ret, s.transfer.entry(s.method));
    assertFalse(divisor.canBeZero(), "x in the then-arm of x != 0: " + divisor);
    NumFact outside = s.transfer.evaluator().factOf(division.getRight(), s.transfer.entry(s.method));
    assertTrue(outside.canBeZero());
  }

  @Test
  void theObserverSeesTheStoreAfterEarlierSideEffects() {
    Snippet s = Snippet.of("", "int i = 0; double y = Math.log(i++ + i); return y;");
    MethodCallExpr log = s.method.findFirst(MethodCallExpr.class).orElseThrow();
    Store before = s.transfer.apply(s.method.getBody().orElseThrow().getStatement(0), s.transfer.entry(s.method));
    ExpressionStmt decl = (ExpressionStmt) s.method.getBody().orElseThrow().getStatement(1);
    NumFact arg = s.transfer.factAt(log.getArgument(0), decl.getExpression(), before);
    assertEquals(1, arg.lo(), "i++ + i is 0 + 1: " + arg);
    assertEquals(1, arg.hi());
  }

  @Test
  void aConstructorCallForgetsTheFields() {
    Snippet s = Snippet.of("", "double total = 1; C() { this(2); }", "", "return total;");
    ConstructorDeclaration ctor = s.unit.findFirst(ConstructorDeclaration.class).orElseThrow();
    ExplicitConstructorInvocationStmt call = ctor.findFirst(ExplicitConstructorInvocationStmt.class).orElseThrow();
    Store withField = Store.empty().assign(AccessPath.field("total"), NumFact.constant(1));
    assertTrue(s.transfer.apply(call, withField).get(AccessPath.field("total")).isEmpty());
  }

  @Test
  void storesJoinPointwiseAndForgetWhatOneSideDoesNotKnow() {
    AccessPath x = AccessPath.local("x");
    AccessPath y = AccessPath.local("y");
    Store a = Store.empty().assign(x, NumFact.constant(1)).assign(y, NumFact.constant(2));
    Store b = Store.empty().assign(x, NumFact.constant(3));
    Store j = a.join(b);
    assertEquals(1, j.get(x).orElseThrow().lo());
    assertEquals(3, j.get(x).orElseThrow().hi());
    assertTrue(j.get(y).isEmpty());
    assertEquals(a, a.join(Store.unreachable()));
    assertEquals(a, a.join(a));
  }

  @Test
  void assignmentKillsPathsRootedAtTheVariable() {
    AccessPath a = AccessPath.local("a");
    AccessPath x = AccessPath.local("x");
    Store s = Store.empty()
        .assign(a.elements(), NumFact.constant(0))
        .assign(a.dot("length"), NumFact.constant(3, Precision.INT))
        .assign(AccessPath.difference(x, a.dot("length")), NumFact.range(1, 5, Precision.INT))
        .assign(x, NumFact.constant(7));
    assertEquals(List.of(a), s.assign(a, NumFact.top()).facts().keySet().stream().filter(p -> p.dependsOn(a)).toList(),
        "only a itself, newly assigned");
    assertTrue(s.assign(a, NumFact.top()).get(x).isPresent(), "x does not depend on a");
    Store called = s.assign(a, NumFact.top()).assign(a.elements(), NumFact.constant(0)).killBelow(a);
    assertTrue(called.get(a).isPresent(), "a call cannot change the variable a");
    assertTrue(called.get(a.elements()).isEmpty(), "but it can change a's elements");
    assertTrue(s.assign(x, NumFact.constant(1)).get(AccessPath.difference(x, a.dot("length"))).isEmpty());
  }

  @Test
  void aContradictionIsUnreachable() {
    Store s = Store.empty().with(AccessPath.local("x"), NumFact.constant(1).restrict(NumFact.constant(2)));
    assertFalse(s.isReachable());
  }
}
