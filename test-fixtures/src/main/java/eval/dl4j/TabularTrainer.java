package eval.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** House-price classifier on raw CSV columns (areas in m^2, prices in EUR, year built). */
public class TabularTrainer {
    private static final int BATCH = 64;

    static MultiLayerConfiguration config(int nIn, int classes) {
        return new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(128).activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().eps(0).build()) // EXPECT: ZeroEpsilon
                .layer(new DenseLayer.Builder().nIn(128).nOut(64).activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().eps(1e-5).build()) // SAFE: ZeroEpsilon
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(64).nOut(classes).build())
                .build();
    }

    public MultiLayerNetwork train(List<INDArray> rows, List<INDArray> oneHot, int epochs) {
        List<DataSet> examples = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            examples.add(new DataSet(rows.get(i), oneHot.get(i)));
        }
        DataSetIterator trainIter = new ListDataSetIterator<>(examples, BATCH);
        MultiLayerNetwork net = new MultiLayerNetwork(config(rows.get(0).columns(), oneHot.get(0).columns()));
        net.init();
        for (int epoch = 0; epoch < epochs; epoch++) { // EXPECT: UncheckedTrainingLoss
            net.fit(trainIter); // EXPECT: MissingInputNormalization
            trainIter.reset();
            System.out.println("epoch " + epoch + " score " + net.score());
        }
        return net;
    }
}
