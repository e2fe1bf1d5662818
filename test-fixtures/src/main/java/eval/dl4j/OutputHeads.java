package eval.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/** Output heads for the multi-task tabular model. */
public final class OutputHeads {
    private OutputHeads() {}

    private static NeuralNetConfiguration.ListBuilder trunk(int nIn) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .activation(Activation.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(64).build());
    }

    /** Product category head: "tanh keeps outputs bounded". */
    public static MultiLayerConfiguration categoryTanh(int nIn, int numCategories) {
        return trunk(nIn)
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.TANH) // EXPECT: LossActivationMismatch
                        .nIn(64).nOut(numCategories).build())
                .build();
    }

    /** Churn yes/no with a single output, activation left at the builder default. */
    public static OutputLayer churnHeadDefault() {
        return new OutputLayer.Builder(LossFunction.XENT) // EXPECT: LossActivationMismatch
                .nIn(64).nOut(1).build();
    }

    public static OutputLayer churnHead() {
        return new OutputLayer.Builder(LossFunction.XENT)
                .activation(Activation.SIGMOID) // SAFE: LossActivationMismatch
                .nIn(64).nOut(1).build();
    }

    /** Regression head; softmax outputs trained with MSE (odd but finite). */
    public static OutputLayer shareOfWalletHead(int segments) {
        return new OutputLayer.Builder(LossFunction.MSE)
                .activation(Activation.SOFTMAX) // SAFE: LossActivationMismatch
                .nIn(64).nOut(segments).build();
    }

    /** MCXENT without an explicit activation: the builder sets softmax even though the net default is ReLU. */
    public static OutputLayer intentHead(int intents) {
        return new OutputLayer.Builder(LossFunction.MCXENT) // SAFE: LossActivationMismatch
                .nIn(64).nOut(intents).build();
    }

    public static LossLayer externalSoftmaxLoss() {
        return new LossLayer.Builder(LossFunction.MCXENT)
                .activation(Activation.IDENTITY) // SAFE: LossActivationMismatch
                .build();
    }

    public static OutputLayer riskHead() {
        Activation act = Activation.RELU;
        return new OutputLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD)
                .activation(act) // EXPECT: LossActivationMismatch
                .nIn(64).nOut(5).build();
    }

    /** Binary fraud flag as a one-unit softmax. */
    public static OutputLayer fraudHead() {
        return new OutputLayer.Builder(LossFunction.MCXENT)
                .activation(Activation.SOFTMAX) // EXPECT: LossActivationMismatch
                .nIn(64).nOut(1).build();
    }

    /** Multi-label tags with a custom loss object but a softmax activation. */
    public static OutputLayer tagsHead(int tags) {
        return new OutputLayer.Builder()
                .lossFunction(new LossBinaryXENT())
                .activation(Activation.SOFTMAX) // EXPECT: LossActivationMismatch
                .nIn(64).nOut(tags).build();
    }

    public static OutputLayer tagsHeadSigmoid(int tags) {
        return new OutputLayer.Builder()
                .lossFunction(new LossBinaryXENT())
                .activation(Activation.HARDSIGMOID) // SAFE: LossActivationMismatch
                .nIn(64).nOut(tags).build();
    }
}
