package eval.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Fine-tuning loops over an iterator provided (and normalised) by the data module. */
public class FineTuneLoop {
    private final MultiLayerNetwork model;

    public FineTuneLoop(MultiLayerNetwork model) {
        this.model = model;
    }

    public void fineTune(DataSetIterator trainIter, int numEpochs) {
        for (int epoch = 0; epoch < numEpochs; epoch++) { // EXPECT: UncheckedTrainingLoss
            model.fit(trainIter); // SAFE: MissingInputNormalization
            trainIter.reset();
        }
    }

    public void fineTuneChecked(DataSetIterator trainIter, int numEpochs) {
        int epoch = 0;
        while (epoch < numEpochs) { // SAFE: UncheckedTrainingLoss
            model.fit(trainIter);
            if (hasDiverged(model.score())) {
                break;
            }
            trainIter.reset();
            epoch++;
        }
    }

    private static boolean hasDiverged(double score) {
        return !Double.isFinite(score);
    }
}
