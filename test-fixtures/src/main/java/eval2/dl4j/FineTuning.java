package eval2.dl4j;

import java.io.File;
import java.io.IOException;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Fine-tuning loops of the model registry: the networks and iterators come from the registry. */
public final class FineTuning {

    private FineTuning() {
    }

    /** Fine-tunes a pre-trained classifier and saves it after the last epoch. */
    public static void fineTune(MultiLayerNetwork net, DataSetIterator train, DataSetIterator valid, int epochs, File out)
            throws IOException {
        for (int epoch = 0; epoch < epochs; epoch++) { // EXPECT: UncheckedTrainingLoss
            net.fit(train);
            train.reset();
            double validScore = 0.0;
            int batches = 0;
            while (valid.hasNext()) {
                validScore += net.score(valid.next());
                batches++;
            }
            valid.reset();
            System.out.printf("epoch %d valid score %.4f%n", epoch, validScore / Math.max(1, batches));
        }
        ModelSerializer.writeModel(net, out, true);
    }

    /** Fine-tunes a graph, stopping at the first non-finite score. */
    public static void fineTuneGraph(ComputationGraph graph, DataSetIterator train, int epochs) {
        for (int epoch = 0; epoch < epochs; epoch++) { // SAFE: UncheckedTrainingLoss
            graph.fit(train);
            train.reset();
            ensureFinite(graph.score(), epoch);
        }
    }

    static void ensureFinite(double score, int epoch) {
        if (!Double.isFinite(score)) {
            throw new IllegalStateException("score is " + score + " after epoch " + epoch);
        }
    }

    /** Evaluation only: no training happens in this loop. */
    public static double meanValidationScore(MultiLayerNetwork net, DataSetIterator valid) {
        double total = 0.0;
        int n = 0;
        while (valid.hasNext()) { // SAFE: UncheckedTrainingLoss
            total += net.score(valid.next());
            n++;
        }
        valid.reset();
        return n == 0 ? 0.0 : total / n;
    }
}
