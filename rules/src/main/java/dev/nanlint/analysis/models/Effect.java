package dev.nanlint.analysis.models;

import dev.nanlint.analysis.facts.AccessPath;
import dev.nanlint.analysis.facts.NumFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a call may change in place: its receiver's state, the objects and arrays passed as some of its
 * arguments, and (for an unknown call on this object) the fields of this. A local variable never
 * changes: Java passes references by value. When a handler knows what a change leaves behind
 * ({@code x.divi(n)}: the elements of x divided by n), it says so with {@link Update}s, applied after
 * the forgetting.
 */
public record Effect(boolean receiver, Set<Integer> arguments, boolean allArguments, List<Update> updates,
    boolean keepsSizes) {
  /** Changes nothing the analysis tracks ({@code Math.log}, {@code list.size()}). */
  public static final Effect PURE = new Effect(false, Set.of(), false);
  /** A call nothing is known of: it may change its receiver and everything passed to it. */
  public static final Effect UNKNOWN = new Effect(true, Set.of(), true);

  /**
   * After the call, {@code path} holds {@code fact}: all of it ({@code strong}), or only some of the
   * values it stands for (a weak update: the old fact joined with the new one, as for an array
   * element, or an in-place change through a view of an array).
   */
  public record Update(AccessPath path, NumFact fact, boolean strong) {}

  public Effect {
    arguments = Set.copyOf(arguments);
    updates = List.copyOf(updates);
  }

  public Effect(boolean receiver, Set<Integer> arguments, boolean allArguments) {
    this(receiver, arguments, allArguments, List.of(), false);
  }

  public Effect(boolean receiver, Set<Integer> arguments, boolean allArguments, List<Update> updates) {
    this(receiver, arguments, allArguments, updates, false);
  }

  /**
   * This effect, except that what it changes keeps its size: a sort, a shuffle, a fill or a {@code set}
   * moves or replaces elements, and a collection's {@code size()} stays what it was.
   */
  public Effect keepingSizes() {
    return new Effect(receiver, arguments, allArguments, updates, true);
  }

  /** Changes only the argument at {@code index} ({@code Arrays.fill(a, v)}, {@code System.arraycopy} destination). */
  public static Effect changesArgument(int index) {
    return new Effect(false, Set.of(index), false);
  }

  /** Changes nothing but {@code path}, which then holds {@code fact} ({@code x.divi(n)}, {@code MathEx.softmax(p)}). */
  public static Effect sets(AccessPath path, NumFact fact) {
    return PURE.and(new Update(path, fact, true));
  }

  /** Changes nothing but some of what {@code path} stands for, which may then hold {@code fact}. */
  public static Effect setsSome(AccessPath path, NumFact fact) {
    return PURE.and(new Update(path, fact, false));
  }

  /** This effect, and then {@code update}. */
  public Effect and(Update update) {
    List<Update> more = new ArrayList<>(updates);
    more.add(update);
    return new Effect(receiver, arguments, allArguments, more, keepsSizes);
  }

  public boolean changesArgument(int index, int count) {
    return allArguments || arguments.contains(index) && index < count;
  }
}
