package eval2.dl4j;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** ComputationGraph and MultiLayer configurations of the ranking and tagging services. */
public final class GraphModels {

    private GraphModels() {
    }

    /** Two-tower click model: user tower and item tower merged into a sigmoid head. */
    public static ComputationGraphConfiguration twoTower(int userFeatures, int itemFeatures) {
        return new NeuralNetConfiguration.Builder() // EXPECT: MissingRegularization
                .seed(11)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("user", "item")
                .addLayer("userTower", new DenseLayer.Builder().nIn(userFeatures).nOut(64).activation(Activation.RELU).build(), "user")
                .addLayer("itemTower", new DenseLayer.Builder().nIn(itemFeatures).nOut(64).activation(Activation.RELU).build(), "item")
                .addVertex("merge", new MergeVertex(), "userTower", "itemTower")
                .addLayer("hidden", new DenseLayer.Builder().nIn(128).nOut(32).activation(Activation.RELU).build(), "merge")
                .addLayer("click", new OutputLayer.Builder(LossFunction.XENT)
                        .activation(Activation.SIGMOID) // SAFE: LossActivationMismatch
                        .nIn(32).nOut(1).build(), "hidden")
                .setOutputs("click")
                .build();
    }

    /** Same model with dropout on the merged representation only. */
    public static ComputationGraphConfiguration twoTowerDropout(int userFeatures, int itemFeatures) {
        return new NeuralNetConfiguration.Builder() // SAFE: MissingRegularization
                .seed(11)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("user", "item")
                .addLayer("userTower", new DenseLayer.Builder().nIn(userFeatures).nOut(64).activation(Activation.RELU).build(), "user")
                .addLayer("itemTower", new DenseLayer.Builder().nIn(itemFeatures).nOut(64).activation(Activation.RELU).build(), "item")
                .addVertex("merge", new MergeVertex(), "userTower", "itemTower")
                .addLayer("drop", new DropoutLayer.Builder(0.5).build(), "merge")
                .addLayer("click", new OutputLayer.Builder(LossFunction.XENT)
                        .activation(Activation.SIGMOID)
                        .nIn(128).nOut(1).build(), "drop")
                .setOutputs("click")
                .build();
    }

    /** Sequence tagger as a graph: embedding, LSTM, per-step softmax. */
    public static ComputationGraphConfiguration taggerGraph(int vocab, int tags) {
        return new NeuralNetConfiguration.Builder() // SAFE: MissingRegularization
                .updater(new Adam(1e-3))
                .gradientNormalization(GradientNormalization.ClipL2PerParamType)
                .gradientNormalizationThreshold(1.0)
                .graphBuilder()
                .addInputs("tokens")
                .setInputTypes(InputType.recurrent(vocab))
                .addLayer("lstm", new LSTM.Builder().nIn(vocab).nOut(128) // SAFE: MissingGradientClipping
                        .activation(Activation.TANH)
                        .weightNoise(new DropConnect(0.9))
                        .build(), "tokens")
                .addLayer("tags", new RnnOutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .nIn(128).nOut(tags).build(), "lstm")
                .setOutputs("tags")
                .build();
    }

    /** Query-intent classifier: bag-of-embeddings, MultiLayerNetwork, set up step by step. */
    public static MultiLayerNetwork intentModel(int vocab, int intents) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder(); // EXPECT: MissingRegularization
        builder.seed(5);
        builder.updater(new Nesterovs(0.01, 0.9));
        builder.weightInit(WeightInit.XAVIER);
        NeuralNetConfiguration.ListBuilder list = builder.list();
        list.layer(new EmbeddingLayer.Builder().nIn(vocab).nOut(128).build());
        list.layer(new DenseLayer.Builder().nIn(128).nOut(64).activation(Activation.RELU).build());
        list.layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(64).nOut(intents).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** The same, with L2 added after list() on the builder local (DL4J reads it at build()). */
    public static MultiLayerNetwork intentModelRegularised(int vocab, int intents) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder(); // SAFE: MissingRegularization
        builder.seed(5);
        builder.updater(new Nesterovs(0.01, 0.9));
        builder.weightInit(WeightInit.XAVIER);
        NeuralNetConfiguration.ListBuilder list = builder.list();
        builder.l2(1e-4);
        list.layer(new EmbeddingLayer.Builder().nIn(vocab).nOut(128).build());
        list.layer(new DenseLayer.Builder().nIn(128).nOut(64).activation(Activation.RELU).build());
        list.layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(64).nOut(intents).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
