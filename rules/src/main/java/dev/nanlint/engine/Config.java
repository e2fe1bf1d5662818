package dev.nanlint.engine;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;

/**
 * Which rules run, at what severity, on which files, and what fails the build: {@code nanlint.properties},
 * read by this one parser for the command, the processor and the Maven plugin.
 *
 * <pre>
 * disable = UnguardedDivision, NaNEquality
 * enable = SomeOffByDefaultRule
 * severity.UnguardedLog = error
 * exclude = **&#47;generated/**
 * failOn = warning
 * HighLearningRate.adam = 0.01
 * </pre>
 *
 * A configuration fails closed: an unknown key, an unknown rule, a bad severity, level, glob or threshold is a
 * {@link ConfigException} naming the file, the line and the problem, never a silently ignored line. The keys
 * besides the five above are the thresholds the rules declare ({@link Rule#configKeys()}). Options given on
 * the command line or to javac go through {@link #with} and the same checks.
 */
public final class Config {
  /** The file every tool looks for when none is named. */
  public static final String FILE_NAME = "nanlint.properties";

  private static final String ENABLE = "enable";
  private static final String DISABLE = "disable";
  private static final String SEVERITY = "severity.";
  private static final String EXCLUDE = "exclude";
  private static final String FAIL_ON = "failOn";

  private final Set<String> enabled;
  private final Set<String> disabled;
  private final Map<String, Severity> severities;
  private final List<String> excludes;
  private final List<PathMatcher> excludeMatchers;
  private final FailOn failOn;
  private final Map<String, String> properties;
  private final Path file;

  private Config(Set<String> enabled, Set<String> disabled, Map<String, Severity> severities, List<String> excludes,
      FailOn failOn, Map<String, String> properties, Path file) {
    this.enabled = Set.copyOf(enabled);
    this.disabled = Set.copyOf(disabled);
    this.severities = Map.copyOf(severities);
    this.excludes = List.copyOf(excludes);
    this.excludeMatchers = excludes.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    this.failOn = failOn;
    this.properties = Map.copyOf(properties);
    this.file = file;
  }

  public static Config defaults() {
    return new Config(Set.of(), Set.of(), Map.of(), List.of(), null, Map.of(), null);
  }

  /**
   * Reads {@code file}, checking rule names and threshold keys against {@code rules}. A file that is missing,
   * unreadable or not UTF-8 is as much an error as a bad line: the user named it, or it was found.
   */
  public static Config load(Path file, List<Rule> rules) throws ConfigException {
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, 0, "no such file");
    } catch (AccessDeniedException e) {
      throw new ConfigException(source, 0, "cannot read: permission denied");
    } catch (IOException e) {
      throw new ConfigException(source, 0, Files.isDirectory(file) ? "is a directory, not a file"
          : "cannot read: " + e.getMessage());
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(source, 0, "not valid UTF-8 text");
    }
    return parse(text, source, rules).located(file);
  }

  /**
   * The configuration in {@code text} (properties syntax), {@code source} naming it in errors. Each line is
   * read by {@link Properties} itself, so escapes and continuation lines mean what they mean there; a key
   * given twice is an error, as a later line silently replacing an earlier one would be.
   */
  public static Config parse(String text, String source, List<Rule> rules) throws ConfigException {
    Known known = new Known(rules);
    Config config = defaults();
    Map<String, Integer> seen = new HashMap<>();
    String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\\R", -1) : text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripLeading();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue; // comment lines never continue onto the next line
      }
      int first = i;
      StringBuilder logical = new StringBuilder(line);
      while (endsInContinuation(lines[i]) && i + 1 < lines.length) {
        logical.append('\n').append(lines[++i]);
      }
      Properties entry = new Properties();
      try {
        entry.load(new StringReader(logical.toString()));
      } catch (IOException | IllegalArgumentException e) { // a malformed \\uXXXX escape
        throw new ConfigException(source, first + 1, "cannot read this line: " + e.getMessage());
      }
      for (String key : entry.stringPropertyNames()) {
        Integer earlier = seen.putIfAbsent(key, first + 1);
        if (earlier != null) {
          throw new ConfigException(source, first + 1, "'" + key + "' is set again (first on line " + earlier + ")");
        }
        config = config.apply(key, entry.getProperty(key), source, first + 1, known);
      }
    }
    return config;
  }

  /** True when the line ends in an odd number of backslashes: properties syntax continues it on the next. */
  private static boolean endsInContinuation(String line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /**
   * This configuration with one more setting from the command line or a processor option, checked as a line
   * of the file would be: {@code enable}, {@code disable} and {@code exclude} add to the file's, the others
   * replace it. {@code source} names the option in errors ({@code --severity}).
   */
  public Config with(String key, String value, String source, List<Rule> rules) throws ConfigException {
    return apply(key, value, source, 0, new Known(rules));
  }

  private Config apply(String key, String rawValue, String source, int line, Known known) throws ConfigException {
    String value = rawValue.trim();
    switch (key) {
      case ENABLE -> {
        return enable(known.rules(splitList(value), key, source, line));
      }
      case DISABLE -> {
        return disable(known.rules(splitList(value), key, source, line));
      }
      case EXCLUDE -> {
        List<String> globs = new ArrayList<>(excludes);
        for (String glob : splitList(value)) {
          try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
          } catch (PatternSyntaxException e) {
            throw new ConfigException(source, line, "exclude: bad glob '" + glob + "': " + e.getDescription());
          }
          globs.add(glob);
        }
        return new Config(enabled, disabled, severities, globs, failOn, properties, file);
      }
      case FAIL_ON -> {
        try {
          return new Config(enabled, disabled, severities, excludes, FailOn.parse(value), properties, file);
        } catch (IllegalArgumentException e) {
          throw new ConfigException(source, line, key + ": " + e.getMessage());
        }
      }
      default -> {
        if (key.startsWith(SEVERITY)) {
          String rule = key.substring(SEVERITY.length());
          known.rules(List.of(rule), key, source, line);
          try {
            return withSeverity(rule, Severity.parse(value));
          } catch (IllegalArgumentException e) {
            throw new ConfigException(source, line, key + ": " + e.getMessage());
          }
        }
        Rule owner = known.thresholds.get(key);
        if (owner == null) {
          throw new ConfigException(source, line, "unknown key '" + key + "'" + known.keyHint(key));
        }
        String problem = owner.checkConfig(key, value);
        if (problem != null) {
          throw new ConfigException(source, line, key + ": " + problem);
        }
        Map<String, String> copy = new LinkedHashMap<>(properties);
        copy.put(key, value);
        return new Config(enabled, disabled, severities, excludes, failOn, copy, file);
      }
    }
  }

  /** The rule names and threshold keys a configuration may use. */
  private static final class Known {
    private final Set<String> ruleNames = new TreeSet<>();
    private final Map<String, Rule> thresholds = new LinkedHashMap<>();

    Known(List<Rule> rules) {
      for (Rule rule : rules) {
        ruleNames.add(rule.info().name());
        rule.configKeys().forEach(k -> thresholds.put(k, rule));
      }
    }

    /** {@code names}, each checked to be a rule. */
    List<String> rules(List<String> names, String key, String source, int line) throws ConfigException {
      for (String name : names) {
        if (!ruleNames.contains(name)) {
          throw new ConfigException(source, line, "unknown rule '" + name + "' in " + key
              + DidYouMean.hint(name, ruleNames) + "; `nanlint rules` lists them");
        }
      }
      return names;
    }

    String keyHint(String key) {
      Set<String> keys = new LinkedHashSet<>(List.of(ENABLE, DISABLE, EXCLUDE, FAIL_ON));
      ruleNames.forEach(r -> keys.add(SEVERITY + r));
      keys.addAll(thresholds.keySet());
      String hint = DidYouMean.hint(key, keys);
      if (!hint.isEmpty()) {
        return hint;
      }
      return "; the keys are enable, disable, severity.<Rule>, exclude, failOn"
          + (thresholds.isEmpty() ? "" : " and the rules' thresholds (" + String.join(", ", new TreeSet<>(thresholds.keySet())) + ")");
    }
  }

  /** Splits "A, B,C" into its names; blank entries are dropped. */
  public static List<String> splitList(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * The {@value #FILE_NAME} that applies to {@code directory}: in it or the nearest directory above it,
   * looking no higher than the root of its repository (a directory holding {@code .git}, {@code .hg} or
   * {@code .svn}), so a build never picks up a stray file from a home directory. Empty when there is none:
   * then the defaults apply.
   */
  public static Optional<Path> find(Path directory) {
    for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      if (Files.exists(dir.resolve(".git")) || Files.exists(dir.resolve(".hg")) || Files.exists(dir.resolve(".svn"))) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private Config located(Path from) {
    return new Config(enabled, disabled, severities, excludes, failOn, properties, from);
  }

  public Config enable(Collection<String> names) {
    Set<String> on = new LinkedHashSet<>(enabled);
    Set<String> off = new LinkedHashSet<>(disabled);
    on.addAll(names);
    off.removeAll(names);
    return new Config(on, off, severities, excludes, failOn, properties, file);
  }

  public Config disable(Collection<String> names) {
    Set<String> on = new LinkedHashSet<>(enabled);
    Set<String> off = new LinkedHashSet<>(disabled);
    off.addAll(names);
    on.removeAll(names);
    return new Config(on, off, severities, excludes, failOn, properties, file);
  }

  public Config withSeverity(String rule, Severity severity) {
    Map<String, Severity> copy = new LinkedHashMap<>(severities);
    copy.put(rule, severity);
    return new Config(enabled, disabled, copy, excludes, failOn, properties, file);
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

  /** Rule names this configuration mentions. */
  public Set<String> mentionedRules() {
    Set<String> names = new LinkedHashSet<>(enabled);
    names.addAll(disabled);
    names.addAll(severities.keySet());
    return names;
  }

  /** The {@code exclude} globs, in order. */
  public List<String> excludes() {
    return excludes;
  }

  /**
   * True when an {@code exclude} glob matches {@code path}. Callers pass the file's path relative to a base
   * (the configuration file's directory, a scanned directory) and its full path; {@code **} crosses
   * directories, so {@code **}{@code /generated/**} matches under any base.
   */
  public boolean excludes(Path path) {
    return excludeMatchers.stream().anyMatch(m -> m.matches(path));
  }

  /** {@code failOn}, when the configuration sets it. */
  public Optional<FailOn> failOn() {
    return Optional.ofNullable(failOn);
  }

  /** The file this configuration was read from, when it was read from one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** A rule's setting (a threshold it declared in {@link Rule#configKeys()}), or {@code defaultValue}. */
  public String property(String key, String defaultValue) {
    return properties.getOrDefault(key, defaultValue);
  }
}
