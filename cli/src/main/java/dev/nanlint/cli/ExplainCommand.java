package dev.nanlint.cli;

import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code nanlint explain RuleName}: prints the rule's documentation page. The name is matched ignoring
 * case; an unknown name gets a one-line error naming the closest rules.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print a rule's documentation page.")
final class ExplainCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RULE", description = "A rule name, as listed by `nanlint rules` (any case).")
  String rule;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<RuleInfo> rules = BuiltInRules.withServiceLoaded(getClass().getClassLoader()).stream().map(Rule::info).toList();
    Optional<RuleInfo> known = rules.stream().filter(r -> r.name().equalsIgnoreCase(rule.trim())).findFirst();
    PrintWriter out = spec.commandLine().getOut();
    if (known.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      List<String> near = nearest(rule.trim(), rules.stream().map(RuleInfo::name).toList());
      err.println("nanlint: error: unknown rule '" + rule + "'"
          + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?")
          + " (`nanlint rules` lists them)");
      err.flush();
      return CommandLine.ExitCode.USAGE;
    }
    RuleInfo info = known.get();
    // a rule added through a jar may ship its page as nanlint/rules/<Name>.md, as the built-ins do
    InputStream page = getClass().getResourceAsStream("/nanlint/rules/" + info.name() + ".md");
    if (page == null) {
      out.println("# " + info.name());
      out.println();
      out.println("Default severity: " + info.severity().label()
          + (info.enabledByDefault() ? "" : " (off by default)"));
      out.println();
      out.println(info.summary());
      out.println();
      out.println("(No documentation page ships with this rule.)");
    } else {
      try (page) {
        out.print(new String(page.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    out.flush();
    return 0;
  }

  /**
   * The rule names closest to {@code typed}, ignoring case: those at the smallest edit distance, when it
   * is within a third of the name's length (at least 2); failing that, the names that contain it. At most
   * three, by name.
   */
  static List<String> nearest(String typed, List<String> names) {
    String wanted = typed.toLowerCase(Locale.ROOT);
    int best = Integer.MAX_VALUE;
    List<String> closest = new ArrayList<>();
    for (String name : names) {
      int d = distance(wanted, name.toLowerCase(Locale.ROOT));
      if (d > Math.max(2, name.length() / 3) || d > best) {
        continue;
      }
      if (d < best) {
        best = d;
        closest.clear();
      }
      closest.add(name);
    }
    if (closest.isEmpty() && wanted.length() >= 3) {
      names.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains(wanted)).forEach(closest::add);
    }
    return closest.stream().sorted().limit(3).toList();
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
