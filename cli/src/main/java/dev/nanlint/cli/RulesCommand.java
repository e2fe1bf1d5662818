package dev.nanlint.cli;

import dev.nanlint.engine.BuiltInRules;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nanlint rules}: one line per rule, name first, then severity and summary. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules: name, default severity, summary.")
final class RulesCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Rule rule : BuiltInRules.withServiceLoaded(RulesCommand.class.getClassLoader())) {
      RuleInfo info = rule.info();
      out.printf("%-24s %-8s %s%s%n", info.name(), info.severity().label(), info.summary(),
          info.enabledByDefault() ? "" : " (off by default)");
    }
    out.flush();
    return 0;
  }
}
