package eval2.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Precision settings for training the recommender MLP on the memory-constrained GPU nodes. */
public final class MixedPrecisionSetup {

    private static final DataType TRAIN_DTYPE = DataType.BFLOAT16;
    private static final INDArray PIXEL_MEAN = Nd4j.createFromArray(123.68f, 116.78f, 103.94f);
    private static final INDArray PIXEL_MEAN_HALF = PIXEL_MEAN.castTo(DataType.HALF); // SAFE: HalfPrecision

    private MixedPrecisionSetup() {
    }

    public static void configureDefaults(boolean lowMemory) {
        if (lowMemory) {
            Nd4j.setDefaultDataTypes(DataType.HALF, DataType.HALF); // EXPECT: HalfPrecision
        } else {
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT); // SAFE: HalfPrecision
        }
    }

    public static MultiLayerConfiguration config(int nIn, int classes) {
        return new NeuralNetConfiguration.Builder()
                .dataType(TRAIN_DTYPE) // EXPECT: HalfPrecision
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(256).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(256).nOut(classes).build())
                .build();
    }

    /** Batches arrive from the feature store in half precision; training runs in float. */
    public static INDArray toTrainingPrecision(INDArray batch) {
        if (batch.dataType() == DataType.HALF) { // SAFE: HalfPrecision
            return batch.castTo(DataType.FLOAT); // SAFE: HalfPrecision
        }
        return batch;
    }

    /** Fits one minibatch, halving the memory of the feature matrix first. */
    public static void fitCompressed(MultiLayerNetwork net, INDArray features, INDArray labels) {
        INDArray compact = features.castTo(DataType.HALF); // EXPECT: HalfPrecision
        net.fit(compact, labels);
    }

    public static INDArray centre(INDArray halfImages) {
        return halfImages.subRowVector(PIXEL_MEAN_HALF);
    }
}
