package eval.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Initialisation experiments for the 3-layer MLP. */
public final class WeightInitConfigs {
    private static final double WIDE_STD = 10.0;

    private WeightInitConfigs() {}

    /** "Deterministic" runs: every layer starts from zero. */
    public static MultiLayerConfiguration zeroInit() {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.ZERO) // EXPECT: DegenerateWeightInit
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(128).nOut(10).build())
                .build();
    }

    /** Zero network default, but every hidden layer has its own init and the head starts at zero. */
    public static MultiLayerConfiguration zeroHeadOnly() {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.ZERO) // SAFE: DegenerateWeightInit
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU).build()) // SAFE: DegenerateWeightInit
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.TANH)
                        .weightInit(new NormalDistribution(0, 0.01)).build()) // SAFE: DegenerateWeightInit
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .weightInit(WeightInit.ZERO) // SAFE: DegenerateWeightInit
                        .biasInit(0) // SAFE: DegenerateWeightInit
                        .nIn(128).nOut(10).build())
                .build();
    }

    public static MultiLayerConfiguration wideGaussian() {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.SIGMOID)
                        .weightInit(new NormalDistribution(0, WIDE_STD)).build()) // EXPECT: DegenerateWeightInit
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(128).nOut(10).build())
                .build();
    }

    public static MultiLayerConfiguration wideUniform() {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(new WeightInitDistribution(new UniformDistribution(-10, 10))) // EXPECT: DegenerateWeightInit
                .list()
                .layer(new DenseLayer.Builder().nIn(100).nOut(50).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).nIn(50).nOut(1).build())
                .build();
    }

    public static MultiLayerConfiguration smallUniform() {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(new UniformDistribution(-0.1, 0.1)) // SAFE: DegenerateWeightInit
                .list()
                .layer(new DenseLayer.Builder().nIn(100).nOut(50).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).nIn(50).nOut(1).build())
                .build();
    }

    /** Ones on a hidden layer "to start from the identity-like sum". */
    public static MultiLayerConfiguration onesHidden() {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(500).activation(Activation.RELU)
                        .weightInit(WeightInit.ONES).build()) // EXPECT: DegenerateWeightInit
                .layer(new DenseLayer.Builder().nIn(500).nOut(500).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(500).nOut(10).build())
                .build();
    }
}
