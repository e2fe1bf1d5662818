package dev.nanlint.cli;

import dev.nanlint.cli.report.Report;
import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.ConfigException;
import dev.nanlint.engine.Edits;
import dev.nanlint.engine.FailOn;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.InputError;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.Rule;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** The {@code nanlint} command. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors. */
@Command(name = "nanlint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = "Finds Java ML code that turns training into NaN/Infinity.",
    subcommands = {RulesCommand.class, ExplainCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  nanlint src/                          scan, print javac-style findings",
        "  nanlint --format sarif --output nanlint.sarif src/",
        "  nanlint --disable UnguardedDivision --fail-on error src/main/java",
        "  nanlint --fix --dry-run src/           show the mechanical fixes as a diff; --fix alone applies them",
        "  nanlint rules                         list the rules",
        "  nanlint explain UnguardedLog          print a rule's documentation",
        "",
        "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or input errors."})
public final class Main implements Callable<Integer> {
  /** The values of --fail-on, lower-case as typed and as --help lists them. */
  enum FailOnLevel { error, warning, note, never }

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories to scan (build output is skipped).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Report.Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--fail-on", paramLabel = "LEVEL",
      description = "Exit 1 when a finding is at least this severe: ${COMPLETION-CANDIDATES} (default: failOn in the"
          + " configuration, else warning).")
  FailOnLevel failOnOption;

  /** --fail-on, else the configuration's failOn, else warning. */
  private FailOn failOn;

  @Option(names = "--enable", split = ",", paramLabel = "RULE", description = "Turn rules on (comma-separated).")
  List<String> enable = new ArrayList<>();

  @Option(names = "--disable", split = ",", paramLabel = "RULE", description = "Turn rules off (comma-separated).")
  List<String> disable = new ArrayList<>();

  @Option(names = "--severity", split = ",", paramLabel = "RULE=LEVEL",
      description = "Change a rule's severity, e.g. UnguardedDivision=note (repeatable).")
  Map<String, String> severities = new LinkedHashMap<>();

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "Skip files matching GLOB, relative to each PATH (repeatable), e.g. '**/generated/**'.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings not recorded in FILE.")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "Record every current finding in FILE (to adopt nanlint on existing code), then exit 0.")
  Path writeBaseline;

  @Option(names = "--fix",
      description = "Apply the mechanical fixes in place (see docs/fix.md); the report then lists the findings that remain.")
  boolean fix;

  @Option(names = "--dry-run", description = "With --fix: print the fixes as a unified diff and change no file.")
  boolean dryRun;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Give up on a single file after this much CPU time (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--config", paramLabel = "FILE",
      description = "nanlint.properties to read (default: the nearest nanlint.properties in this directory or above it,"
          + " up to the repository root; none: the defaults).")
  Path configFile;

  @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8", description = "Source encoding (default: ${DEFAULT-VALUE}).")
  Charset encoding;

  @Option(names = "--jobs", paramLabel = "N", description = "Files scanned in parallel (default: all cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--no-color", description = "Never colour the text report.")
  boolean noColor;

  @Option(names = "--stats", hidden = true, description = "Print what the project index's second pass did.")
  boolean stats;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The rules to run; null: the built-in rules plus those on the class path (ServiceLoader). */
  private final List<Rule> rules;

  public Main() {
    this(null);
  }

  Main(List<Rule> rules) {
    this.rules = rules;
  }

  public static void main(String[] args) {
    int relaunched = TunedJvm.relaunch(args);
    System.exit(relaunched >= 0 ? relaunched : run(args, System.out, System.err));
  }

  /** Runs the command with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, null);
  }

  /** Runs the command with the given rules instead of the catalogue (tests). */
  static int run(String[] args, PrintStream out, PrintStream err, List<Rule> rules) {
    CommandLine cli = new CommandLine(new Main(rules));
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("nanlint: error: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    });
    int code = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    return code;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (paths.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no PATH given: which files should nanlint scan?");
    }
    if (dryRun && !fix) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--dry-run goes with --fix: nanlint --fix --dry-run PATH");
    }
    if (fix && writeBaseline != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--fix and --write-baseline do not go together: fix first, then record the baseline");
    }
    List<Rule> catalogue = rules != null ? rules : BuiltInRules.withServiceLoaded(Main.class.getClassLoader());
    Config config = loadConfig(catalogue);
    failOn = config.failOn().orElse(FailOn.WARNING);
    Linter linter = new Linter(catalogue, config);

    List<InputError> errors = new ArrayList<>();
    List<Path> files = SourceFiles.find(paths, config.excludes(), errors);
    FileScan scan = scan();
    List<FileResult> results = fix ? fixAll(linter, files, out, err, errors) : scan.lint(linter, files, encoding, err);
    if (stats && !fix) {
      FileScan.IndexStats s = scan.indexStats();
      err.println("nanlint: project index: " + s.dependentFiles() + " file(s) checked again with the summaries of "
          + s.summarisedMethods() + " method(s) from " + s.calleeFiles() + " other file(s)");
    }
    List<Finding> findings = new ArrayList<>();
    for (FileResult r : results) {
      findings.addAll(r.findings());
      errors.addAll(r.errors());
    }
    if (writeBaseline != null) {
      Baseline.write(writeBaseline, findings);
      err.println("nanlint: recorded " + findings.size() + " finding(s) in " + writeBaseline);
      err.flush();
      return errors.isEmpty() || failOn == FailOn.NEVER ? 0 : 2;
    }
    OptionalInt hiddenByBaseline = OptionalInt.empty();
    if (baseline != null) {
      int before = findings.size();
      findings = Baseline.filter(baseline, findings);
      hiddenByBaseline = OptionalInt.of(before - findings.size());
    }

    Report report = Report.create(format, catalogue, config, !noColor && output == null && System.console() != null);
    if (output != null) {
      try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
        report.write(file, findings, errors, files.size(), hiddenByBaseline);
      }
    } else if (dryRun) {
      out.flush(); // standard output holds the diff alone, so it can go straight to patch or git apply
    } else {
      report.write(out, findings, errors, files.size(), hiddenByBaseline);
      out.flush();
    }
    for (InputError e : errors) {
      err.println(Report.sanitize(e.path()) + (e.line() > 0 ? ":" + e.line() + ":" + e.column() : "")
          + ": error: " + Report.sanitize(e.message()));
    }
    if (!errors.isEmpty() && failOn != FailOn.NEVER) {
      return 2;
    }
    err.flush();
    return fails(findings) ? 1 : 0;
  }

  private boolean fails(List<Finding> findings) {
    return findings.stream().anyMatch(f -> failOn.fails(f.severity()));
  }

  /**
   * The configuration file (--config, else the nearest nanlint.properties; none: the defaults) with the
   * options on top, all through the one parser: an unknown rule, a bad level or glob stops the run with one
   * line naming the file and line or the option (exit 2).
   */
  private Config loadConfig(List<Rule> catalogue) throws ConfigException {
    Path file = configFile != null ? configFile : Config.find(Path.of("")).orElse(null);
    Config config = file == null ? Config.defaults() : Config.load(file, catalogue);
    if (!enable.isEmpty()) {
      config = config.with("enable", String.join(",", enable), "--enable", catalogue);
    }
    if (!disable.isEmpty()) {
      config = config.with("disable", String.join(",", disable), "--disable", catalogue);
    }
    for (Map.Entry<String, String> e : severities.entrySet()) {
      config = config.with("severity." + e.getKey(), e.getValue(), "--severity", catalogue);
    }
    for (String glob : excludes) {
      config = config.with("exclude", glob, "--exclude", catalogue);
    }
    if (failOnOption != null) {
      config = config.with("failOn", failOnOption.name(), "--fail-on", catalogue);
    }
    return config;
  }

  private FileScan scan() {
    return new FileScan(jobs, timeoutSeconds);
  }

  /**
   * --fix: each file is read, linted, fixed in memory, re-parsed and re-linted on a worker; here, in file
   * order, the fix is written (or its diff printed, for --dry-run). Returns the findings that remain.
   */
  private List<FileResult> fixAll(Linter linter, List<Path> files, PrintWriter out, PrintWriter err,
      List<InputError> errors) throws InterruptedException {
    FileFixer fixer = new FileFixer(linter, encoding);
    List<FileResult> results = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int[] fixedFindings = new int[1];
    int[] fixedFiles = new int[1];
    scan().forEach(files, fixer::prepare,
        (path, message) -> new FileFixer.Plan(Path.of(path), path, null, FileResult.error(path, 0, 0, message),
            null, null, null),
        err, plan -> {
          boolean applied;
          if (dryRun) {
            if (plan.problem() != null) {
              errors.add(new InputError(plan.display(), 0, 0, plan.problem()));
            }
            applied = plan.writable();
            if (applied) {
              out.print(UnifiedDiff.of(plan.display(), plan.edits()));
            }
            results.add(plan.before()); // nothing is written: every finding remains
          } else {
            FileFixer.Outcome outcome = fixer.commit(plan);
            if (outcome.error() != null) {
              errors.add(outcome.error());
            }
            applied = outcome.written();
            results.add(outcome.remaining());
          }
          if (applied) {
            fixedFindings[0] += plan.edits().fixed().size();
            fixedFiles[0]++;
            for (Edits.Skipped s : plan.edits().skipped()) {
              Finding f = s.finding();
              Finding o = s.overlapping();
              notes.add(Report.sanitize(f.path()) + ":" + f.line() + ":" + f.column() + ": note: [" + f.rule()
                  + "] fix skipped: it overlaps the fix of [" + o.rule() + "] at " + o.line() + ":" + o.column()
                  + "; run nanlint --fix again to apply it");
            }
          }
        });
    out.flush();
    notes.forEach(err::println);
    err.println("nanlint: " + (dryRun ? "would fix " : "fixed ") + fixedFindings[0] + " finding"
        + (fixedFindings[0] == 1 ? "" : "s") + " in " + fixedFiles[0] + " file" + (fixedFiles[0] == 1 ? "" : "s")
        + (dryRun ? " (dry run: no file was changed)" : ""));
    err.flush();
    return results;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      return new String[] {"nanlint " + version()};
    }

    static String version() throws IOException {
      var props = new java.util.Properties();
      try (var in = Main.class.getResourceAsStream("/nanlint/version.properties")) {
        if (in != null) {
          props.load(in);
        }
      }
      return props.getProperty("version", "unknown");
    }
  }
}
