package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import dev.nanlint.analysis.facts.NumFact;
import org.junit.jupiter.api.Test;

/**
 * Field facts for fields another file may write (neither private nor final): known only when this file shows a
 * counter, one that starts at 0 and is only incremented.
 */
class FieldCountersTest {
  private static final String SOURCE = """
      class Sampler {
        protected int numStats = 0;
        protected int resetCount;
        protected int configured;
        protected int stepped;
        void read(int w) { numStats++; resetCount += 1; stepped += Math.abs(w); }
        void reset() { resetCount = 5; }
        void configure(int n) { configured = n; }
        double a() { return 1.0 / numStats; }
        double b() { return 1.0 / resetCount; }
        double c() { return 1.0 / configured; }
        double d() { return 1.0 / stepped; }
      }
      """;

  private final CompilationUnit unit = StaticJavaParser.parse(SOURCE);
  private final Facts facts = new Analysis(unit).facts();

  private NumFact divisor(String method) {
    MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method)).orElseThrow();
    return facts.at(m.findFirst(BinaryExpr.class).orElseThrow().getRight());
  }

  @Test
  void aVisibleCounterOfThisFileIsACount() {
    NumFact f = divisor("a");
    assertEquals(0.0, f.lo(), f::toString);
    assertTrue(f.has(NumFact.Tag.COUNT), f::toString);
    assertTrue(f.evidence().stream().anyMatch(e -> e.reason().contains("only increased in read() (in this file)")),
        f::toString);
  }

  @Test
  void aVisibleFieldSetOutrightIsUnknown() {
    for (String m : new String[] {"b", "c"}) {
      NumFact f = divisor(m);
      assertTrue(f.canBeNegative(), () -> m + ": " + f);
      assertFalse(f.has(NumFact.Tag.COUNT), () -> m + ": " + f);
    }
  }

  @Test
  void aVisibleFieldIncreasedByAVariableIsNotACounter() {
    NumFact f = divisor("d");
    assertTrue(f.canBeNegative(), f::toString);
  }
}
