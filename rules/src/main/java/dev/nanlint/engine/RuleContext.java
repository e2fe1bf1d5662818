package dev.nanlint.engine;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.nanlint.analysis.Analysis;
import java.util.List;

/** What a rule sees while checking one file: the shared analysis, and where to report. */
public final class RuleContext {
  private final String path;
  private final CompilationUnit unit;
  private final SourceText source;
  private final Config config;
  private final List<Finding> sink;
  private Analysis analysis;
  private RuleInfo currentRule;
  private Severity currentSeverity;

  RuleContext(String path, CompilationUnit unit, SourceText source, Config config, List<Finding> sink) {
    this.path = path;
    this.unit = unit;
    this.source = source;
    this.config = config;
    this.sink = sink;
  }

  void enter(RuleInfo rule) {
    currentRule = rule;
    currentSeverity = config.severityOf(rule);
  }

  public String path() {
    return path;
  }

  public CompilationUnit unit() {
    return unit;
  }

  public Config config() {
    return config;
  }

  /** The shared reasoning (guards, value ranges, API knowledge) for this file, built on first use. */
  public Analysis analysis() {
    if (analysis == null) {
      analysis = new Analysis(unit);
    }
    return analysis;
  }

  /**
   * Reports {@code node} under the current rule, unless suppressed in source.
   *
   * @param fix concrete replacement code or advice, shown as the finding's "fix:" line
   */
  public void report(Node node, String message, String fix) {
    Range range = node.getRange().orElse(null);
    if (range == null) {
      return;
    }
    int line = range.begin.line;
    if (Suppressions.isSuppressed(node, currentRule.name(), line, source)) {
      return;
    }
    sink.add(new Finding(currentRule.name(), currentSeverity, path, line, range.begin.column,
        range.end.line, range.end.column, message, fix, source.line(line)));
  }
}
