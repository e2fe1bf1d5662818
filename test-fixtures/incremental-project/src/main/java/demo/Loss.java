package demo;

import demo.util.Probabilities;

class Loss {
  double clippedLoss(double z) {
    return -Math.log(Probabilities.clippedSigmoid(z));
  }

  double rawLoss(double z) {
    return -Math.log(Probabilities.sigmoid(z));
  }

  double lossPerBatch(double totalLoss, int examples, int batchSize) {
    return totalLoss / Probabilities.batches(examples, batchSize);
  }
}
