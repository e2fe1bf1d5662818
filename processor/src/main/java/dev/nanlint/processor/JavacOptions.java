package dev.nanlint.processor;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.ConfigException;
import dev.nanlint.engine.DidYouMean;
import dev.nanlint.engine.FailOn;
import dev.nanlint.engine.Rule;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.tools.Diagnostic;

/**
 * The {@code nanlint.*} options of the processor ({@code -Ananlint.disable=...}) and the plugin
 * ({@code -Xplugin:"Nanlint disable=..."}), checked as strictly as the configuration file: an unknown option,
 * rule or value is a {@link ConfigException} naming the option, which javac reports as an error.
 */
final class JavacOptions {
  static final String CONFIG = "nanlint.config";
  static final String DISABLE = "nanlint.disable";
  static final String ENABLE = "nanlint.enable";
  static final String SEVERITY = "nanlint.severity";
  static final String FAIL_ON = "nanlint.failOn";
  /** {@code true}: the same as {@code failOn=warning}, kept from before failOn existed. */
  static final String WERROR = "nanlint.werror";
  static final String WARNING_KIND = "nanlint.warningKind";
  static final String EXCLUDED_PATHS = "nanlint.excludedPaths";
  /** {@code true}: a NOTE at the end says how many files were read from javac's trees and how many parsed again. */
  static final String STATS = "nanlint.stats";
  /**
   * Where the index cache goes ({@link CompileIndexCache}), or {@code none}; default: beside the class output
   * directory, which the processor finds itself and the plugin only when annotation processing is on.
   */
  static final String INDEX_CACHE = "nanlint.indexCache";
  static final Set<String> ALL = Set.of(CONFIG, DISABLE, ENABLE, SEVERITY, FAIL_ON, WERROR, WARNING_KIND,
      EXCLUDED_PATHS, STATS, INDEX_CACHE);
  /** The kinds a finding below failOn may take. */
  private static final Set<String> WARNING_KINDS = Set.of("MANDATORY_WARNING", "WARNING", "NOTE");

  private final Map<String, String> options;
  private final List<Rule> rules;
  /** The file {@code nanlint.config} names; null: the processor looks for nanlint.properties above the sources. */
  final Path configFile;
  /** {@code nanlint.failOn}, or {@code nanlint.werror=true}; null: the file's failOn, else error. */
  private final FailOn failOn;
  /** How findings below failOn are reported: MANDATORY_WARNING (survives -nowarn), WARNING or NOTE (-Werror). */
  final Diagnostic.Kind warningKind;
  /** {@code nanlint.excludedPaths}: source files whose path it finds are skipped; null for none. */
  final Pattern excludedPaths;
  final boolean stats;
  /** {@code nanlint.indexCache=FILE}; null: the default place, or none. */
  final Path indexCacheFile;
  /** {@code nanlint.indexCache=none}: no index cache is read or written. */
  final boolean noIndexCache;

  private JavacOptions(Map<String, String> options, List<Rule> rules) throws ConfigException {
    this.options = options;
    this.rules = rules;
    for (String key : options.keySet()) {
      if (key.startsWith("nanlint.") && !ALL.contains(key)) {
        throw new ConfigException(key, 0, "unknown option" + DidYouMean.hint(key, ALL) + "; the options are "
            + String.join(", ", new TreeSet<>(ALL)));
      }
    }
    this.configFile = configFile(options.get(CONFIG));
    boolean werror = bool(WERROR);
    if (werror && options.containsKey(FAIL_ON)) {
      throw new ConfigException(WERROR, 0, "give nanlint.failOn or nanlint.werror, not both (werror=true is failOn=warning)");
    }
    this.failOn = options.containsKey(FAIL_ON) ? failOnOption(options.get(FAIL_ON)) : werror ? FailOn.WARNING : null;
    String kind = options.getOrDefault(WARNING_KIND, "MANDATORY_WARNING").trim().toUpperCase(Locale.ROOT);
    if (!WARNING_KINDS.contains(kind)) {
      throw new ConfigException(WARNING_KIND, 0, "'" + options.get(WARNING_KIND).trim()
          + "' is not one of MANDATORY_WARNING, WARNING, NOTE");
    }
    this.warningKind = Diagnostic.Kind.valueOf(kind);
    String excludes = options.get(EXCLUDED_PATHS);
    try {
      this.excludedPaths = excludes == null || excludes.isBlank() ? null : Pattern.compile(excludes);
    } catch (PatternSyntaxException e) {
      throw new ConfigException(EXCLUDED_PATHS, 0, "bad regular expression: " + e.getDescription());
    }
    this.stats = bool(STATS);
    String cache = options.get(INDEX_CACHE);
    this.noIndexCache = cache != null && cache.trim().equalsIgnoreCase("none");
    this.indexCacheFile = cache == null || noIndexCache ? null : indexCacheFile(cache);
    configure(Config.defaults()); // every rule name and level checked now, before javac starts
  }

  /** The options, checked against {@code rules}; the configuration file is read later ({@link #configure}). */
  static JavacOptions parse(Map<String, String> options, List<Rule> rules) throws ConfigException {
    return new JavacOptions(options, rules);
  }

  /** {@code file} (a configuration file, or the defaults) with the rule options on top. */
  Config configure(Config file) throws ConfigException {
    Config config = file;
    if (options.containsKey(ENABLE)) {
      config = config.with("enable", options.get(ENABLE), ENABLE, rules);
    }
    if (options.containsKey(DISABLE)) {
      config = config.with("disable", options.get(DISABLE), DISABLE, rules);
    }
    for (String pair : Config.splitList(options.getOrDefault(SEVERITY, ""))) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new ConfigException(SEVERITY, 0, "expected Rule=level, got '" + pair + "'");
      }
      config = config.with("severity." + pair.substring(0, eq).trim(), pair.substring(eq + 1), SEVERITY, rules);
    }
    return config;
  }

  /** The least severe finding that fails the build: the option, else the file's failOn, else error. */
  FailOn failOn(Config config) {
    return failOn != null ? failOn : config.failOn().orElse(FailOn.ERROR);
  }

  private boolean bool(String key) throws ConfigException {
    String value = options.getOrDefault(key, "false").trim();
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new ConfigException(key, 0, "'" + value + "' is not true or false");
    }
    return Boolean.parseBoolean(value);
  }

  private static Path configFile(String value) throws ConfigException {
    try {
      return value == null ? null : Path.of(value.trim());
    } catch (InvalidPathException e) {
      throw new ConfigException(CONFIG, 0, "'" + value + "' is not a path: " + e.getReason());
    }
  }

  private static Path indexCacheFile(String value) throws ConfigException {
    if (value.isBlank()) {
      throw new ConfigException(INDEX_CACHE, 0, "give a file, or none to keep no index cache");
    }
    try {
      return Path.of(value.trim());
    } catch (InvalidPathException e) {
      throw new ConfigException(INDEX_CACHE, 0, "'" + value + "' is not a path: " + e.getReason());
    }
  }

  private static FailOn failOnOption(String value) throws ConfigException {
    try {
      return FailOn.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(FAIL_ON, 0, e.getMessage());
    }
  }
}
