package dev.nanlint.engine;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What a rule sees while checking one file: the shared analysis, and where to report. */
public final class RuleContext {
  private final String path;
  private final CompilationUnit unit;
  private final SourceText source;
  private final Config config;
  private final List<Finding> sink;
  private final Map<Class<?>, Object> shared = new HashMap<>();
  private final List<Object> project;
  private RuleInfo currentRule;
  private Severity currentSeverity;

  RuleContext(String path, CompilationUnit unit, SourceText source, Config config, List<Finding> sink,
      List<Object> project) {
    this.project = project;
    this.path = path;
    this.unit = unit;
    this.source = source;
    this.config = config;
    this.sink = sink;
  }

  void enter(RuleInfo rule, Severity severity) {
    currentRule = rule;
    currentSeverity = severity;
  }

  public String path() {
    return path;
  }

  public CompilationUnit unit() {
    return unit;
  }

  /** The file's text, exactly as read (for cheap exact pre-checks: a name that is not written cannot match). */
  public String text() {
    return source.text();
  }

  public Config config() {
    return config;
  }

  /**
   * What all rules of this file share, built on first use by {@code create} and kept for the file under
   * {@code type} (the analysis: {@code Analysis.of(ctx)}). The engine knows nothing of what is shared.
   */
  public <T> T shared(Class<T> type, Function<RuleContext, T> create) {
    Object value = shared.get(type);
    if (value == null) {
      value = create.apply(this);
      shared.put(type, value);
    }
    return type.cast(value);
  }

  /**
   * The project-wide service of {@code type} the run was given ({@link Linter#withProject}), such as the
   * project index of the command's second pass; empty in a single-file run.
   */
  public <T> Optional<T> project(Class<T> type) {
    for (Object service : project) {
      if (type.isInstance(service)) {
        return Optional.of(type.cast(service));
      }
    }
    return Optional.empty();
  }

  /**
   * Reports {@code node} under the current rule, unless suppressed in source or in a branch a constant rules out.
   *
   * @param fix concrete replacement code or advice, shown as the finding's "fix:" line
   */
  public void report(Node node, String message, String fix) {
    report(node, message, fix, null);
  }

  /**
   * Reports {@code node} with a mechanical fix: {@code nanlint --fix} replaces exactly the node's source
   * range with {@code replacement}. Build the replacement from {@link #source(Node)} so the author's
   * formatting and comments inside the node survive. A null replacement reports without an edit.
   *
   * @param fix the hint shown to people (may add advice beyond the replacement)
   * @param replacement code that compiles wherever the node stands, and that this rule no longer flags
   */
  public void report(Node node, String message, String fix, String replacement) {
    add(node, message, fix, replacement, currentSeverity);
  }

  /**
   * Reports one level below the rule's configured severity (a note for a warning rule, a warning for an
   * error rule): for findings whose divergence mechanism the code does not show, or that rest on a
   * contract (an empty input, a degenerate setting), so warnings stay the ones a reviewer calls bugs.
   */
  public void reportWeaker(Node node, String message, String fix) {
    reportWeaker(node, message, fix, null);
  }

  /** {@link #reportWeaker(Node, String, String)} with a mechanical fix, as {@link #report(Node, String, String, String)}. */
  public void reportWeaker(Node node, String message, String fix, String replacement) {
    add(node, message, fix, replacement, currentSeverity == Severity.ERROR ? Severity.WARNING : Severity.NOTE);
  }

  private void add(Node node, String message, String fix, String replacement, Severity severity) {
    Range range = node.getRange().orElse(null);
    if (range == null) {
      return;
    }
    int line = range.begin.line;
    if (Suppressions.isSuppressed(node, currentRule.name(), line, source) || DeadBranches.isDead(node)) {
      return;
    }
    Edit edit = replacement == null || replacement.equals(source(node)) ? null
        : new Edit(range.begin.line, range.begin.column, range.end.line, range.end.column, replacement);
    sink.add(new Finding(currentRule.name(), severity, path, line, range.begin.column,
        range.end.line, range.end.column, message, fix, source.line(line), edit));
  }

  /** The node's text exactly as written (comments and line breaks included); its printed form if it has no range. */
  public String source(Node node) {
    Range range = node.getRange().orElse(null);
    if (range == null) {
      return node.toString();
    }
    int begin = source.offset(range.begin.line, range.begin.column);
    int end = source.offset(range.end.line, range.end.column) + 1;
    return source.text().substring(begin, Math.min(end, source.text().length()));
  }

  /**
   * The node's text as written, with the text of {@code part} (a node inside it) replaced by
   * {@code replacement}: the way to wrap one argument without reprinting the rest of the call.
   */
  public String sourceReplacing(Node node, Node part, String replacement) {
    Range outer = node.getRange().orElse(null);
    Range inner = part.getRange().orElse(null);
    if (outer == null || inner == null || !outer.contains(inner)) {
      throw new IllegalArgumentException(part + " is not inside " + node);
    }
    String text = source.text();
    int begin = source.offset(outer.begin.line, outer.begin.column);
    int partBegin = source.offset(inner.begin.line, inner.begin.column);
    int partEnd = source.offset(inner.end.line, inner.end.column) + 1;
    int end = source.offset(outer.end.line, outer.end.column) + 1;
    return text.substring(begin, partBegin) + replacement + text.substring(partEnd, end);
  }
}
