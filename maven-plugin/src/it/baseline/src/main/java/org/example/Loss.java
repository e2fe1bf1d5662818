package org.example;

/** The negative log-likelihood of a label: one unguarded log, nanlint's planted finding. */
public final class Loss {
  private Loss() {}

  public static double negativeLogLikelihood(Model model, double[] x, int label) { double[] probabilities = model.output(x);
    return -Math.log(probabilities[label]);
  }

  /** A classifier: its output is a probability per class. */
  public interface Model {
    double[] output(double[] x);
  }
}
