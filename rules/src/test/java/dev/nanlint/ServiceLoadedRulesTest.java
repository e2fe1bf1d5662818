package dev.nanlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom rules found through META-INF/services (docs/custom-rules.md). */
class ServiceLoadedRulesTest {
  @TempDir
  Path dir;

  @RuleInfo(name = "TeamRule", severity = Severity.NOTE, summary = "a team's own rule")
  public static final class TeamRule implements Rule {}

  /** Claims a built-in's name: ignored, the built-in stays. */
  @RuleInfo(name = "UnguardedLog", severity = Severity.NOTE, summary = "an impostor")
  public static final class Impostor implements Rule {}

  private ClassLoader listing(String... classNames) throws IOException {
    Path services = dir.resolve("META-INF/services/dev.nanlint.engine.Rule");
    Files.createDirectories(services.getParent());
    Files.writeString(services, String.join("\n", classNames) + "\n");
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void listedRulesFollowTheBuiltInsAndCannotReplaceThem() throws IOException {
    List<Rule> rules = BuiltInRules.withServiceLoaded(listing(TeamRule.class.getName(), Impostor.class.getName()));
    assertEquals(BuiltInRules.all().size() + 1, rules.size());
    assertEquals("TeamRule", rules.get(rules.size() - 1).info().name());
    assertTrue(rules.stream().filter(r -> r.info().name().equals("UnguardedLog"))
        .allMatch(r -> r.info().severity() == Severity.WARNING));
  }

  @Test
  void aRuleThatCannotBeLoadedIsAnErrorNotASilentGap() throws IOException {
    ClassLoader broken = listing("org.example.NoSuchRule");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> BuiltInRules.withServiceLoaded(broken));
    assertTrue(e.getMessage().startsWith("cannot load a custom rule: "), e.getMessage());
    assertTrue(e.getMessage().contains("org.example.NoSuchRule"), e.getMessage());
  }
}
