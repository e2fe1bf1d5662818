package eval2.dl4j;

import java.util.LinkedHashMap;
import java.util.Map;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** Optimiser sweep for the small CIFAR-style CNN: every entry is trained for 20 epochs. */
public final class UpdaterSweep {

    private static final double AMSGRAD_LR = 0.2;
    private static final double BN_EPS = 0.0;

    private UpdaterSweep() {
    }

    static Map<String, IUpdater> sweep() {
        double nadamLr = 2e-3;
        Map<String, IUpdater> m = new LinkedHashMap<>();
        m.put("adam-default", new Adam(1e-3)); // SAFE: HighLearningRate
        m.put("adam-aggressive", new Adam(0.5)); // EXPECT: HighLearningRate
        m.put("adam-no-eps", new Adam(1e-3, 0.9, 0.999, 0.0)); // EXPECT: ZeroEpsilon
        m.put("adam-eps", new Adam(1e-3, 0.9, 0.999, 1e-8)); // SAFE: ZeroEpsilon
        m.put("sgd-hot", new Sgd(2.0)); // EXPECT: HighLearningRate
        m.put("sgd", new Sgd(0.05)); // SAFE: HighLearningRate
        m.put("nesterov-momentum-only", new Nesterovs(0.9)); // SAFE: HighLearningRate
        m.put("rmsprop", new RmsProp(0.1)); // SAFE: HighLearningRate
        m.put("rmsprop-no-eps", new RmsProp(1e-3, 0.95, 0)); // EXPECT: ZeroEpsilon
        m.put("adagrad", new AdaGrad(0.5)); // SAFE: HighLearningRate
        m.put("adagrad-eps", new AdaGrad(0.1, 1e-6)); // SAFE: ZeroEpsilon
        m.put("adadelta", new AdaDelta(0.95, 1e-6)); // SAFE: ZeroEpsilon
        m.put("adadelta-no-eps", new AdaDelta(0.95, 0.0)); // EXPECT: ZeroEpsilon
        m.put("amsgrad", new AMSGrad(AMSGRAD_LR)); // EXPECT: HighLearningRate
        m.put("nadam", new Nadam(nadamLr)); // SAFE: HighLearningRate
        m.put("adamax", new AdaMax(2e-3, 0.9, 0.999, 1e-8)); // SAFE: ZeroEpsilon
        m.put("adam-schedule", new Adam(new ExponentialSchedule(ScheduleType.EPOCH, 1e-2, 0.9))); // SAFE: HighLearningRate
        return m;
    }

    static MultiLayerConfiguration cnn(IUpdater updater, int classes) {
        return new NeuralNetConfiguration.Builder()
                .seed(1)
                .updater(updater)
                .l2(5e-4)
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nIn(3).nOut(32).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().eps(1e-5).build()) // SAFE: ZeroEpsilon
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().eps(BN_EPS).build()) // EXPECT: ZeroEpsilon
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(classes).build())
                .setInputType(InputType.convolutional(32, 32, 3))
                .build();
    }
}
