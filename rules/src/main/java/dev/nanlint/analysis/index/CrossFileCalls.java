package dev.nanlint.analysis.index;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Analysis;
import dev.nanlint.analysis.facts.NumFact;
import java.util.List;
import java.util.Optional;

/**
 * The one seam between the facts of a file and the rest of the project: what a call to a method another
 * file declares returns. Asked by the Evaluator after the file's own summaries, and by Types for a call's
 * declared type; a run without a project index answers nothing ({@link #NONE}), as does a call that does
 * not resolve.
 */
public interface CrossFileCalls {
  /** Answers nothing: a single-file run, the first pass. */
  CrossFileCalls NONE = (path, analysis) -> InFile.NONE;

  /** The questions one file asks, resolved against its imports and declared types. */
  InFile forFile(String path, Analysis analysis);

  /** Cross-file answers for one file. */
  interface InFile {
    InFile NONE = new InFile() {
      @Override
      public Optional<NumFact> returned(MethodCallExpr call, List<NumFact> args) {
        return Optional.empty();
      }

      @Override
      public Optional<String> returnType(MethodCallExpr call) {
        return Optional.empty();
      }

      @Override
      public Optional<Boolean> returnsOnlySigmoids(MethodCallExpr call) {
        return Optional.empty();
      }
    };

    /** The fact {@code call} returns, given its argument facts, when it resolves to a summarised method of another file. */
    Optional<NumFact> returned(MethodCallExpr call, List<NumFact> args);

    /** The declared (numeric) return type of the method of another file {@code call} resolves to. */
    Optional<String> returnType(MethodCallExpr call);

    /**
     * Whether every return of the summarised method of another file {@code call} resolves to is a sigmoid in
     * double or a positive constant (no cut-off that returns 0.0); empty when it does not resolve.
     */
    Optional<Boolean> returnsOnlySigmoids(MethodCallExpr call);
  }
}
