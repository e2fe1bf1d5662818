package dev.nanlint.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one engine behind the command and the processor: parses a file with JavaParser, walks it once,
 * hands each node to the rules that want its type, and returns findings sorted by position, one per
 * expression ({@link SameExpression}).
 * Thread-safe: each call uses its own parser.
 */
public final class Linter {
  private static final Comparator<Finding> BY_POSITION = Comparator.comparingInt(Finding::line)
      .thenComparingInt(Finding::column).thenComparing(Finding::rule);

  private final List<Rule> rules;
  /** The enabled rules' names in catalogue order: which of two equally severe findings on one expression leads. */
  private final List<String> ruleNames;
  private final Config config;
  private final List<Dispatch<?>> dispatches;
  /**
   * Project-wide objects every file's {@link RuleContext#project} hands out (the project index of a two-pass
   * run); the engine knows nothing of them but that one may want to see each parsed unit ({@link UnitObserver}).
   */
  private final List<Object> project;
  /**
   * The dispatch for each node class met so far: the first of {@link #dispatches} whose type it is, or
   * {@link #NONE}. A map, not a {@code ClassValue}: its lookups missed their fast path on every node (profiled).
   */
  private final Map<Class<?>, Dispatch<?>> byClass = new ConcurrentHashMap<>();
  private static final Dispatch<?> NONE = new Dispatch<Node>(Node.class, (rule, node, ctx) -> {});

  public Linter(List<Rule> candidates, Config config) {
    this(candidates, config, List.of());
  }

  private Linter(List<Rule> candidates, Config config, List<Object> project) {
    this.project = project;
    this.config = config;
    this.rules = candidates.stream().filter(r -> config.isEnabled(r.info())).toList();
    this.ruleNames = rules.stream().map(r -> r.info().name()).toList();
    this.dispatches = List.of(
        new Dispatch<>(CompilationUnit.class, Rule::visit),
        new Dispatch<>(MethodDeclaration.class, Rule::visit),
        new Dispatch<>(MethodCallExpr.class, Rule::visit),
        new Dispatch<>(ObjectCreationExpr.class, Rule::visit),
        new Dispatch<>(BinaryExpr.class, Rule::visit),
        new Dispatch<>(AssignExpr.class, Rule::visit),
        new Dispatch<>(CastExpr.class, Rule::visit));
    dispatches.forEach(d -> d.select(rules, config));
  }

  /**
   * The parser settings every entry point uses. Language level RAW: the full grammar (records, switch
   * expressions, text blocks, patterns) without JavaParser's per-level validators, which reject nothing
   * javac accepts for us and cost half the parse time (measured: tribuo-core 1.5 s with JAVA_21
   * validation, 0.8 s RAW). No comment attribution. Tokens stay on: JavaParser 3.28 derives node
   * positions from them, and every finding needs its position. No detection of the file's line separator:
   * JavaParser finds it by looking up every character of the source among the separators' strings (a
   * tenth of the parse, profiled), only to record it on the unit for printing the whole unit, which
   * nanlint never does.
   */
  public static ParserConfiguration parserConfiguration() {
    return new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
        .setStoreTokens(true)
        .setAttributeComments(false)
        .setLexicalPreservationEnabled(false)
        .setDetectOriginalLineSeparator(false);
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * The same rules and configuration, with {@code services} handed to every file's rules through
   * {@link RuleContext#project(Class)}; a service that is a {@link UnitObserver} sees every unit parsed.
   */
  public Linter withProject(Object... services) {
    return new Linter(rules, config, List.of(services));
  }

  /** Sees every compilation unit before its rules run: a project index recording declarations (first pass). */
  public interface UnitObserver {
    void parsed(String path, CompilationUnit unit);
  }

  /** Parses and checks one file. Parse failures become an {@link InputError}, never an exception. */
  public FileResult lint(String path, String text) {
    if (isGenerated(text)) {
      return new FileResult(path, List.of(), List.of());
    }
    ParseResult<CompilationUnit> parsed;
    try {
      parsed = parseResult(text);
    } catch (StackOverflowError e) {
      return FileResult.error(path, 0, 0, "cannot parse: nesting too deep for the parser");
    } catch (RuntimeException e) {
      return FileResult.error(path, 0, 0, "cannot parse: " + e);
    }
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      Problem problem = parsed.getProblems().isEmpty() ? null : parsed.getProblems().get(0);
      int line = 0;
      int column = 0;
      if (problem != null && problem.getLocation().isPresent()) {
        TokenRange range = problem.getLocation().get();
        if (range.getBegin().getRange().isPresent()) {
          line = range.getBegin().getRange().get().begin.line;
          column = range.getBegin().getRange().get().begin.column;
        }
      }
      String message = problem == null ? "unknown parse error" : firstLine(problem.getMessage());
      return FileResult.error(path, line, column, "cannot parse: " + message);
    }
    return check(path, parsed.getResult().get(), new SourceText(text));
  }

  /** The unit of {@code text} as every entry point parses it; empty when it cannot be parsed. */
  public static java.util.Optional<CompilationUnit> parse(String text) {
    try {
      ParseResult<CompilationUnit> parsed = parseResult(text);
      return parsed.isSuccessful() ? parsed.getResult() : java.util.Optional.empty();
    } catch (StackOverflowError | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static ParseResult<CompilationUnit> parseResult(String text) {
    ParseResult<CompilationUnit> parsed = new JavaParser(parserConfiguration()).parse(text);
    if (!parsed.isSuccessful()) {
      // RAW misreads a few newer forms (`yield 1;` in a switch block); the Java 25 level, validators and
      // all, reads them. Only files RAW rejects pay for the second try.
      ParseResult<CompilationUnit> retry = new JavaParser(parserConfiguration()
          .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)).parse(text);
      if (retry.isSuccessful() && retry.getResult().isPresent()) {
        parsed = retry;
      }
    }
    return parsed;
  }

  /** Runs the rules over an already parsed unit. A rule that throws is reported and skipped for this file. */
  public FileResult check(String path, CompilationUnit unit, SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    RuleContext ctx = new RuleContext(path, unit, source, config, findings, project);
    List<Rule> failed = new ArrayList<>();
    try {
      for (Object service : project) {
        if (service instanceof UnitObserver observer) {
          try {
            observer.parsed(path, unit);
          } catch (RuntimeException e) { // the file stays out of the project index; its own findings go on
            errors.add(new InputError(path, 0, 0, "not added to the project index after an internal error: " + e
                + thrownAt(e)));
          }
        }
      }
      // the nodes some rule visits, in pre-order (the others' classes have no dispatch)
      List<Node> nodes = FileNodes.of(unit).allOfClasses(type -> dispatchFor(type) != NONE);
      for (int i = 0; i < nodes.size(); i++) {
        if ((i & 255) == 255) {
          stopIfInterrupted();
        }
        Dispatch<?> dispatch = dispatchFor(nodes.get(i).getClass());
        if (dispatch != NONE) {
          dispatch.run(nodes.get(i), ctx, failed, errors, path);
        }
      }
    } catch (StackOverflowError e) {
      errors.add(new InputError(path, 0, 0, "analysis stopped: nesting too deep"));
    } catch (CancellationException e) {
      errors.add(new InputError(path, 0, 0, "analysis stopped: interrupted (time limit)"));
    }
    findings.sort(BY_POSITION);
    return new FileResult(path, List.copyOf(SameExpression.merge(findings, ruleNames)), List.copyOf(errors));
  }

  private Dispatch<?> dispatchFor(Class<?> type) {
    Dispatch<?> found = byClass.get(type);
    if (found == null) {
      found = dispatches.stream().filter(d -> d.type.isAssignableFrom(type) && !d.interested.isEmpty())
          .findFirst().orElse(NONE);
      byClass.put(type, found);
    }
    return found;
  }

  /**
   * Stops the analysis of this file when its thread was interrupted: the command's per-file time limit
   * cancels the file, and the worker thread must come free for the next one.
   */
  public static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("interrupted");
    }
  }

  /**
   * A generated file (protobuf, ANTLR, JavaCC, ...), marked so in its leading comment: its generator, not
   * its reader, would have to change, and such files are often huge. {@code @Generated} classes are
   * handled by {@link Suppressions}.
   */
  public static boolean isGenerated(String text) {
    int packageAt = text.indexOf("package ");
    String header = text.substring(0, Math.min(text.length(), packageAt < 0 ? 2000 : Math.min(packageAt, 4000)));
    return header.contains("DO NOT EDIT") || header.contains("Generated by the protocol buffer compiler")
        || header.contains("@generated") || header.contains("Generated By:JavaCC");
  }

  /** The parser's first line, with its list of expected tokens cut short. */
  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    String line = (newline < 0 ? message : message.substring(0, newline)).trim();
    int expected = line.indexOf("expected one of");
    if (expected >= 0) {
      String[] tokens = line.substring(expected + "expected one of".length()).trim().split("\\s+");
      if (tokens.length > 6) {
        line = line.substring(0, expected) + "expected one of " + String.join(" ", java.util.Arrays.copyOf(tokens, 6)) + " ...";
      }
    }
    return line;
  }

  /** Calls one visit overload on the rules that override it. */
  private static final class Dispatch<N extends Node> {
    private final Class<N> type;
    private final Visitor<N> visitor;
    private List<Rule> interested = List.of();
    private RuleInfo[] infos;
    private Severity[] severities;

    Dispatch(Class<N> type, Visitor<N> visitor) {
      this.type = type;
      this.visitor = visitor;
    }

    void select(List<Rule> rules, Config config) {
      interested = rules.stream().filter(this::overrides).toList();
      infos = interested.stream().map(Rule::info).toArray(RuleInfo[]::new);
      severities = java.util.Arrays.stream(infos).map(config::severityOf).toArray(Severity[]::new);
    }

    private boolean overrides(Rule rule) {
      try {
        return rule.getClass().getMethod("visit", type, RuleContext.class).getDeclaringClass() != Rule.class;
      } catch (NoSuchMethodException e) {
        return false;
      }
    }

    void run(Node node, RuleContext ctx, List<Rule> failed, List<InputError> errors, String path) {
      N typed = type.cast(node);
      for (int i = 0; i < interested.size(); i++) {
        Rule rule = interested.get(i);
        if (!failed.isEmpty() && failed.contains(rule)) {
          continue;
        }
        ctx.enter(infos[i], severities[i]);
        try {
          visitor.visit(rule, typed, ctx);
        } catch (CancellationException e) {
          throw e; // the whole file stops, not this rule
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
          failed.add(rule);
          int line = node.getBegin().map(p -> p.line).orElse(0);
          int column = node.getBegin().map(p -> p.column).orElse(0);
          errors.add(new InputError(path, line, column,
              "rule " + infos[i].name() + " failed and was skipped for this file: " + e + thrownAt(e)));
        }
      }
    }
  }

  /** Where nanlint's own code threw, for the bug report the message asks for. */
  private static String thrownAt(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("dev.nanlint.")) {
        return " (at " + frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber() + ")";
      }
    }
    return "";
  }

  @FunctionalInterface
  private interface Visitor<N extends Node> {
    void visit(Rule rule, N node, RuleContext ctx);
  }
}
