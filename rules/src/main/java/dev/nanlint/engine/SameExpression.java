package dev.nanlint.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finding per expression. Where several rules flag exactly the same source range (UnguardedLog's
 * warning and LogOfSoftmax's note on {@code Math.log(p)}), the reader should see one diagnostic, not a
 * pair: the most severe finding stays (on a tie, the rule that comes first in the catalogue), and its
 * message and fix gain the others' reasons after {@code "; also [Rule] "}, a form tools can parse.
 *
 * <p>Only identical ranges merge. A finding inside another's range (the division inside
 * {@code Math.acos(a / b)}, the {@code exp} inside a cast to float) is about a different expression, with
 * its own position and its own fix, and stays a finding of its own.
 *
 * <p>Suppression is checked per rule before merging, so {@code // nanlint:ignore LogOfSoftmax} removes
 * only that reason, and the warning remains; naming every rule (or none) silences the expression.
 */
final class SameExpression {
  static final String ALSO = "; also [";

  private SameExpression() {}

  /**
   * The findings of one file with those sharing a range merged, in the order given.
   *
   * @param order rule names in catalogue order, to break ties between equally severe findings
   */
  static List<Finding> merge(List<Finding> findings, List<String> order) {
    if (findings.size() < 2) {
      return findings;
    }
    Map<List<Integer>, List<Finding>> byRange = new LinkedHashMap<>();
    for (Finding f : findings) {
      byRange.computeIfAbsent(List.of(f.line(), f.column(), f.endLine(), f.endColumn()), k -> new ArrayList<>(1)).add(f);
    }
    if (byRange.size() == findings.size()) {
      return findings;
    }
    Comparator<Finding> mostSevereFirst = Comparator.comparing(Finding::severity).reversed()
        .thenComparingInt(f -> rank(order, f.rule()));
    List<Finding> out = new ArrayList<>(byRange.size());
    for (List<Finding> same : byRange.values()) {
      if (same.size() == 1) {
        out.add(same.get(0));
      } else {
        same.sort(mostSevereFirst);
        out.add(combine(same));
      }
    }
    return out;
  }

  private static int rank(List<String> order, String rule) {
    int index = order.indexOf(rule);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  /**
   * The first finding, carrying the reasons and fix advice of the rest. The mechanical fix stays the
   * leading rule's alone: another rule's edit answers another reason (UnguardedLog's clamp is what
   * LogOfSoftmax warns against), so it is offered only when that rule leads.
   */
  private static Finding combine(List<Finding> sorted) {
    Finding primary = sorted.get(0);
    StringBuilder message = new StringBuilder(primary.message());
    StringBuilder fix = new StringBuilder(primary.fix());
    List<Finding> also = new ArrayList<>();
    for (Finding other : sorted.subList(1, sorted.size())) {
      if (other.rule().equals(primary.rule()) && other.message().equals(primary.message())) {
        continue; // the same report twice
      }
      also.add(other);
      message.append(ALSO).append(other.rule()).append("] ").append(other.message());
      if (!other.fix().equals(primary.fix())) {
        fix.append(ALSO).append(other.rule()).append("] ").append(other.fix());
      }
    }
    return new Finding(primary.rule(), primary.severity(), primary.path(), primary.line(), primary.column(),
        primary.endLine(), primary.endColumn(), message.toString(), fix.toString(), primary.sourceLine(), primary.edit(), also);
  }
}
