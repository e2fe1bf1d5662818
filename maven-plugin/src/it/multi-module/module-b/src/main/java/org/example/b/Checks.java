package org.example.b;

/** A NaN check written with ==, which never fires. */
public final class Checks {
  private Checks() {}

  public static boolean diverged(double loss) {
    return loss == Double.NaN;
  }
}
