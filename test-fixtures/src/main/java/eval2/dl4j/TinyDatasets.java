package eval2.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * Small in-memory datasets and their networks, used by the smoke tests of the training service. Each
 * nested class is one scenario (its own labels and its own network).
 */
public final class TinyDatasets {

    private TinyDatasets() {
    }

    static NeuralNetConfiguration.ListBuilder base(int nIn) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-2))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(8).activation(Activation.TANH).build());
    }

    /** Linearly separable points labelled the SVM way, trained with binary cross-entropy. */
    public static final class SeparablePoints {
        public static DataSet data() {
            INDArray x = Nd4j.create(new double[][] {{0.1, 0.9}, {0.2, 0.8}, {0.9, 0.1}, {0.8, 0.3}});
            INDArray y = Nd4j.create(new double[][] {{1}, {1}, {-1}, {-1}}); // EXPECT: LabelLossMismatch
            return new DataSet(x, y);
        }

        public static MultiLayerConfiguration network() {
            return base(2)
                    .layer(new OutputLayer.Builder(LossFunction.XENT).activation(Activation.SIGMOID).nIn(8).nOut(1).build())
                    .build();
        }
    }

    /** The same points with hinge loss and 0/1 labels. */
    public static final class HingeZeroOne {
        public static DataSet data() {
            INDArray x = Nd4j.create(new double[][] {{0.1, 0.9}, {0.2, 0.8}, {0.9, 0.1}, {0.8, 0.3}});
            INDArray labels = Nd4j.create(new double[][] {{1}, {1}, {0}, {0}}); // EXPECT: LabelLossMismatch
            return new DataSet(x, labels);
        }

        public static MultiLayerConfiguration network() {
            return base(2)
                    .layer(new OutputLayer.Builder(LossFunction.HINGE).activation(Activation.IDENTITY).nIn(8).nOut(1).build())
                    .build();
        }
    }

    /** Hinge with signed labels, the intended encoding. */
    public static final class HingeSigned {
        public static DataSet data() {
            INDArray x = Nd4j.create(new double[][] {{0.1, 0.9}, {0.2, 0.8}, {0.9, 0.1}, {0.8, 0.3}});
            INDArray labels = Nd4j.create(new double[][] {{1}, {1}, {-1}, {-1}}); // SAFE: LabelLossMismatch
            return new DataSet(x, labels);
        }

        public static MultiLayerConfiguration network() {
            return base(2)
                    .layer(new OutputLayer.Builder(LossFunction.HINGE).activation(Activation.IDENTITY).nIn(8).nOut(1).build())
                    .build();
        }
    }

    /** Daily log-returns regressed with MSLE. */
    public static final class ReturnsMsle {
        public static DataSet data() {
            INDArray x = Nd4j.create(new double[][] {{1.0, 0.2}, {0.9, 0.1}, {1.1, 0.4}});
            INDArray targets = Nd4j.create(new double[][] {{-0.031}, {0.012}, {-1.7}}); // EXPECT: LabelLossMismatch
            return new DataSet(x, targets);
        }

        public static MultiLayerConfiguration network() {
            return base(2)
                    .layer(new OutputLayer.Builder(LossFunction.MEAN_SQUARED_LOGARITHMIC_ERROR).activation(Activation.IDENTITY).nIn(8).nOut(1).build())
                    .build();
        }
    }

    /** Visit counts with a Poisson head. */
    public static final class VisitCounts {
        public static DataSet data() {
            INDArray x = Nd4j.create(new double[][] {{0.3, 0.2}, {0.5, 0.5}, {0.9, 0.7}});
            INDArray targets = Nd4j.create(new double[][] {{0}, {3}, {1}}); // SAFE: LabelLossMismatch
            return new DataSet(x, targets);
        }

        public static MultiLayerConfiguration network() {
            return base(2)
                    .layer(new OutputLayer.Builder(LossFunction.POISSON).activation(Activation.SOFTPLUS).nIn(8).nOut(1).build())
                    .build();
        }
    }

    /** Churn flags read as +1/-1 from the CRM export, remapped before encoding. */
    public static final class ChurnFlags {
        public static DataSet data(double[][] features, boolean[] churned) {
            INDArray labels = Nd4j.zeros(churned.length, 1);
            for (int i = 0; i < churned.length; i++) {
                int sign = churned[i] ? 1 : -1;
                labels.putScalar(i, 0, (sign + 1) / 2); // SAFE: LabelLossMismatch
            }
            return new DataSet(Nd4j.create(features), labels);
        }

        public static MultiLayerConfiguration network(int nIn) {
            return base(nIn)
                    .layer(new OutputLayer.Builder(new LossBinaryXENT()).activation(Activation.SIGMOID).nIn(8).nOut(1).build())
                    .build();
        }
    }

    /** Fraud flags as +1/-1 written straight into the label matrix. */
    public static final class FraudFlags {
        public static DataSet data(double[][] features, boolean[] fraud) {
            INDArray labels = Nd4j.zeros(fraud.length, 1);
            for (int i = 0; i < fraud.length; i++) {
                labels.putScalar(i, 0, fraud[i] ? 1.0 : -1.0); // EXPECT: LabelLossMismatch
            }
            return new DataSet(Nd4j.create(features), labels);
        }

        public static MultiLayerConfiguration network(int nIn) {
            return base(nIn)
                    .layer(new OutputLayer.Builder(new LossBinaryXENT()).activation(Activation.SIGMOID).nIn(8).nOut(1).build())
                    .build();
        }
    }

    /** Signed labels with the squared hinge loss. */
    public static final class SoftHinge {
        public static DataSet data() {
            INDArray x = Nd4j.create(new double[][] {{0.1, 0.9}, {0.9, 0.1}});
            INDArray labels = Nd4j.create(new double[][] {{1}, {-1}}); // SAFE: LabelLossMismatch
            return new DataSet(x, labels);
        }

        public static MultiLayerConfiguration network() {
            return base(2)
                    .layer(new OutputLayer.Builder(LossFunction.SQUARED_HINGE).activation(Activation.IDENTITY).nIn(8).nOut(1).build())
                    .build();
        }
    }
}
