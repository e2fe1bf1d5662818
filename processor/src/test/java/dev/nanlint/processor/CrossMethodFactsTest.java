package dev.nanlint.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.Linter;
import dev.nanlint.rules.BuiltInRules;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The facts that cross method boundaries (what a helper of the file returns, what a field holds) come out
 * the same inside javac, on the tree the processor converts, as in the command, on the tree it parses.
 */
class CrossMethodFactsTest {
  private static final String[] SOURCE = {
      "package demo;",
      "",
      "class Logistic {",
      "  private static final double EPS = 1e-7;",
      "  private final double temperature;",
      "",
      "  Logistic(double temperature) {",
      "    if (temperature <= 0) {",
      "      throw new IllegalArgumentException(\"temperature\");",
      "    }",
      "    this.temperature = temperature;",
      "  }",
      "",
      "  static double probability(double score) {",
      "    return Math.max(EPS, Math.min(1 - EPS, score));",
      "  }",
      "",
      "  static double rawProbability(double z) {",
      "    return 1.0 / (1.0 + Math.exp(-z));",
      "  }",
      "",
      "  double clippedLoss(double score) {",
      "    return -Math.log(probability(score / temperature));",
      "  }",
      "",
      "  double rawLoss(double z) {",
      "    return -Math.log(rawProbability(z / temperature));",
      "  }",
      "}"};
  private static final Pattern RULE = Pattern.compile("^\\[(\\w+)\\] ");

  @Test
  void theProcessorAndTheCommandGiveTheSameCrossMethodFindings() {
    Compilation compilation = javac().withProcessors(new NanlintProcessor())
        .compile(JavaFileObjects.forSourceLines("demo.Logistic", SOURCE));
    List<String> javacFindings = compilation.diagnostics().stream()
        .filter(d -> d.getCode().endsWith(".proc.messager"))
        .map(d -> {
          String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
          Matcher m = RULE.matcher(message);
          return m.find() ? d.getLineNumber() + " " + m.group(1) + " " + message.substring(m.end()) : message;
        })
        .toList();
    List<String> commandFindings = new Linter(BuiltInRules.all(), Config.defaults())
        .lint("Logistic.java", String.join("\n", SOURCE) + "\n").findings().stream()
        .map(f -> f.line() + " " + f.rule() + " " + f.message())
        .toList();

    assertEquals(commandFindings, javacFindings);
    // the clamped helper keeps line 23 finite; the raw sigmoid on line 27 reaches 0
    assertEquals(List.of(27L), javacFindings.stream().filter(f -> f.contains(" UnguardedLog "))
        .map(f -> Long.parseLong(f.substring(0, f.indexOf(' ')))).toList(), javacFindings::toString);
  }
}
