package eval2.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.ConstantDistribution;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** Classifier heads tried for the document-tagging service (single-label and multi-label). */
public final class OutputHeads {

    private OutputHeads() {
    }

    /** Single-label topic classifier, tanh head. */
    public static MultiLayerConfiguration topicTanhHead(int nIn, int topics) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.TANH) // EXPECT: LossActivationMismatch
                        .nIn(128).nOut(topics)
                        .build())
                .build();
    }

    /** Binary "is spam" head with one output. */
    public static MultiLayerConfiguration spamHead(int nIn) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.XENT) // EXPECT: LossActivationMismatch
                        .nIn(64).nOut(1)
                        .build())
                .build();
    }

    /** Multi-label tags: independent sigmoids with binary cross-entropy. */
    public static MultiLayerConfiguration multiLabelHead(int nIn, int tags) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(new LossBinaryXENT())
                        .activation(Activation.SIGMOID) // SAFE: LossActivationMismatch
                        .nIn(128).nOut(tags)
                        .build())
                .build();
    }

    /** Language-ID head trained with NLL, sigmoid outputs. */
    public static MultiLayerConfiguration languageIdHead(int nIn, int languages) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD)
                        .activation(Activation.SIGMOID) // EXPECT: LossActivationMismatch
                        .nIn(128).nOut(languages)
                        .build())
                .build();
    }

    /** Network default ReLU; the output layer keeps its builder's softmax default. */
    public static MultiLayerConfiguration reluDefaultNetwork(int nIn, int classes) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .activation(Activation.RELU)
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(256).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT) // SAFE: LossActivationMismatch
                        .nIn(256).nOut(classes)
                        .build())
                .build();
    }

    /** Softmax applied by a separate activation layer, loss in a LossLayer. */
    public static MultiLayerConfiguration separateLossLayer(int nIn, int classes) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(classes).activation(Activation.IDENTITY).build())
                .layer(new ActivationLayer.Builder().activation(Activation.SOFTMAX).build())
                .layer(new LossLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.IDENTITY) // SAFE: LossActivationMismatch
                        .build())
                .build();
    }

    /** Binary fraud head. */
    public static MultiLayerConfiguration fraudSingleSoftmax(int nIn) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(new LossMCXENT())
                        .activation(Activation.SOFTMAX).nIn(32).nOut(1) // EXPECT: LossActivationMismatch
                        .build())
                .build();
    }

    /** Regression of click probability with MSE on a softmax (odd but valid). */
    public static MultiLayerConfiguration softmaxMse(int nIn, int outputs) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE)
                        .activation(Activation.SOFTMAX) // SAFE: LossActivationMismatch
                        .nIn(32).nOut(outputs)
                        .build())
                .build();
    }

    /** Weight-initialisation experiments for the same tagger. */
    public static MultiLayerConfiguration zeroInitDefault(int nIn, int classes) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.ZERO) // EXPECT: DegenerateWeightInit
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .nIn(128).nOut(classes)
                        .build())
                .build();
    }

    public static MultiLayerConfiguration zeroDefaultOverridden(int nIn, int classes) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.ZERO) // SAFE: DegenerateWeightInit
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(256).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU)
                        .build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU)
                        .weightInit(new UniformDistribution(-0.05, 0.05)) // SAFE: DegenerateWeightInit
                        .build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .nIn(128).nOut(classes)
                        .build())
                .build();
    }

    public static MultiLayerConfiguration wideNormalInit(int nIn, int classes) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(512).activation(Activation.RELU)
                        .weightInit(new NormalDistribution(0, 5)) // EXPECT: DegenerateWeightInit
                        .build())
                .layer(new DenseLayer.Builder().nIn(512).nOut(128).activation(Activation.RELU)
                        .weightInit(new NormalDistribution(0, 0.05)) // SAFE: DegenerateWeightInit
                        .build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .nIn(128).nOut(classes)
                        .build())
                .build();
    }

    public static MultiLayerConfiguration constantHiddenInit(int nIn, int classes) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(128).activation(Activation.TANH)
                        .weightInit(new ConstantDistribution(0.01)) // EXPECT: DegenerateWeightInit
                        .build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .weightInit(WeightInit.ZERO) // SAFE: DegenerateWeightInit
                        .nIn(128).nOut(classes)
                        .build())
                .build();
    }

    public static MultiLayerConfiguration onesInit(int nIn, int classes) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(500).activation(Activation.RELU)
                        .weightInit(WeightInit.ONES) // EXPECT: DegenerateWeightInit
                        .build())
                .layer(new DenseLayer.Builder().nIn(500).nOut(100).activation(Activation.RELU)
                        .weightInit(WeightInit.XAVIER) // SAFE: DegenerateWeightInit
                        .build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .nIn(100).nOut(classes)
                        .build())
                .build();
    }
}
