package dev.nanlint.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the edits of a file's findings to its text as plain text replacements: everything outside
 * the replaced ranges stays byte for byte as it was. Edits are taken in source order (of two starting
 * at the same place, the larger first); an edit that overlaps one already taken is skipped (and
 * reported as such), never merged: the next run finds it again in the fixed code. Two findings
 * proposing the identical edit share it.
 */
public final class Edits {
  private Edits() {}

  /** One replacement, in character offsets of the original text ({@code end} exclusive). */
  public record Change(int begin, int end, String replacement) {}

  /** A finding whose edit was not applied, and the finding whose edit it overlaps. */
  public record Skipped(Finding finding, Finding overlapping) {}

  /**
   * The outcome: the new text, the findings fixed, the findings skipped, and the changes made (sorted,
   * non-overlapping, in the original text's offsets).
   */
  public record Result(String original, String text, List<Finding> fixed, List<Skipped> skipped, List<Change> changes) {
    public boolean changed() {
      return !changes.isEmpty();
    }
  }

  /** Applies the edits of {@code findings} (those without one are ignored) to {@code text}. */
  public static Result apply(String text, List<Finding> findings) {
    SourceText source = new SourceText(text);
    record Candidate(Finding finding, int begin, int end) {}
    List<Candidate> candidates = new ArrayList<>();
    for (Finding f : findings) {
      if (f.hasEdit()) {
        int begin = f.edit().beginOffset(source);
        int end = f.edit().endOffset(source);
        if (begin < 0 || end > text.length() || begin >= end) {
          throw new IllegalArgumentException("edit of " + f.rule() + " at " + f.line() + ":" + f.column()
              + " lies outside the file");
        }
        candidates.add(new Candidate(f, begin, end));
      }
    }
    candidates.sort(Comparator.comparingInt(Candidate::begin).thenComparing(Comparator.comparingInt(Candidate::end).reversed())
        .thenComparing(c -> c.finding().rule()));
    List<Finding> fixed = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    Candidate last = null;
    StringBuilder out = new StringBuilder(text.length() + 64);
    int copied = 0;
    for (Candidate c : candidates) {
      if (last != null && c.begin() == last.begin() && c.end() == last.end()
          && c.finding().edit().replacement().equals(last.finding().edit().replacement())) {
        fixed.add(c.finding()); // the same edit, proposed twice
        continue;
      }
      if (last != null && c.begin() < last.end()) {
        skipped.add(new Skipped(c.finding(), last.finding()));
        continue;
      }
      out.append(text, copied, c.begin()).append(c.finding().edit().replacement());
      copied = c.end();
      changes.add(new Change(c.begin(), c.end(), c.finding().edit().replacement()));
      fixed.add(c.finding());
      last = c;
    }
    out.append(text, copied, text.length());
    return new Result(text, out.toString(), List.copyOf(fixed), List.copyOf(skipped), List.copyOf(changes));
  }
}
