package eval.dl4j;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Recurrent models for the character-level LM and the sensor classifier. */
public final class SequenceModels {
    private SequenceModels() {}

    /** Char-RNN with 50-step truncated BPTT. */
    public static MultiLayerConfiguration charLstm(int vocab) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(0.005))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new LSTM.Builder().nIn(vocab).nOut(200).activation(Activation.TANH).build()) // EXPECT: MissingGradientClipping
                .layer(new LSTM.Builder().nIn(200).nOut(200).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(200).nOut(vocab).build())
                .backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(50).tBPTTBackwardLength(50)
                .build();
    }

    public static MultiLayerConfiguration charLstmClipped(int vocab) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(0.005))
                .l2(1e-4)
                .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                .gradientNormalizationThreshold(1.0)
                .list()
                .layer(new LSTM.Builder().nIn(vocab).nOut(200).activation(Activation.TANH).build()) // SAFE: MissingGradientClipping
                .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(200).nOut(vocab).build())
                .backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(50).tBPTTBackwardLength(50)
                .build();
    }

    /** Clipping configured on the wrapped layer. */
    public static MultiLayerConfiguration bidirectionalTagger(int nIn, int tags) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .dropOut(0.8)
                .list()
                .layer(new Bidirectional(new LSTM.Builder().nIn(nIn).nOut(128) // SAFE: MissingGradientClipping
                        .gradientNormalization(GradientNormalization.ClipL2PerLayer)
                        .gradientNormalizationThreshold(5.0).build()))
                .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(256).nOut(tags).build())
                .build();
    }

    /** Explicitly "None" because the old config file had it. */
    public static MultiLayerConfiguration sensorClassifier(int channels, int classes) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-5)
                .gradientNormalization(GradientNormalization.None)
                .list()
                .layer(new LastTimeStep(new SimpleRnn.Builder().nIn(channels).nOut(64).build())) // EXPECT: MissingGradientClipping
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(64).nOut(classes).build())
                .build();
    }

    /** Clipping set in a later statement on the same builder. */
    public static MultiLayerConfiguration anomalyLstm(int features) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4);
        NeuralNetConfiguration.ListBuilder list = b.list()
                .layer(new LSTM.Builder().nIn(features).nOut(32).build()) // SAFE: MissingGradientClipping
                .layer(new RnnOutputLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(32).nOut(features).build());
        b.gradientNormalization(GradientNormalization.RenormalizeL2PerLayer);
        return list.build();
    }
}
