package dev.nanlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One rule = one class + its fixtures + one doc page: this test keeps the three in step. */
class CatalogueTest {
  private static final Path DOCS = Fixtures.repositoryRoot().resolve("docs/rules");

  static Stream<Rule> rules() {
    return BuiltInRules.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void ruleHasMetadataDocsAndFixtures(Rule rule) throws IOException {
    RuleInfo info = rule.info();
    assertTrue(info.name().matches("[A-Z][A-Za-z0-9]+"), info.name());
    assertTrue(!info.summary().isBlank() && !info.summary().contains("\n"), info.summary());

    Path page = DOCS.resolve(info.name() + ".md");
    assertTrue(Files.isRegularFile(page), "missing doc page " + page);
    String doc = Files.readString(page);
    assertTrue(doc.startsWith("# " + info.name() + "\n"), "doc page must start with its title: " + page);
    for (String section : List.of("## Why it produces NaN or Infinity", "## Bad", "## Good", "## Fix",
        "## What it does not flag", "## Suppress")) {
      assertTrue(doc.contains(section), page + " lacks section " + section);
    }
    assertTrue(doc.contains("**Severity:** " + info.severity().label()), page + " states another severity");

    Path folder = Fixtures.root().resolve(info.name().toLowerCase(Locale.ROOT));
    assertTrue(Files.isDirectory(folder), "missing fixture folder " + folder);
    long warns = 0;
    long safe = 0;
    for (Path fixture : Fixtures.all()) {
      String text = Fixtures.read(fixture);
      warns += Fixtures.expected(text).stream().filter(m -> m.rule().equals(info.name())).count();
      safe += Fixtures.safe(text).stream().filter(m -> m.rule().equals(info.name())).count();
    }
    assertTrue(warns >= 3, info.name() + " needs at least 3 EXPECT fixtures, has " + warns);
    assertTrue(safe >= warns, info.name() + " needs at least as many SAFE look-alikes (" + safe
        + ") as EXPECT fixtures (" + warns + ")");
  }

  @Test
  void namesAreUniqueAndEveryPageHasARule() throws IOException {
    List<String> names = BuiltInRules.all().stream().map(r -> r.info().name()).toList();
    assertEquals(names.size(), new HashSet<>(names).size(), "duplicate rule names: " + names);
    Set<String> pages;
    try (Stream<Path> files = Files.list(DOCS)) {
      pages = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
          .map(n -> n.substring(0, n.length() - 3)).collect(Collectors.toSet());
    }
    assertEquals(Set.copyOf(names), pages, "every docs/rules page must belong to a registered rule");
  }

  @Test
  void markersNameRegisteredRules() {
    Set<String> names = BuiltInRules.all().stream().map(r -> r.info().name()).collect(Collectors.toSet());
    for (Path fixture : Fixtures.all()) {
      String text = Fixtures.read(fixture);
      Stream.concat(Fixtures.expected(text).stream(), Fixtures.safe(text).stream()).forEach(m ->
          assertTrue(names.contains(m.rule()), fixture + ":" + m.line() + " names unknown rule " + m.rule()));
    }
  }
}
