package org.example.demo;

/** Line 6: the custom rule warns. Line 10: it must not (exp(700) is finite). Line 14: a built-in rule warns. */
public class Scaling {
  public double overflow() {
    return Math.exp(800.0);
  }

  public double finite() {
    return Math.exp(700);
  }

  public boolean diverged(double loss) {
    return loss == Double.NaN;
  }
}
