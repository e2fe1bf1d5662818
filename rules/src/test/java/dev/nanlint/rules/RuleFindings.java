package dev.nanlint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.Linter;
import java.util.List;

/** The levels tests' harness: one rule's findings on a class made of some methods, linted with every rule. */
final class RuleFindings {
  private RuleFindings() {}

  /** The findings of {@code rule} on {@code imports} followed by {@code class className { methods }}. */
  static List<Finding> of(String rule, String imports, String className, String methods, Config config) {
    String source = imports + "\nclass " + className + " {\n" + methods + "\n}\n";
    FileResult r = new Linter(BuiltInRules.all(), config).lint(className + ".java", source);
    assertTrue(r.errors().isEmpty(), () -> r.errors().toString());
    return r.findings().stream().filter(f -> f.rule().equals(rule)).toList();
  }

  /** Their levels, in order: "warning", "note"... */
  static List<String> levels(List<Finding> findings) {
    return findings.stream().map(f -> f.severity().label()).toList();
  }
}
