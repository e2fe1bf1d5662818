package dev.nanlint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where each question about the enclosing code stops, for the places where they differ. */
class CallablesTest {
  private static final String SOURCE = """
      class Outer {
        double field = "inField".length();
        Runnable lambdaField = () -> "inLambda".length();
        { "inInitializer".length(); }
        abstract static class Shape { abstract void draw(@Deprecated(since = "inSignature") int x); }
        void method() {
          "inMethod".length();
          Object anonymous = new Object() { String f = "inAnonymousField"; };
          class Local { String f = "inLocalField"; }
        }
        record Point(double x) { Point { "inCompact".length(); } }
      }
      """;

  private static CompilationUnit unit;

  @BeforeAll
  static void parse() {
    ParserConfiguration records = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
    unit = new JavaParser(records).parse(SOURCE).getResult().orElseThrow();
  }

  private static Node at(String marker) {
    return unit.findFirst(StringLiteralExpr.class, s -> s.getValue().equals(marker)).orElseThrow();
  }

  /** A short name for what an answer is: the method's name, "lambda", "initializer", "class X", or "-". */
  private static String describe(Optional<Node> answer) {
    if (answer.isEmpty()) {
      return "-";
    }
    Node n = answer.get();
    if (n instanceof CallableDeclaration<?> c) {
      return c.getNameAsString();
    }
    if (n instanceof TypeDeclaration<?> t) {
      return "class " + t.getNameAsString();
    }
    return n instanceof LambdaExpr ? "lambda" : n instanceof InitializerDeclaration ? "initializer"
        : n instanceof CompactConstructorDeclaration ? "compact" : n.getClass().getSimpleName();
  }

  private static String answers(String marker) {
    Node n = at(marker);
    return describe(Callables.body(n)) + " | " + describe(Callables.methodOrLambdaInClass(n)) + " | "
        + describe(Callables.methodLambdaOrClass(n)) + " | " + describe(Callables.methodOrLambda(n));
  }

  @Test
  void aMethodBodyIsTheAnswerToEveryQuestion() {
    assertEquals("method | method | method | method", answers("inMethod"));
  }

  @Test
  void aLambdaInAFieldCountsEverywhere() {
    assertEquals("lambda | lambda | lambda | lambda", answers("inLambda"));
  }

  @Test
  void aFieldInitializerHasNoBodyAndIsLookedThroughOtherwise() {
    assertEquals("- | - | class Outer | -", answers("inField"));
  }

  @Test
  void anInitializerBlockIsABodyOnlyForTheFlowAnalysis() {
    assertEquals("initializer | - | class Outer | -", answers("inInitializer"));
  }

  @Test
  void aCompactConstructorIsABodyOnlyForTheFlowAnalysis() {
    assertEquals("compact | - | class Point | -", answers("inCompact"));
  }

  @Test
  void anAbstractSignatureHasNoBody() {
    assertEquals("- | draw | draw | draw", answers("inSignature"));
  }

  @Test
  void anAnonymousClassFieldBelongsToTheMethodThatCreatesItExceptForTheFlowAnalysis() {
    assertEquals("- | method | method | method", answers("inAnonymousField"));
  }

  @Test
  void aLocalClassFieldStopsAtItsClassUnlessClassesAreLookedThrough() {
    assertEquals("- | - | class Local | method", answers("inLocalField"));
  }
}
