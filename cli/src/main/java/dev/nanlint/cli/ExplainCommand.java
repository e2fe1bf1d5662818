package dev.nanlint.cli;

import dev.nanlint.engine.BuiltInRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nanlint explain RuleName}: prints the rule's documentation page. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print a rule's documentation page.")
final class ExplainCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RULE", description = "A rule name, as listed by `nanlint rules`.")
  String rule;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    boolean known = BuiltInRules.withServiceLoaded(getClass().getClassLoader()).stream()
        .anyMatch(r -> r.info().name().equals(rule));
    InputStream page = known ? getClass().getResourceAsStream("/nanlint/rules/" + rule + ".md") : null;
    if (page == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "unknown rule '" + rule + "' (see `nanlint rules`)");
    }
    try (page) {
      spec.commandLine().getOut().print(new String(page.readAllBytes(), StandardCharsets.UTF_8));
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
