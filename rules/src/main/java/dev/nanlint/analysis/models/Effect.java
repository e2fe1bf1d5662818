package dev.nanlint.analysis.models;

import java.util.Set;

/**
 * What a call may change in place: its receiver's state, the objects and arrays passed as some of its
 * arguments, and (for an unknown call on this object) the fields of this. A local variable never
 * changes: Java passes references by value.
 */
public record Effect(boolean receiver, Set<Integer> arguments, boolean allArguments) {
  /** Changes nothing the analysis tracks ({@code Math.log}, {@code list.size()}). */
  public static final Effect PURE = new Effect(false, Set.of(), false);
  /** A call nothing is known of: it may change its receiver and everything passed to it. */
  public static final Effect UNKNOWN = new Effect(true, Set.of(), true);

  /** Changes only the argument at {@code index} ({@code Arrays.fill(a, v)}, {@code System.arraycopy} destination). */
  public static Effect changesArgument(int index) {
    return new Effect(false, Set.of(index), false);
  }

  public boolean changesArgument(int index, int count) {
    return allArguments || arguments.contains(index) && index < count;
  }
}
