package fix;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hand-written losses. The comments and the odd spacing must survive --fix untouched. */
class CrossEntropyLosses {

  double crossEntropy(double[] probs, int label) {
    return -Math.log( Math.max(probs[label], 1e-12) /* the true class */ );   // keep me
  }

  float floatCrossEntropy(float[] probs, int label) {
    return (float) -Math.log(Math.max(probs[label], 1e-7f));
  }

  double binary(double y, double p) {
    return -(y * Math.log(Math.max(p, 1e-12))
        + (1 - y) * Math.log(Math.max(1 - p, 1e-12)));
  }

  double complement(double p) {
    return -Math.log1p(-Math.min(p, 1 - 1e-12));
  }

  INDArray inPlace(INDArray probabilities) {
    return Transforms.log(Transforms.max(probabilities, 1e-12, false), false);
  }

  INDArray copy(INDArray probabilities) {
    return Transforms.log(Transforms.max(probabilities, 1e-12));
  }

  /** A difference can be negative: a clamp would hide that bug behind log(1e-12), so this stays advice. */
  double logGap(double upper, double lower) {
    return Math.log(upper - lower);
  }

  double alreadySafe(double[] probs, int label) {
    return -Math.log(Math.max(probs[label], 1e-12));
  }
}
