package dev.nanlint.cli;

import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nanlint rules}: one entry per rule in three aligned columns, name, default severity, summary.
 * On a terminal the summary wraps at its width, continuing under the summary column; piped, each rule
 * stays on one line, for grep.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "List the rules: name, default severity, summary.")
final class RulesCommand implements Callable<Integer> {
  /** Narrower than this, a wrapped summary column would be too thin to read: print unwrapped. */
  private static final int MIN_SUMMARY_WIDTH = 30;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<RuleInfo> rules = BuiltInRules.withServiceLoaded(RulesCommand.class.getClassLoader()).stream()
        .map(Rule::info).toList();
    // picocli's terminal width (stty/tput, 80 when unknown); no wrapping when the output is not a terminal
    int width = System.console() != null ? spec.usageMessage().width() : 0;
    format(rules, width).forEach(out::println);
    out.flush();
    return 0;
  }

  /** The table's lines; {@code width} 0 or less: no wrapping. */
  static List<String> format(List<RuleInfo> rules, int width) {
    int nameWidth = rules.stream().mapToInt(r -> r.name().length()).max().orElse(0);
    int severityWidth = "warning".length();
    int indent = nameWidth + 2 + severityWidth + 2;
    int summaryWidth = width - indent;
    List<String> lines = new ArrayList<>();
    for (RuleInfo info : rules) {
      String summary = info.summary() + (info.enabledByDefault() ? "" : " (off by default)");
      List<String> parts = summaryWidth >= MIN_SUMMARY_WIDTH ? wrap(summary, summaryWidth) : List.of(summary);
      lines.add(pad(info.name(), nameWidth) + "  " + pad(info.severity().label(), severityWidth) + "  " + parts.get(0));
      for (String part : parts.subList(1, parts.size())) {
        lines.add(" ".repeat(indent) + part);
      }
    }
    return lines;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  /** Words filled into lines of at most {@code width} characters (a longer word gets a line of its own). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" +")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
