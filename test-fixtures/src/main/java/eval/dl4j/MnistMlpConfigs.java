package eval.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** MLP variants for the MNIST benchmark sweep. */
public final class MnistMlpConfigs {
    private static final int SEED = 123;

    private MnistMlpConfigs() {}

    public static MultiLayerConfiguration baseline() {
        return new NeuralNetConfiguration.Builder() // EXPECT: MissingRegularization
                .seed(SEED)
                .updater(new Nesterovs(0.006, 0.9)) // SAFE: HighLearningRate
                .weightInit(WeightInit.XAVIER) // SAFE: DegenerateWeightInit
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(1000).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD)
                        .activation(Activation.SOFTMAX) // SAFE: LossActivationMismatch
                        .nIn(1000).nOut(10).build())
                .build();
    }

    public static MultiLayerConfiguration withL2() {
        return new NeuralNetConfiguration.Builder() // SAFE: MissingRegularization
                .seed(SEED)
                .updater(new Nesterovs(0.006, 0.9))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(1000).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD)
                        .activation(Activation.SOFTMAX).nIn(1000).nOut(10).build())
                .build();
    }

    /** Dropout on the hidden layer only. */
    public static MultiLayerConfiguration withDropout() {
        return new NeuralNetConfiguration.Builder() // SAFE: MissingRegularization
                .seed(SEED)
                .updater(new Adam(1e-3)) // SAFE: HighLearningRate
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(512).activation(Activation.RELU).dropOut(0.5).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nIn(512).nOut(10).build())
                .build();
    }

    /** "Regularisation off" variant from the ablation table. */
    public static MultiLayerConfiguration zeroL2() {
        return new NeuralNetConfiguration.Builder() // EXPECT: MissingRegularization
                .seed(SEED)
                .updater(new Adam(1e-3))
                .l2(0.0)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nIn(128).nOut(10).build())
                .build();
    }

    /** A dropout layer between the dense layers. */
    public static MultiLayerConfiguration withDropoutLayer() {
        return new NeuralNetConfiguration.Builder() // SAFE: MissingRegularization
                .seed(SEED)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(0.5).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nIn(256).nOut(10).build())
                .build();
    }

    /** Builder split across locals; the decay is added after list(). */
    public static MultiLayerConfiguration splitBuilder(int hidden) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder(); // SAFE: MissingRegularization
        b.seed(SEED).updater(new Adam(5e-4)).weightInit(WeightInit.XAVIER);
        NeuralNetConfiguration.ListBuilder list = b.list();
        b.weightDecay(1e-4);
        list.layer(new DenseLayer.Builder().nIn(784).nOut(hidden).activation(Activation.RELU).build());
        list.layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(hidden).nOut(10).build());
        return list.build();
    }
}
