package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.cli.MainTest.Run;
import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nanlint explain} forgives case and suggests near misses; {@code nanlint rules} is a table. */
class ExplainAndRulesTest {
  private static final List<RuleInfo> RULES = BuiltInRules.all().stream().map(Rule::info).toList();
  private static final List<String> NAMES = RULES.stream().map(RuleInfo::name).toList();

  @Test
  void explainIgnoresCase() {
    Run run = MainTest.run("explain", "unguardedlog");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("# UnguardedLog"), run.out());
    assertTrue(MainTest.run("explain", "NANEQUALITY").out().startsWith("# NaNEquality"));
  }

  @Test
  void anUnknownRuleIsOneLineWithTheNearestNames() {
    Run typo = MainTest.run("explain", "UnguardedLgo");
    assertEquals(2, typo.code());
    assertEquals("", typo.out());
    assertEquals("nanlint: error: unknown rule 'UnguardedLgo'; did you mean UnguardedLog? (`nanlint rules` lists them)\n",
        typo.err());

    Run part = MainTest.run("explain", "softmax");
    assertEquals(2, part.code());
    assertTrue(part.err().contains("did you mean LogOfSoftmax or UnstableSoftmax?"), part.err());

    Run nothingClose = MainTest.run("explain", "Banana");
    assertEquals(2, nothingClose.code());
    assertEquals("nanlint: error: unknown rule 'Banana' (`nanlint rules` lists them)\n", nothingClose.err());
  }

  @Test
  void nearestRanksByEditDistance() {
    assertEquals(List.of("UnguardedSqrt"), ExplainCommand.nearest("unguardedsqr", NAMES));
    assertEquals(List.of("UnguardedLog"), ExplainCommand.nearest("UnguardedLo", NAMES));
    assertEquals(List.of("LabelLossMismatch", "LossActivationMismatch"), ExplainCommand.nearest("mismatch", NAMES));
    assertEquals(List.of(), ExplainCommand.nearest("xy", NAMES));
    assertEquals(3, ExplainCommand.distance("kitten", "sitting"));
    assertEquals(0, ExplainCommand.distance("", ""));
  }

  @Test
  void rulesColumnsAlignAndWrapWithinTheWidth() {
    for (int width : new int[] {80, 120}) {
      List<String> lines = RulesCommand.format(RULES, width);
      int nameWidth = NAMES.stream().mapToInt(String::length).max().orElseThrow();
      int summaryColumn = nameWidth + 2 + "warning".length() + 2;
      StringBuilder all = new StringBuilder();
      for (String line : lines) {
        assertTrue(line.length() <= width, width + ": " + line);
        if (!line.startsWith(" ")) { // a rule's first line: name, severity, summary, each in its column
          String[] columns = line.split("\\s+", 3);
          assertTrue(NAMES.contains(columns[0]), line);
          assertEquals(nameWidth + 2, line.indexOf(columns[1] + " "), line);
          assertEquals(summaryColumn, line.length() - columns[2].length(), line);
        } else { // a continuation, under the summary column
          assertEquals(summaryColumn, line.length() - line.stripLeading().length(), line);
        }
        all.append(line.strip()).append(' ');
      }
      for (RuleInfo info : RULES) {
        assertTrue(all.toString().contains(info.summary()), width + " lost words of " + info.name());
      }
    }
  }

  @Test
  void rulesPipedStaysOneLinePerRule() {
    Run run = MainTest.run("rules");
    assertEquals(0, run.code());
    assertEquals(RULES.size(), run.out().lines().count(), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("UnguardedLog {15}warning  log of a value.*")), run.out());
  }
}
