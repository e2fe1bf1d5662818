package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.NameExpr;
import org.junit.jupiter.api.Test;

class DeclarationsTest {
  @Test
  void anEarlierDeclaratorOfTheSameDeclarationIsInScope() {
    CompilationUnit unit = StaticJavaParser.parse(
        "class C { double f(double a, long b) { final double v = a / b, w = Math.log(v); return w; } }");
    NameExpr v = unit.findFirst(NameExpr.class, n -> n.getNameAsString().equals("v")).orElseThrow();
    Analysis analysis = new Analysis(unit);
    assertEquals(Declarations.Kind.LOCAL, analysis.declarations().find(v, "v").orElseThrow().kind());
    assertEquals("double", analysis.types().typeOf(v));
  }

  @Test
  void aLaterDeclaratorIsNot() {
    CompilationUnit unit = StaticJavaParser.parse("class C { double v; void f() { double w = v, v = 1; } }");
    NameExpr v = unit.findFirst(NameExpr.class, n -> n.getNameAsString().equals("v")).orElseThrow();
    assertEquals(Declarations.Kind.FIELD, new Analysis(unit).declarations().find(v, "v").orElseThrow().kind());
  }
}
