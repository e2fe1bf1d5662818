package org.example;

/** A test source with a finding: checked because includeTests is true. */
public final class Checks {
  private Checks() {}

  public static boolean diverged(double loss) {
    return loss == Double.NaN;
  }
}
