package dev.nanlint.analysis.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * The facts known at one program point, keyed by access path; immutable. A path that is absent is not
 * known (its declared type is all the analysis can say), so joins keep only paths known on both sides.
 * Assignments kill and replace: writing x also forgets x.f, x[*], x.length and every difference with x.
 *
 * <p>Kept as three parallel arrays sorted by the paths' hashes, not a hash map: the flow copies a store on
 * nearly every element it runs, and copying arrays costs a fraction of rebuilding a map's nodes; a join or
 * an equality test of two stores walks both arrays in step. Changing a known path's fact shares the paths
 * and copies only the facts. Iteration ({@link #forEach}) is in hash order, the same for equal stores
 * whatever order their paths were added in (but for paths with equal hashes).
 */
public final class Store {
  private static final int[] NO_HASHES = {};
  private static final AccessPath[] NO_PATHS = {};
  private static final NumFact[] NO_FACTS = {};
  private static final Store EMPTY = new Store(NO_HASHES, NO_PATHS, NO_FACTS, true);
  private static final Store UNREACHABLE = new Store(NO_HASHES, NO_PATHS, NO_FACTS, false);

  /** {@code hashes[i] == paths[i].hashCode()}, ascending. No array changes once its store is built: stores share them. */
  private final int[] hashes;
  private final AccessPath[] paths;
  private final NumFact[] facts;
  private final boolean reachable;

  private Store(int[] hashes, AccessPath[] paths, NumFact[] facts, boolean reachable) {
    this.hashes = hashes;
    this.paths = paths;
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
    int i = indexOf(path, path.hashCode());
    return i < 0 ? Optional.empty() : Optional.of(facts[i]);
  }

  /** Every known path and its fact, in hash order. */
  public void forEach(BiConsumer<AccessPath, NumFact> action) {
    for (int i = 0; i < paths.length; i++) {
      action.accept(paths[i], facts[i]);
    }
  }

  /** The known paths and their facts, as a map (a copy, in hash order); {@link #forEach} copies nothing. */
  public Map<AccessPath, NumFact> facts() {
    Map<AccessPath, NumFact> out = new LinkedHashMap<>();
    forEach(out::put);
    return Collections.unmodifiableMap(out);
  }

  /** {@code path} is assigned {@code fact}: what depended on its old value is forgotten. */
  public Store assign(AccessPath path, NumFact fact) {
    Store killed = kill(path);
    return killed.reachable ? killed.with(path, fact) : killed;
  }

  /** One unknown element of {@code path}'s set is assigned {@code fact} (an array element): a weak update. */
  public Store assignSome(AccessPath path, NumFact fact) {
    Store killed = killIf(p -> p.dependsOn(path) && !p.equals(path));
    NumFact old = get(path).orElse(null);
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
    int hash = path.hashCode();
    int i = indexOf(path, hash);
    if (i >= 0) {
      if (fact.equals(facts[i])) {
        return this;
      }
      NumFact[] changed = facts.clone();
      changed[i] = fact;
      return new Store(hashes, paths, changed, true); // the same paths: share them
    }
    int at = -i - 1;
    int n = paths.length;
    int[] h = new int[n + 1];
    AccessPath[] p = new AccessPath[n + 1];
    NumFact[] f = new NumFact[n + 1];
    System.arraycopy(hashes, 0, h, 0, at);
    System.arraycopy(paths, 0, p, 0, at);
    System.arraycopy(facts, 0, f, 0, at);
    h[at] = hash;
    p[at] = path;
    f[at] = fact;
    System.arraycopy(hashes, at, h, at + 1, n - at);
    System.arraycopy(paths, at, p, at + 1, n - at);
    System.arraycopy(facts, at, f, at + 1, n - at);
    return new Store(h, p, f, true);
  }

  /**
   * The index of {@code path} (whose hash is {@code hash}), or {@code -(insertion point) - 1} when it is
   * absent: the insertion point keeps the hashes ascending.
   */
  private int indexOf(AccessPath path, int hash) {
    int lo = 0;
    int hi = hashes.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (hashes[mid] < hash) {
        lo = mid + 1;
      } else if (hashes[mid] > hash) {
        hi = mid - 1;
      } else {
        int first = mid;
        while (first > 0 && hashes[first - 1] == hash) {
          first--;
        }
        int i = first;
        for (; i < hashes.length && hashes[i] == hash; i++) {
          if (paths[i].equals(path)) {
            return i;
          }
        }
        return -i - 1; // after the paths with the same hash
      }
    }
    return -lo - 1;
  }

  /**
   * The paths known to hold the same value as {@code path}: those whose difference with it is exactly 0
   * (a copy of a length, {@code int n = xs.length}, or the TRUE edge of {@code a == b}).
   */
  public List<AccessPath> equalTo(AccessPath path) {
    List<AccessPath> out = new ArrayList<>();
    for (int i = 0; i < paths.length; i++) {
      AccessPath p = paths[i];
      NumFact f = facts[i];
      if (p.isDifference() && f.isConstant() && f.lo() == 0) {
        if (p.left().equals(path)) {
          out.add(p.minus());
        } else if (p.minus().equals(path)) {
          out.add(p.left());
        }
      }
    }
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
    if (!reachable) {
      return this;
    }
    int n = paths.length;
    int first = 0;
    while (first < n && !dies.test(paths[first])) {
      first++;
    }
    if (first == n) {
      return this;
    }
    int[] h = new int[n - 1];
    AccessPath[] p = new AccessPath[n - 1];
    NumFact[] f = new NumFact[n - 1];
    System.arraycopy(hashes, 0, h, 0, first);
    System.arraycopy(paths, 0, p, 0, first);
    System.arraycopy(facts, 0, f, 0, first);
    int kept = first;
    for (int i = first + 1; i < n; i++) {
      if (!dies.test(paths[i])) {
        h[kept] = hashes[i];
        p[kept] = paths[i];
        f[kept] = facts[i];
        kept++;
      }
    }
    return kept == n - 1 ? new Store(h, p, f, true)
        : new Store(Arrays.copyOf(h, kept), Arrays.copyOf(p, kept), Arrays.copyOf(f, kept), true);
  }

  /** Pointwise join: a path stays known only where both sides know it. */
  public Store join(Store other) {
    return combine(other, NumFact::join);
  }

  /** Pointwise widening (see {@link NumFact#widen}); {@code this} is the previous iterate. */
  public Store widen(Store next) {
    return combine(next, NumFact::widen);
  }

  /** {@code op(mine, theirs)} for every path both stores know, walking the two sorted arrays in step. */
  private Store combine(Store other, BinaryOperator<NumFact> op) {
    if (!reachable) {
      return other;
    }
    if (!other.reachable || other == this || other.paths == paths && other.facts == facts) {
      return this; // the same store reached the join on both edges (a branch that changed nothing)
    }
    int n = Math.min(paths.length, other.paths.length);
    int[] h = new int[n];
    AccessPath[] p = new AccessPath[n];
    NumFact[] f = new NumFact[n];
    int kept = 0;
    int j = 0;
    for (int i = 0; i < paths.length; i++) {
      int hash = hashes[i];
      while (j < other.hashes.length && other.hashes[j] < hash) {
        j++;
      }
      for (int k = j; k < other.hashes.length && other.hashes[k] == hash; k++) {
        if (other.paths[k].equals(paths[i])) {
          h[kept] = hash;
          p[kept] = paths[i];
          f[kept] = op.apply(facts[i], other.facts[k]);
          kept++;
          break;
        }
      }
    }
    return kept == n ? new Store(h, p, f, true)
        : new Store(Arrays.copyOf(h, kept), Arrays.copyOf(p, kept), Arrays.copyOf(f, kept), true);
  }

  /** Same facts (evidence aside): the fixpoint test. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Store s) || s.reachable != reachable || s.paths.length != paths.length) {
      return false;
    }
    if (s.paths == paths) {
      return Arrays.equals(s.facts, facts);
    }
    for (int i = 0; i < paths.length; i++) {
      int k = s.indexOf(paths[i], hashes[i]);
      if (k < 0 || !s.facts[k].equals(facts[i])) {
        return false;
      }
    }
    return true;
  }

  /** As a map's hash code (the sum over the entries of path hash ^ fact hash), doubled, plus reachability. */
  @Override
  public int hashCode() {
    int sum = 0;
    for (int i = 0; i < paths.length; i++) {
      sum += hashes[i] ^ facts[i].hashCode();
    }
    return sum * 2 + (reachable ? 1 : 0);
  }

  @Override
  public String toString() {
    if (!reachable) {
      return "unreachable";
    }
    Map<String, NumFact> sorted = new TreeMap<>();
    forEach((p, f) -> sorted.put(p.toString(), f));
    return sorted.toString();
  }
}
