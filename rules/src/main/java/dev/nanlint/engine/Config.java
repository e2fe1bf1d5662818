package dev.nanlint.engine;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Which rules run and at what severity. Read identically by the command and the processor from
 * {@code nanlint.properties}:
 *
 * <pre>
 * disable = UnguardedDivision, NaNEquality
 * enable = SomeOffByDefaultRule
 * severity.UnguardedLog = error
 * </pre>
 *
 * Every other key is kept and available to rules (for thresholds) through {@link #property}.
 */
public final class Config {
  private final Set<String> enabled;
  private final Set<String> disabled;
  private final Map<String, Severity> severities;
  private final Map<String, String> properties;

  private Config(Set<String> enabled, Set<String> disabled, Map<String, Severity> severities,
      Map<String, String> properties) {
    this.enabled = Set.copyOf(enabled);
    this.disabled = Set.copyOf(disabled);
    this.severities = Map.copyOf(severities);
    this.properties = Map.copyOf(properties);
  }

  public static Config defaults() {
    return new Config(Set.of(), Set.of(), Map.of(), Map.of());
  }

  public static Config load(Path file) throws IOException {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    }
    return fromProperties(props);
  }

  public static Config fromProperties(Properties props) {
    Config config = defaults();
    Map<String, String> rest = new LinkedHashMap<>();
    for (String key : props.stringPropertyNames()) {
      String value = props.getProperty(key).trim();
      if (key.equals("enable")) {
        config = config.enable(splitList(value));
      } else if (key.equals("disable")) {
        config = config.disable(splitList(value));
      } else if (key.startsWith("severity.")) {
        config = config.withSeverity(key.substring("severity.".length()), Severity.parse(value));
      } else {
        rest.put(key, value);
      }
    }
    Map<String, String> merged = new LinkedHashMap<>(config.properties);
    merged.putAll(rest);
    return new Config(config.enabled, config.disabled, config.severities, merged);
  }

  /** Splits "A, B,C" into its names; blank entries are dropped. */
  public static List<String> splitList(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public Config enable(Collection<String> names) {
    Set<String> on = new LinkedHashSet<>(enabled);
    Set<String> off = new LinkedHashSet<>(disabled);
    on.addAll(names);
    off.removeAll(names);
    return new Config(on, off, severities, properties);
  }

  public Config disable(Collection<String> names) {
    Set<String> on = new LinkedHashSet<>(enabled);
    Set<String> off = new LinkedHashSet<>(disabled);
    off.addAll(names);
    on.removeAll(names);
    return new Config(on, off, severities, properties);
  }

  public Config withSeverity(String rule, Severity severity) {
    Map<String, Severity> copy = new LinkedHashMap<>(severities);
    copy.put(rule, severity);
    return new Config(enabled, disabled, copy, properties);
  }

  public boolean isEnabled(RuleInfo info) {
    if (disabled.contains(info.name())) {
      return false;
    }
    return info.enabledByDefault() || enabled.contains(info.name());
  }

  public Severity severityOf(RuleInfo info) {
    return severities.getOrDefault(info.name(), info.severity());
  }

  /** Rule names this configuration mentions, so callers can reject typos. */
  public Set<String> mentionedRules() {
    Set<String> names = new LinkedHashSet<>(enabled);
    names.addAll(disabled);
    names.addAll(severities.keySet());
    return names;
  }

  public String property(String key, String defaultValue) {
    return properties.getOrDefault(key, defaultValue);
  }
}
