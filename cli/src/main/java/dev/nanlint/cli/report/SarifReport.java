package dev.nanlint.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.Edit;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.InputError;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.RuleInfo;
import dev.nanlint.engine.Severity;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: the rule catalogue, results, and input errors as
 * notifications. Relative paths (files under the working directory) are URIs relative to
 * {@code %SRCROOT%}, which {@code originalUriBaseIds} sets to the directory they are relative to (the
 * working directory for the command, the top of the build for the Maven plugin); other files get
 * an absolute file: URI and no base id, as SARIF requires (a uriBaseId goes only with a relative uri).
 */
final class SarifReport implements Report {
  static final String SRCROOT = "%SRCROOT%";

  private final List<Rule> catalogue;
  private final Config config;
  private final Path srcRoot;

  SarifReport(List<Rule> catalogue, Config config, Path srcRoot) {
    this.catalogue = catalogue;
    this.config = config;
    this.srcRoot = srcRoot;
  }

  @Override
  public void write(PrintWriter out, List<Finding> findings, List<InputError> errors, int filesScanned,
      OptionalInt hiddenByBaseline) {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "nanlint");
    driver.put("version", version());
    driver.put("semanticVersion", version());
    driver.put("informationUri", "https://github.com/nanlint/nanlint");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new HashMap<>();
    for (Rule rule : catalogue) {
      RuleInfo info = rule.info();
      index.put(info.name(), index.size());
      ObjectNode r = rules.addObject();
      r.put("id", info.name());
      r.putObject("shortDescription").put("text", info.summary());
      r.putObject("fullDescription").put("text", sentence(info.summary()));
      r.put("helpUri", DOCS_BASE + info.name() + ".md");
      r.putObject("defaultConfiguration").put("level", level(config.severityOf(info)));
    }
    String base = srcRoot.toAbsolutePath().normalize().toUri().toASCIIString();
    run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", base.endsWith("/") ? base : base + "/");
    ArrayNode results = run.putArray("results");
    for (Finding f : findings) {
      ObjectNode r = results.addObject();
      r.put("ruleId", f.rule());
      if (index.containsKey(f.rule())) {
        r.put("ruleIndex", index.get(f.rule()));
      }
      r.put("level", level(f.severity()));
      r.putObject("message").put("text", sentence(f.message()) + " Fix: " + sentence(f.fix()));
      if (!f.also().isEmpty()) {
        // the other rules that flagged this same expression (their reasons are in the message)
        ArrayNode also = r.putObject("properties").putArray("alsoRuleIds");
        f.also().forEach(other -> also.add(other.rule()));
      }
      ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
      artifactLocation(physical, f.path());
      ObjectNode region = physical.putObject("region");
      region.put("startLine", f.line());
      region.put("startColumn", f.column());
      region.put("endLine", f.endLine());
      region.put("endColumn", f.endColumn() + 1); // SARIF end columns are exclusive
      r.putObject("partialFingerprints").put("nanlint/v1", Fingerprint.of(f));
      if (f.hasEdit()) {
        // the mechanical fix, as SARIF 2.1.0 §3.55: replace the deleted region with the inserted text
        Edit edit = f.edit();
        ObjectNode fix = r.putArray("fixes").addObject();
        fix.putObject("description").put("text", sentence("Replace with " + edit.replacement()));
        ObjectNode change = fix.putArray("artifactChanges").addObject();
        artifactLocation(change, f.path());
        ObjectNode replacement = change.putArray("replacements").addObject();
        ObjectNode deleted = replacement.putObject("deletedRegion");
        deleted.put("startLine", edit.beginLine());
        deleted.put("startColumn", edit.beginColumn());
        deleted.put("endLine", edit.endLine());
        deleted.put("endColumn", edit.endColumn() + 1); // exclusive, as above
        replacement.putObject("insertedContent").put("text", edit.replacement());
      }
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    hiddenByBaseline.ifPresent(n -> invocation.putObject("properties").put("hiddenByBaseline", n));
    ArrayNode notes = invocation.putArray("toolExecutionNotifications");
    for (InputError e : errors) {
      ObjectNode n = notes.addObject();
      n.put("level", "error");
      n.putObject("message").put("text", sentence(e.message()));
      ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
      artifactLocation(physical, e.path());
      if (e.line() > 0) {
        physical.putObject("region").put("startLine", e.line()).put("startColumn", Math.max(1, e.column()));
      }
    }
    try {
      out.println(JsonReport.MAPPER.writeValueAsString(root));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String version() {
    try (var in = SarifReport.class.getResourceAsStream("/nanlint/version.properties")) {
      var props = new java.util.Properties();
      if (in != null) {
        props.load(in);
      }
      return props.getProperty("version", "0.0.0");
    } catch (java.io.IOException e) {
      return "0.0.0";
    }
  }

  /**
   * The text as a sentence, as SARIF asks of plain-text messages: ending with a period (added unless it
   * ends with one, or with ! or ?). The first letter stays as written: a message may begin with code.
   */
  static String sentence(String text) {
    String trimmed = text.strip();
    return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "note";
    };
  }

  private static void artifactLocation(ObjectNode parent, String path) {
    ObjectNode location = parent.putObject("artifactLocation");
    location.put("uri", uri(path));
    if (!Path.of(path).isAbsolute()) {
      location.put("uriBaseId", SRCROOT);
    }
  }

  /** A relative URI reference (forward slashes, percent-encoded) or, for an absolute path, a file: URI. */
  static String uri(String path) {
    if (Path.of(path).isAbsolute()) {
      return Path.of(path).toUri().toASCIIString();
    }
    try {
      return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      return path.replace('\\', '/');
    }
  }
}
