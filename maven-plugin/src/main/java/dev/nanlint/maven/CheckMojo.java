package dev.nanlint.maven;

import dev.nanlint.cli.Baseline;
import dev.nanlint.cli.FileScan;
import dev.nanlint.cli.SourceFiles;
import dev.nanlint.cli.report.Report;
import dev.nanlint.cli.report.TextReport;
import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.ConfigException;
import dev.nanlint.engine.FailOn;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.InputError;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.Severity;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Runs nanlint on the module's sources: javac-style findings in the build log, a report file (SARIF by
 * default), and a failed build when a finding is at least {@code failOn}. The same engine, report
 * formats and baseline as the {@code nanlint} command.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {
  /** Skip nanlint. */
  @Parameter(property = "nanlint.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Fail the build on findings at least this severe: error, warning, note, or never. When not set, the
   * configuration file's {@code failOn}, else warning.
   */
  @Parameter(property = "nanlint.failOn")
  private String failOn;

  /** Report formats written to files: sarif, json, text, github (GitHub annotations, printed instead). */
  @Parameter(property = "nanlint.format", defaultValue = "sarif")
  private List<String> formats;

  /**
   * The report file. Default: {@code nanlint.sarif} (or {@code .json}, {@code .txt}) in the build
   * directory. With several file formats, each gets this name with its own extension.
   */
  @Parameter(property = "nanlint.outputFile")
  private File outputFile;

  /** Findings recorded here (by {@code nanlint --write-baseline}) are not reported. */
  @Parameter(property = "nanlint.baseline")
  private File baseline;

  /**
   * The nanlint.properties to read. Default: nanlint.properties in the module's directory, else in the
   * nearest parent directory up to the top of the multi-module project.
   */
  @Parameter(property = "nanlint.config")
  private File config;

  /** Rules to turn on (those off by default). */
  @Parameter(property = "nanlint.enable")
  private List<String> enable = new ArrayList<>();

  /** Rules to turn off. */
  @Parameter(property = "nanlint.disable")
  private List<String> disable = new ArrayList<>();

  /** Severity changes as {@code Rule=level}, e.g. {@code UnguardedDivision=note}. */
  @Parameter(property = "nanlint.severity")
  private List<String> severity = new ArrayList<>();

  /** Files to leave out: globs relative to the module's directory, e.g. {@code src/main/java/legacy/**}. */
  @Parameter
  private List<String> excludes = new ArrayList<>();

  /** Scan the test sources too. */
  @Parameter(property = "nanlint.includeTests", defaultValue = "false")
  private boolean includeTests;

  /** Source encoding. */
  @Parameter(property = "nanlint.encoding", defaultValue = "${project.build.sourceEncoding}")
  private String encoding;

  /** CPU seconds after which one file's analysis is stopped and reported as an input problem. */
  @Parameter(property = "nanlint.timeout", defaultValue = "10")
  private int timeoutSeconds;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  /** The directory paths are shown relative to; set by execute. */
  private Path buildRoot;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skip) {
      log.info("nanlint: skipped (nanlint.skip)");
      return;
    }
    Map<Report.Format, Path> reports = reportFiles();
    List<Path> roots = sourceRoots();
    if (roots.isEmpty()) {
      log.debug("nanlint: no sources in " + project.getBasedir());
      return;
    }

    // paths in the log and reports are relative to the top of the build wherever Maven runs, so baselines
    // and SARIF uploads match from the root and from a module alike
    buildRoot = ConfigLookup.buildRoot(project, session);
    List<Rule> catalogue = BuiltInRules.withServiceLoaded(CheckMojo.class.getClassLoader());
    Config settings = loadConfig(catalogue);
    Severity threshold = parseFailOn(failOn != null ? failOn
        : settings.failOn().map(FailOn::label).orElse("warning"));
    List<String> allExcludes = new ArrayList<>(settings.excludes());
    excludes.stream().map(this::underBasedir).forEach(allExcludes::add);
    List<InputError> errors = new ArrayList<>();
    List<Path> files = SourceFiles.find(roots, allExcludes, errors);
    List<Finding> findings = new ArrayList<>();
    try {
      for (FileResult result : new FileScan(Runtime.getRuntime().availableProcessors(), timeoutSeconds, buildRoot)
          .lint(new Linter(catalogue, settings), files, charset(), null)) {
        findings.addAll(result.findings());
        errors.addAll(result.errors());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("nanlint: interrupted", e);
    }
    OptionalInt hiddenByBaseline = OptionalInt.empty();
    if (baseline != null) {
      try {
        int before = findings.size();
        findings = Baseline.filter(baseline.toPath(), findings);
        hiddenByBaseline = OptionalInt.of(before - findings.size());
      } catch (IOException e) {
        throw new MojoExecutionException("nanlint: " + e.getMessage(), e);
      }
    }

    writeReports(reports, catalogue, settings, findings, errors, files.size(), hiddenByBaseline);
    logFindings(findings, errors, threshold, files.size());
    reports.values().stream().filter(p -> p != null).forEach(p -> log.info("nanlint: report written to " + shown(p)));
    failIfNeeded(findings, errors, threshold, reports);
  }

  /** null for never. */
  private static Severity parseFailOn(String value) throws MojoExecutionException {
    try {
      FailOn level = FailOn.parse(value);
      return level == FailOn.NEVER ? null : Severity.valueOf(level.name());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("nanlint: failOn " + e.getMessage());
    }
  }

  /** Each file format with its file; github annotations go to the console and have none. */
  private Map<Report.Format, Path> reportFiles() throws MojoExecutionException {
    List<Report.Format> chosen = new ArrayList<>();
    for (String name : formats) {
      for (String one : Config.splitList(name)) {
        try {
          Report.Format format = Report.Format.valueOf(one.toLowerCase(Locale.ROOT));
          if (!chosen.contains(format)) {
            chosen.add(format);
          }
        } catch (IllegalArgumentException e) {
          throw new MojoExecutionException("nanlint: format '" + one + "' is not one of text, json, sarif, github");
        }
      }
    }
    List<Report.Format> toFiles = chosen.stream().filter(f -> f != Report.Format.github).toList();
    Map<Report.Format, Path> files = new LinkedHashMap<>();
    for (Report.Format format : chosen) {
      Path file = null;
      if (format != Report.Format.github) {
        if (outputFile == null) {
          file = Path.of(project.getBuild().getDirectory(), "nanlint" + extension(format));
        } else if (toFiles.size() == 1) {
          file = outputFile.toPath();
        } else {
          file = withExtension(outputFile.toPath(), extension(format));
        }
      }
      files.put(format, file);
    }
    return files;
  }

  private static String extension(Report.Format format) {
    return switch (format) {
      case sarif -> ".sarif";
      case json -> ".json";
      case text, github -> ".txt";
    };
  }

  private static Path withExtension(Path file, String extension) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
  }

  /**
   * The compile source roots (and test roots on request) that exist, minus generated sources under the
   * build directory: nanlint checks the code people write.
   */
  private List<Path> sourceRoots() {
    List<String> names = new ArrayList<>(project.getCompileSourceRoots());
    if (includeTests) {
      names.addAll(project.getTestCompileSourceRoots());
    }
    Path buildDirectory = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    List<Path> roots = new ArrayList<>();
    for (String name : names) {
      Path root = project.getBasedir().toPath().resolve(name).toAbsolutePath().normalize();
      if (Files.isDirectory(root) && !root.startsWith(buildDirectory) && !roots.contains(root)) {
        roots.add(root);
      }
    }
    return roots;
  }

  /** An exclude glob relative to the module's directory, as an absolute glob (SourceFiles matches both). */
  private String underBasedir(String glob) {
    String base = project.getBasedir().toPath().toAbsolutePath().normalize().toString().replace('\\', '/');
    StringBuilder escaped = new StringBuilder();
    for (char c : base.toCharArray()) {
      if ("*?[]{}\\".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    String relative = glob.startsWith("/") ? glob.substring(1) : glob;
    return escaped + "/" + relative;
  }

  private Charset charset() throws MojoExecutionException {
    if (encoding == null || encoding.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(encoding.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new MojoExecutionException("nanlint: unknown encoding '" + encoding + "'");
    }
  }

  private Config loadConfig(List<Rule> catalogue) throws MojoExecutionException {
    Path file = config != null ? config.toPath() : ConfigLookup.find(project, session);
    Config loaded;
    if (file == null) {
      getLog().debug("nanlint: no nanlint.properties found; default configuration");
      loaded = Config.defaults();
    } else {
      if (!Files.isRegularFile(file)) {
        throw new MojoExecutionException("nanlint: configuration file " + file + " does not exist");
      }
      getLog().debug("nanlint: configuration " + file);
      try {
        loaded = Config.load(file, catalogue);
      } catch (ConfigException e) { // names the file, the line and the problem
        throw new MojoExecutionException("nanlint: " + e.getMessage(), e);
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        throw new MojoExecutionException("nanlint: cannot read configuration " + file + ": " + e.getMessage(), e);
      }
    }
    // the plugin's parameters through the same parser as the file, the command's options and javac's
    try {
      if (!splitAll(enable).isEmpty()) {
        loaded = loaded.with("enable", String.join(",", splitAll(enable)), "the plugin's enable", catalogue);
      }
      if (!splitAll(disable).isEmpty()) {
        loaded = loaded.with("disable", String.join(",", splitAll(disable)), "the plugin's disable", catalogue);
      }
      for (String entry : splitAll(severity)) {
        int equals = entry.indexOf('=');
        if (equals <= 0) {
          throw new MojoExecutionException("nanlint: severity '" + entry + "' is not Rule=level");
        }
        loaded = loaded.with("severity." + entry.substring(0, equals).trim(), entry.substring(equals + 1),
            "the plugin's severity", catalogue);
      }
    } catch (ConfigException e) {
      throw new MojoExecutionException("nanlint: " + e.getMessage(), e);
    }
    return loaded;
  }

  /** The names in a list parameter, each entry possibly comma-separated (as from -Dnanlint.disable=A,B). */
  private static List<String> splitAll(List<String> values) {
    List<String> names = new ArrayList<>();
    if (values != null) {
      values.forEach(v -> names.addAll(Config.splitList(v)));
    }
    return names;
  }

  private void writeReports(Map<Report.Format, Path> reports, List<Rule> catalogue, Config settings,
      List<Finding> findings, List<InputError> errors, int filesScanned, OptionalInt hiddenByBaseline)
      throws MojoExecutionException {
    for (Map.Entry<Report.Format, Path> entry : reports.entrySet()) {
      Report report = Report.create(entry.getKey(), catalogue, settings, false, buildRoot);
      Path file = entry.getValue();
      if (file == null) {
        // GitHub reads workflow commands only at the start of a line: no log prefix
        PrintWriter console = new PrintWriter(System.out, false, Charset.defaultCharset());
        report.write(console, findings, errors, filesScanned, hiddenByBaseline);
        console.flush();
        continue;
      }
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
          report.write(out, findings, errors, filesScanned, hiddenByBaseline);
        }
      } catch (IOException | UncheckedIOException e) {
        throw new MojoExecutionException("nanlint: cannot write report " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** javac-style text in the log: [ERROR] for what fails the build, [WARNING]/[INFO] for the rest. */
  private void logFindings(List<Finding> findings, List<InputError> errors, Severity threshold, int filesScanned) {
    Log log = getLog();
    TextReport text = new TextReport(false);
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Finding f : findings) {
      counts.merge(f.severity(), 1, Integer::sum);
      String message = text.format(f);
      if (fails(f, threshold)) {
        log.error(message);
      } else if (f.severity() == Severity.NOTE) {
        log.info(message);
      } else {
        log.warn(message);
      }
    }
    for (InputError e : errors) {
      String message = Report.sanitize(e.path()) + (e.line() > 0 ? ":" + e.line() + ":" + e.column() : "")
          + ": error: " + Report.sanitize(e.message());
      if (threshold == null) {
        log.warn(message);
      } else {
        log.error(message);
      }
    }
    log.info(String.format("nanlint: %d file%s scanned, %d error%s, %d warning%s, %d note%s%s", filesScanned,
        plural(filesScanned), counts.getOrDefault(Severity.ERROR, 0), plural(counts.getOrDefault(Severity.ERROR, 0)),
        counts.getOrDefault(Severity.WARNING, 0), plural(counts.getOrDefault(Severity.WARNING, 0)),
        counts.getOrDefault(Severity.NOTE, 0), plural(counts.getOrDefault(Severity.NOTE, 0)),
        errors.isEmpty() ? "" : ", " + errors.size() + " input problem" + plural(errors.size())));
  }

  private void failIfNeeded(List<Finding> findings, List<InputError> errors, Severity threshold,
      Map<Report.Format, Path> reports) throws MojoFailureException {
    if (threshold == null) {
      return;
    }
    long failing = findings.stream().filter(f -> fails(f, threshold)).count();
    if (failing == 0 && errors.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (failing > 0) {
      problems.add(failing + " finding" + plural(failing) + " at or above " + threshold.label());
    }
    if (!errors.isEmpty()) {
      problems.add(errors.size() + " file" + plural(errors.size()) + " that could not be checked");
    }
    String files = reports.values().stream().filter(p -> p != null).map(this::shown).collect(Collectors.joining(", "));
    throw new MojoFailureException("nanlint: " + String.join(" and ", problems)
        + (files.isEmpty() ? "" : "; report: " + files)
        + " (failOn=" + threshold.label() + "; -Dnanlint.failOn=never reports without failing)");
  }

  private static boolean fails(Finding f, Severity threshold) {
    return threshold != null && f.severity().atLeast(threshold);
  }

  /** A report's path as findings name files: relative to the top of the build. */
  private String shown(Path file) {
    return SourceFiles.display(file, buildRoot);
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
