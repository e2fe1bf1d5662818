package eval2.dl4j;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Recurrent configurations: character LM, sensor-sequence classifier, tagger and a small RNN. */
public final class SequenceModels {

    private SequenceModels() {
    }

    /** Character-level language model with truncated BPTT over 100 steps. */
    public static MultiLayerConfiguration charLm(int vocab) {
        return new NeuralNetConfiguration.Builder()
                .seed(12345)
                .updater(new RmsProp(2e-3))
                .l2(1e-5)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new LSTM.Builder().nIn(vocab).nOut(256).activation(Activation.TANH).build()) // EXPECT: MissingGradientClipping
                .layer(new LSTM.Builder().nIn(256).nOut(256).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX) // SAFE: LossActivationMismatch
                        .nIn(256).nOut(vocab)
                        .build())
                .backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(100)
                .tBPTTBackwardLength(100)
                .build();
    }

    /** Sensor-sequence classifier: bidirectional LSTM, last step, softmax. */
    public static MultiLayerConfiguration sensorClassifier(int channels, int classes) {
        return new NeuralNetConfiguration.Builder()
                .seed(3)
                .updater(new Adam(5e-4))
                .l2(1e-4)
                .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                .gradientNormalizationThreshold(1.0)
                .list()
                .layer(new Bidirectional(Bidirectional.Mode.CONCAT, new LSTM.Builder().nIn(channels).nOut(64).activation(Activation.TANH).build())) // SAFE: MissingGradientClipping
                .layer(new LastTimeStep(new LSTM.Builder().nIn(128).nOut(64).activation(Activation.TANH).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .nIn(64).nOut(classes)
                        .build())
                .build();
    }

    /** Older tagger config ported from 0.9.x, GravesLSTM. */
    public static MultiLayerConfiguration legacyTagger(int nIn, int tags) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .dropOut(0.8)
                .gradientNormalization(GradientNormalization.None)
                .list()
                .layer(new GravesLSTM.Builder().nIn(nIn).nOut(200).activation(Activation.TANH).build()) // EXPECT: MissingGradientClipping
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .nIn(200).nOut(tags)
                        .build())
                .build();
    }

    /** Small Elman RNN for the anomaly detector, clipped on the layer itself. */
    public static MultiLayerConfiguration smallRnn(int nIn) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .list()
                .layer(new SimpleRnn.Builder().nIn(nIn).nOut(32) // SAFE: MissingGradientClipping
                        .activation(Activation.TANH)
                        .gradientNormalization(GradientNormalization.ClipL2PerLayer)
                        .gradientNormalizationThreshold(5.0)
                        .build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY)
                        .nIn(32).nOut(nIn)
                        .build())
                .build();
    }

    /** Intent classifier over utterance embeddings: last time step of an LSTM. */
    public static MultiLayerConfiguration intentClassifier(int embDim, int intents) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .weightDecay(1e-4)
                .list()
                .layer(new LastTimeStep(new LSTM.Builder().nIn(embDim).nOut(128).activation(Activation.TANH).build())) // EXPECT: MissingGradientClipping
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .nIn(128).nOut(intents)
                        .build())
                .build();
    }

    /** Tagger whose LSTM clips with renormalisation. */
    public static MultiLayerConfiguration tagger(int nIn, int tags) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-5)
                .gradientNormalization(GradientNormalization.RenormalizeL2PerLayer)
                .list()
                .layer(new LSTM.Builder().nIn(nIn).nOut(128).activation(Activation.TANH).build()) // SAFE: MissingGradientClipping
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .nIn(128).nOut(tags)
                        .build())
                .build();
    }
}
