package dev.nanlint.analysis.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * A storage location the analysis tracks, named the way the code reaches it: a local or parameter
 * ({@code x}), a field of this object ({@code this.f}, also written {@code f} when no local shadows it),
 * a field of another object ({@code obj.f}), all elements of an array ({@code a[*]}: one fact for every
 * element, so writes are weak updates), an array's length ({@code a.length}) or a collection's size
 * ({@code list.size()}), and the difference of two paths ({@code x - y}: what {@code x > y} tells).
 */
public record AccessPath(String root, List<String> segments, AccessPath minus) {
  /** The segment naming all elements of an array. */
  public static final String ELEMENTS = "[*]";
  /** The segment of {@code list.size()} (and of {@code isEmpty()}). */
  public static final String SIZE = "size()";

  public AccessPath {
    segments = List.copyOf(segments);
  }

  public static AccessPath local(String name) {
    return new AccessPath(name, List.of(), null);
  }

  public static AccessPath field(String name) {
    return new AccessPath("this", List.of(name), null);
  }

  /**
   * The constant {@code c}, as the subtrahend of {@code x - c}: what {@code x == c} and {@code x != c} tell, which an
   * interval of x cannot hold when c lies inside it ({@code if (n == 1) return 0; ... / (n - 1)}). Never written.
   */
  public static AccessPath constant(double c) {
    return new AccessPath("#" + c, List.of(), null);
  }

  /**
   * An arithmetic expression of variables ({@code a * b}), for what a test of it tells the same expression later:
   * named by its text, with the roots of the variables it reads (and {@link #ELEMENTS} when it reads elements)
   * as its segments, so that a write to any of them ends it.
   */
  public static AccessPath expression(String text, List<String> roots) {
    return new AccessPath("(" + text + ")", roots, null);
  }

  private boolean isExpression() {
    return root.startsWith("(");
  }

  /** {@code x - y}, for what a comparison of x and y tells. */
  public static AccessPath difference(AccessPath x, AccessPath y) {
    return new AccessPath(x.root, x.segments, y);
  }

  public AccessPath dot(String segment) {
    if (minus != null) {
      throw new IllegalStateException("a difference has no members: " + this);
    }
    List<String> longer = new ArrayList<>(segments);
    longer.add(segment);
    return new AccessPath(root, longer, null);
  }

  public AccessPath elements() {
    return dot(ELEMENTS);
  }

  public boolean isDifference() {
    return minus != null;
  }

  /** The minuend of a difference (the path itself otherwise). */
  public AccessPath left() {
    return minus == null ? this : new AccessPath(root, segments, null);
  }

  /** Changing {@code p} changes this path's value: it is p, below p, or a difference involving either. */
  public boolean dependsOn(AccessPath p) {
    if (isExpression()) {
      return segments.contains(p.root) || p.isExpression() && equals(p);
    }
    if (minus != null) {
      return left().dependsOn(p) || minus.dependsOn(p);
    }
    return root.equals(p.root) && segments.size() >= p.segments.size()
        && segments.subList(0, p.segments.size()).equals(p.segments);
  }

  /** Strictly below {@code p} ({@code p.f}, {@code p[*]}...), not p itself: what a call on p can change. */
  public boolean isBelow(AccessPath p) {
    if (isExpression()) {
      return segments.contains(p.root);
    }
    if (minus != null) {
      return left().isBelow(p) || minus.isBelow(p);
    }
    return dependsOn(p) && segments.size() > p.segments.size();
  }

  /**
   * {@code size} itself, or a difference whose sides are {@code size} or paths that do not depend on the
   * object {@code size} measures: what a change to the object's elements leaves true.
   */
  public boolean isSizeOf(AccessPath size) {
    AccessPath object = new AccessPath(size.root, size.segments.subList(0, size.segments.size() - 1), null);
    if (minus == null) {
      return equals(size);
    }
    AccessPath l = left();
    return (l.equals(size) || !l.dependsOn(object)) && (minus.equals(size) || !minus.dependsOn(object));
  }

  /** Starts at {@code name} (or, for a difference, one side does): {@code this} for the fields of this object. */
  public boolean hasRoot(String name) {
    return root.equals(name) || isExpression() && segments.contains(name) || minus != null && minus.hasRoot(name);
  }

  /** One of the segments (either side's, for a difference) is {@code segment}: a path that may alias a write to it. */
  public boolean mentions(String segment) {
    return segments.contains(segment) || minus != null && minus.mentions(segment);
  }

  /** The last segment, or the root for a plain name. */
  public String last() {
    return segments.isEmpty() ? root : segments.get(segments.size() - 1);
  }

  /**
   * Stores hash their paths on every lookup and copy: hash the root, the depth and the last segment (whose
   * strings cache their own hashes) instead of the whole list; equal paths still hash equally.
   */
  @Override
  public int hashCode() {
    int h = root.hashCode() * 31 + segments.size();
    h = h * 31 + (segments.isEmpty() ? 0 : segments.get(segments.size() - 1).hashCode());
    return minus == null ? h : h * 17 + minus.hashCode();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessPath p && root.equals(p.root) && segments.equals(p.segments)
        && java.util.Objects.equals(minus, p.minus);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(root);
    for (String s : segments) {
      out.append(s.equals(ELEMENTS) ? "" : ".").append(s);
    }
    return minus == null ? out.toString() : out + " - " + minus;
  }
}
