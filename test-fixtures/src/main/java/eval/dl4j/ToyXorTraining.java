package eval.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** XOR with an SVM-style label encoding fed to a sigmoid/XENT head. */
public class ToyXorTraining {
    public static MultiLayerNetwork train() {
        INDArray features = Nd4j.create(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        INDArray labels = Nd4j.create(new double[][] {{-1}, {1}, {1}, {-1}}); // EXPECT: LabelLossMismatch
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .updater(new Sgd(0.1))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.XENT).activation(Activation.SIGMOID).nIn(8).nOut(1).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        DataSet ds = new DataSet(features, labels);
        for (int epoch = 0; epoch < 1000; epoch++) { // SAFE: UncheckedTrainingLoss
            net.fit(ds);
            if (!Double.isFinite(net.score())) {
                throw new IllegalStateException("diverged at epoch " + epoch);
            }
        }
        return net;
    }

    /** Count regression with a Poisson head; targets are year-over-year changes. */
    public static class CountDelta {
        public static MultiLayerNetwork train() {
            INDArray x = Nd4j.create(new double[][] {{0.1, 0.2}, {0.4, 0.1}, {0.9, 0.7}});
            INDArray targets = Nd4j.create(new double[][] {{-2.0}, {0.0}, {3.0}}); // EXPECT: LabelLossMismatch
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                    .updater(new Sgd(0.01))
                    .l2(1e-4)
                    .list()
                    .layer(new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.RELU).build())
                    .layer(new OutputLayer.Builder(LossFunction.POISSON).activation(Activation.SOFTPLUS).nIn(4).nOut(1).build())
                    .build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            net.fit(new DataSet(x, targets));
            return net;
        }
    }

    /** Same XOR as a margin classifier: -1/+1 is right for hinge. */
    public static class XorHinge {
        public static MultiLayerNetwork train() {
            INDArray features = Nd4j.create(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
            INDArray labels = Nd4j.create(new double[][] {{-1}, {1}, {1}, {-1}}); // SAFE: LabelLossMismatch
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                    .updater(new Sgd(0.1))
                    .l2(1e-4)
                    .list()
                    .layer(new DenseLayer.Builder().nIn(2).nOut(8).activation(Activation.TANH).build())
                    .layer(new OutputLayer.Builder(LossFunction.HINGE).activation(Activation.IDENTITY).nIn(8).nOut(1).build())
                    .build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            net.fit(new DataSet(features, labels));
            return net;
        }
    }

    /** Binary labels for a squared-hinge head. */
    public static class SpamHinge {
        public static MultiLayerNetwork train(INDArray features) {
            INDArray labels = Nd4j.create(new double[][] {{0}, {1}, {1}, {0}}); // EXPECT: LabelLossMismatch
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                    .updater(new Sgd(0.05))
                    .l2(1e-4)
                    .list()
                    .layer(new OutputLayer.Builder(LossFunction.SQUARED_HINGE).activation(Activation.IDENTITY)
                            .nIn(features.columns()).nOut(1).build())
                    .build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            net.fit(new DataSet(features, labels));
            return net;
        }
    }

    /** 0/1 labels from a parsed file for the XENT head. */
    public static class ParsedLabels {
        public static DataSet build(double[][] rawX, double[][] rawY) {
            INDArray labels = Nd4j.create(rawY); // SAFE: LabelLossMismatch
            LossFunction loss = LossFunction.XENT;
            return new DataSet(Nd4j.create(rawX), labels);
        }
    }
}
