package dev.nanlint.analysis.index;

import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Linter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two passes over texts in memory, one file after another: what the command does on worker threads
 * ({@code FileScan}) and the processor at the end of a compilation, for tests and small embedders.
 */
public final class ProjectRun {
  private ProjectRun() {
  }

  /** Lints every text (by path, in the map's order) with the project index; results in the same order. */
  public static List<FileResult> lint(Linter linter, Map<String, String> texts) {
    ProjectIndex index = new ProjectIndex();
    Linter first = linter.withProject(index);
    List<FileResult> results = new ArrayList<>();
    texts.forEach((path, text) -> results.add(first.lint(path, text)));
    ProjectIndex.Plan plan = index.plan();
    if (plan.dependents().isEmpty()) {
      return results;
    }
    IndexedSummaries summaries = IndexedSummaries.build(index, plan,
        path -> texts.containsKey(path) ? Linter.parse(texts.get(path)).orElse(null) : null);
    Linter second = linter.withProject(summaries);
    results.replaceAll(r -> plan.dependents().contains(r.path()) ? second.lint(r.path(), texts.get(r.path())) : r);
    return results;
  }
}
