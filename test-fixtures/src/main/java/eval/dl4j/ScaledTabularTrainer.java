package eval.dl4j;

import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/** Same data as TabularTrainer, standardised and with a divergence check. */
public class ScaledTabularTrainer {
    private final MultiLayerNetwork net;

    public ScaledTabularTrainer(MultiLayerNetwork net) {
        this.net = net;
    }

    public NormalizerStandardize train(List<DataSet> examples, int epochs) {
        DataSetIterator trainIter = new ListDataSetIterator<>(examples, 64);
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(trainIter);
        trainIter.setPreProcessor(normalizer);
        for (int epoch = 0; epoch < epochs; epoch++) { // SAFE: UncheckedTrainingLoss
            net.fit(trainIter); // SAFE: MissingInputNormalization
            double score = net.score();
            if (Double.isNaN(score) || Double.isInfinite(score)) {
                throw new IllegalStateException("score diverged at epoch " + epoch);
            }
            trainIter.reset();
        }
        return normalizer;
    }

    /** Evaluation loop: no weight updates, nothing to check. */
    public double meanScore(List<DataSet> test) {
        double total = 0;
        for (DataSet ds : test) {
            total += net.score(ds);
        }
        return test.isEmpty() ? 0 : total / test.size(); // SAFE: UnguardedDivision
    }
}
