package dev.nanlint.analysis.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * The facts known at one program point, keyed by access path; immutable. A path that is absent is not
 * known (its declared type is all the analysis can say), so joins keep only paths known on both sides.
 * Assignments kill and replace: writing x also forgets x.f, x[*], x.length and every difference with x.
 */
public final class Store {
  private static final Store EMPTY = new Store(Map.of(), true);
  private static final Store UNREACHABLE = new Store(Map.of(), false);

  private final Map<AccessPath, NumFact> facts;
  private final boolean reachable;

  private Store(Map<AccessPath, NumFact> facts, boolean reachable) {
    this.facts = facts;
    this.reachable = reachable;
  }

  /** Nothing known. */
  public static Store empty() {
    return EMPTY;
  }

  /** The store of a path that cannot execute: the identity of {@link #join}. */
  public static Store unreachable() {
    return UNREACHABLE;
  }

  public boolean isReachable() {
    return reachable;
  }

  /** The fact of {@code path}, if known. */
  public Optional<NumFact> get(AccessPath path) {
    return Optional.ofNullable(facts.get(path));
  }

  public Map<AccessPath, NumFact> facts() {
    return Collections.unmodifiableMap(facts);
  }

  /** {@code path} is assigned {@code fact}: what depended on its old value is forgotten. */
  public Store assign(AccessPath path, NumFact fact) {
    Store killed = kill(path);
    return killed.reachable ? killed.with(path, fact) : killed;
  }

  /** One unknown element of {@code path}'s set is assigned {@code fact} (an array element): a weak update. */
  public Store assignSome(AccessPath path, NumFact fact) {
    Store killed = killIf(p -> p.dependsOn(path) && !p.equals(path));
    NumFact old = facts.get(path);
    return old == null ? killed : killed.with(path, old.join(fact));
  }

  /** {@code path} now holds {@code fact} with nothing else changed (what a condition tells); bottom makes it unreachable. */
  public Store with(AccessPath path, NumFact fact) {
    if (!reachable) {
      return this;
    }
    if (fact.isBottom()) {
      return UNREACHABLE;
    }
    if (fact.equals(facts.get(path))) {
      return this;
    }
    Map<AccessPath, NumFact> copy = new HashMap<>(facts);
    copy.put(path, fact);
    return new Store(copy, true);
  }

  /**
   * The paths known to hold the same value as {@code path}: those whose difference with it is exactly 0
   * (a copy of a length, {@code int n = xs.length}, or the TRUE edge of {@code a == b}).
   */
  public List<AccessPath> equalTo(AccessPath path) {
    List<AccessPath> out = new ArrayList<>();
    facts.forEach((p, f) -> {
      if (p.isDifference() && f.isConstant() && f.lo() == 0) {
        if (p.left().equals(path)) {
          out.add(p.minus());
        } else if (p.minus().equals(path)) {
          out.add(p.left());
        }
      }
    });
    return out;
  }

  /** Forgets {@code path} and every path that depends on it. */
  public Store kill(AccessPath path) {
    return killIf(p -> p.dependsOn(path));
  }

  /** Forgets what is below {@code path} ({@code path.f}, {@code path[*]}): what a call that may change the object does. */
  public Store killBelow(AccessPath path) {
    return killIf(p -> p.isBelow(path));
  }

  public Store killIf(Predicate<AccessPath> dies) {
    if (!reachable || !anyPath(dies)) {
      return this;
    }
    Map<AccessPath, NumFact> copy = new HashMap<>(facts);
    copy.keySet().removeIf(dies);
    return new Store(copy, true);
  }

  private boolean anyPath(Predicate<AccessPath> test) {
    for (AccessPath p : facts.keySet()) {
      if (test.test(p)) {
        return true;
      }
    }
    return false;
  }

  /** Pointwise join: a path stays known only where both sides know it. */
  public Store join(Store other) {
    return combine(other, NumFact::join);
  }

  /** Pointwise widening (see {@link NumFact#widen}); {@code this} is the previous iterate. */
  public Store widen(Store next) {
    return combine(next, NumFact::widen);
  }

  private Store combine(Store other, BinaryOperator<NumFact> op) {
    if (!reachable) {
      return other;
    }
    if (!other.reachable || other.facts == facts) {
      return this; // the same store reached the join on both edges (a branch that changed nothing)
    }
    Map<AccessPath, NumFact> out = new HashMap<>(Math.max(16, facts.size() * 2));
    facts.forEach((path, fact) -> {
      NumFact theirs = other.facts.get(path);
      if (theirs != null) {
        out.put(path, op.apply(fact, theirs));
      }
    });
    return new Store(out, true);
  }

  /** Same facts (evidence aside): the fixpoint test. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Store s && s.reachable == reachable && s.facts.equals(facts);
  }

  @Override
  public int hashCode() {
    return facts.hashCode() * 2 + (reachable ? 1 : 0);
  }

  @Override
  public String toString() {
    if (!reachable) {
      return "unreachable";
    }
    Map<String, NumFact> sorted = new TreeMap<>();
    facts.forEach((p, f) -> sorted.put(p.toString(), f));
    return sorted.toString();
  }
}
