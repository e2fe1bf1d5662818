package eval.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.DoublesDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Digit classifier on 28x28 grey-scale pixels exported by the scanner (values 0..255). */
public class RawPixelTrainer {
    private static final int PIXELS = 28 * 28;
    private static final int CLASSES = 10;

    static ComputationGraphConfiguration graph() {
        return new NeuralNetConfiguration.Builder() // EXPECT: MissingRegularization
                .updater(new Nesterovs(0.1, 0.9)) // SAFE: HighLearningRate
                .weightInit(WeightInit.RELU)
                .graphBuilder()
                .addInputs("pixels")
                .addLayer("h1", new DenseLayer.Builder().nIn(PIXELS).nOut(300).activation(Activation.RELU).build(), "pixels")
                .addLayer("h2", new DenseLayer.Builder().nIn(300).nOut(100).activation(Activation.RELU).build(), "h1")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(100).nOut(CLASSES).build(), "h2")
                .setOutputs("out")
                .build();
    }

    public ComputationGraph train(List<int[]> images, int[] digits, int epochs) {
        List<Pair<double[], double[]>> pairs = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            double[] x = new double[PIXELS];
            for (int p = 0; p < PIXELS; p++) x[p] = images.get(i)[p];
            double[] y = new double[CLASSES];
            y[digits[i]] = 1.0;
            pairs.add(new Pair<>(x, y));
        }
        DoublesDataSetIterator iter = new DoublesDataSetIterator(pairs, 128);
        ComputationGraph net = new ComputationGraph(graph());
        net.init();
        for (int epoch = 0; epoch < epochs; epoch++) { // EXPECT: UncheckedTrainingLoss
            net.fit(iter); // EXPECT: MissingInputNormalization
            iter.reset();
        }
        return net;
    }
}
