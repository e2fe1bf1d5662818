package eval2.dl4j;

import java.io.IOException;

import org.deeplearning4j.datasets.iterator.impl.MnistDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Two-hidden-layer MLP on MNIST, the baseline of the digit-recognition service. */
public class MnistMlpTrainer {

    private static final int SEED = 123;
    private static final int BATCH = 128;

    public static MultiLayerConfiguration config() {
        return new NeuralNetConfiguration.Builder() // SAFE: MissingRegularization
                .seed(SEED)
                .updater(new Nesterovs(0.05, 0.9)) // SAFE: HighLearningRate
                .l2(1e-4)
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(512)
                        .activation(Activation.RELU)
                        .weightInit(WeightInit.RELU) // SAFE: DegenerateWeightInit
                        .build())
                .layer(new DenseLayer.Builder().nIn(512).nOut(256)
                        .activation(Activation.RELU)
                        .weightInit(WeightInit.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                        .activation(Activation.SOFTMAX) // SAFE: LossActivationMismatch
                        .weightInit(WeightInit.XAVIER)
                        .nIn(256).nOut(10)
                        .build())
                .build();
    }

    public static void main(String[] args) throws IOException {
        DataSetIterator train = new MnistDataSetIterator(BATCH, true, SEED);
        DataSetIterator test = new MnistDataSetIterator(BATCH, false, SEED);
        MultiLayerNetwork net = new MultiLayerNetwork(config());
        net.init();
        net.setListeners(new ScoreIterationListener(100));
        for (int epoch = 0; epoch < 15; epoch++) { // SAFE: UncheckedTrainingLoss
            net.fit(train); // SAFE: MissingInputNormalization
            double score = net.score();
            if (!Double.isFinite(score)) {
                throw new IllegalStateException("score diverged at epoch " + epoch + ": " + score);
            }
            train.reset();
        }
        Evaluation eval = net.evaluate(test);
        System.out.println(eval.stats());
    }
}
