package org.example;

/** A hand-written binary cross-entropy, the kind of loss code nanlint is for. */
public class MyLoss {
  public double loss(double y, double p) {
    return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
  }

  public double safeLoss(double y, double p) {
    double q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
    return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
  }
}
