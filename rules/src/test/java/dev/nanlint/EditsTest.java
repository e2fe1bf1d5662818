package dev.nanlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.Edit;
import dev.nanlint.engine.Edits;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edit model: findings carry edits that replace exactly the flagged node's text, applied as plain text. */
class EditsTest {
  private static final Linter LINTER = new Linter(BuiltInRules.all(), Config.defaults());

  private static Finding finding(String rule, int line, int column, int endLine, int endColumn, String replacement) {
    return new Finding(rule, Severity.WARNING, "A.java", line, column, endLine, endColumn, "m", "f", "")
        .withEdit(new Edit(line, column, endLine, endColumn, replacement));
  }

  @Test
  void editsReplaceTheirRangeAndNothingElse() {
    String text = "a = x;\r\n\tb = y; // y\r\nc = z;";
    Edits.Result result = Edits.apply(text, List.of(
        finding("R", 3, 5, 3, 5, "(z + 1)"),
        finding("R", 2, 6, 2, 6, "Y")));
    assertEquals("a = x;\r\n\tb = Y; // y\r\nc = (z + 1);", result.text());
    assertEquals(2, result.fixed().size());
    assertEquals(List.of(new Edits.Change(13, 14, "Y"), new Edits.Change(26, 27, "(z + 1)")), result.changes());
  }

  @Test
  void overlappingEditsKeepTheFirstAndTheLargerAtTheSameStart() {
    String text = "f(g(x)) + h(y)";
    Finding outer = finding("Outer", 1, 1, 1, 7, "F(g(x))");
    Finding inner = finding("Inner", 1, 3, 1, 6, "G(x)");
    Finding sameStartSmaller = finding("Small", 1, 1, 1, 1, "ff");
    Finding apart = finding("Apart", 1, 11, 1, 14, "H(y)");
    Edits.Result result = Edits.apply(text, List.of(inner, apart, sameStartSmaller, outer));
    assertEquals("F(g(x)) + H(y)", result.text());
    assertEquals(List.of(outer, apart), result.fixed());
    assertEquals(List.of(new Edits.Skipped(sameStartSmaller, outer), new Edits.Skipped(inner, outer)), result.skipped());
  }

  @Test
  void theSameEditProposedTwiceIsAppliedOnce() {
    Finding a = finding("A", 1, 1, 1, 1, "y");
    Finding b = finding("B", 1, 1, 1, 1, "y");
    Edits.Result result = Edits.apply("x", List.of(a, b));
    assertEquals("y", result.text());
    assertEquals(2, result.fixed().size());
    assertEquals(List.of(), result.skipped());
  }

  @Test
  void findingsWithoutEditsChangeNothing() {
    Finding advice = new Finding("R", Severity.WARNING, "A.java", 1, 1, 1, 1, "m", "f", "");
    assertNull(advice.edit());
    Edits.Result result = Edits.apply("x", List.of(advice));
    assertEquals("x", result.text());
    assertEquals(false, result.changed());
  }

  @Test
  void theEpsilonConstantIsUsedOnlyWhereItsNameCompiles() {
    String source = String.join("\n",
        "class A {",
        "  static double[] probs = {0.5};",
        "  static final double FIRST = -Math.log(probs[0]);", // EPS below: a forward reference here
        "  static final double EPS = 1e-9;",
        "  double loss(double[] probs) { return -Math.log(probs[0]); }",
        "  static class Nested {",
        "    double loss(double[] probs) { return -Math.log(probs[1]); }", // the outer constant is visible
        "  }",
        "}",
        "class B {",
        "  double loss(double[] probs) { return -Math.log(probs[2]); }", // A's constant is not
        "}");
    List<String> replacements = LINTER.lint("A.java", source).findings().stream()
        .filter(f -> f.rule().equals("UnguardedLog")).map(f -> f.edit().replacement()).toList();
    assertEquals(List.of("Math.log(Math.max(probs[0], 1e-12))", "Math.log(Math.max(probs[0], EPS))",
        "Math.log(Math.max(probs[1], EPS))", "Math.log(Math.max(probs[2], 1e-12))"), replacements);
  }

  @Test
  void aRuleEditKeepsCommentsAndLayoutInsideTheNode() {
    String source = String.join("\n",
        "class A {",
        "  double loss(double[] probs) {",
        "    return -Math.log(   probs[0] // the first class",
        "        );",
        "  }",
        "}");
    FileResult result = LINTER.lint("A.java", source);
    Finding log = result.findings().get(0);
    assertEquals("UnguardedLog", log.rule());
    assertEquals(new Edit(3, 13, 4, 9, "Math.log(   Math.max(probs[0], 1e-12) // the first class\n        )"), log.edit());
    assertEquals(source.replace("probs[0] //", "Math.max(probs[0], 1e-12) //"),
        Edits.apply(source, result.findings()).text());
  }
}
