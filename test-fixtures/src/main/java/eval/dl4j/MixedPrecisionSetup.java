package eval.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Precision settings for the GPU training job ("halve memory, double batch size"). */
public final class MixedPrecisionSetup {
    private MixedPrecisionSetup() {}

    public static void configureGlobalTypes(boolean lowMemory) {
        if (lowMemory) {
            Nd4j.setDefaultDataTypes(DataType.HALF, DataType.HALF); // EXPECT: HalfPrecision
        } else {
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT); // SAFE: HalfPrecision
        }
    }

    public static MultiLayerConfiguration halfNet(int nIn, int nOut) {
        return new NeuralNetConfiguration.Builder()
                .dataType(DataType.HALF) // EXPECT: HalfPrecision
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(256).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(256).nOut(nOut).build())
                .build();
    }

    public static MultiLayerConfiguration floatNet(int nIn, int nOut) {
        return new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT) // SAFE: HalfPrecision
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(256).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(256).nOut(nOut).build())
                .build();
    }

    /** Minibatch features go to bfloat16 before the forward pass. */
    public static INDArray prepareBatch(INDArray features) {
        return features.castTo(DataType.BFLOAT16); // EXPECT: HalfPrecision
    }

    /** Only inspects the type to decide whether to upcast. */
    public static INDArray upcastIfNeeded(INDArray x) {
        if (x.dataType() == DataType.HALF) { // SAFE: HalfPrecision
            return x.castTo(DataType.FLOAT);
        }
        return x;
    }

    /** Poisson rate of the count head, stored as float for the response payload. */
    public static float rate(double linearPredictor) {
        return (float) Math.exp(linearPredictor); // EXPECT: HalfPrecision
    }

    public static float rateCapped(double linearPredictor) {
        return (float) Math.exp(Math.min(linearPredictor, 80.0)); // SAFE: HalfPrecision
    }

    /** Float accumulator of per-example log-losses (moderate terms). */
    public static float meanLogLoss(float[] trueClassProb) {
        float total = 0f;
        for (float p : trueClassProb) {
            total += -Math.log(Math.max(p, 1e-7f)); // SAFE: HalfPrecision
        }
        return trueClassProb.length == 0 ? 0f : total / trueClassProb.length;
    }
}
