package org.example;

/** The negative log-likelihood of a label: one unguarded log, nanlint's planted finding. */
public final class Loss {
  private Loss() {}

  public static double negativeLogLikelihood(double[] probabilities, int label) {
    return -Math.log(probabilities[label]);
  }
}
