package eval2.dl4j;

import java.io.File;
import java.io.IOException;

import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.termination.ScoreImprovementEpochTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Prototype churn classifier on the raw customer CSV: 19 numeric columns (tenure in days, monthly
 * charges, total charges in the thousands, ...) and the churn segment in column 19 (3 segments).
 */
public class ChurnPrototype {

    private static final int NUM_FEATURES = 19;
    private static final int LABEL_INDEX = 19;
    private static final int NUM_SEGMENTS = 3;
    private static final int BATCH = 64;

    static DataSetIterator csvIterator(String path) throws IOException, InterruptedException {
        RecordReader reader = new CSVRecordReader(1, ',');
        reader.initialize(new FileSplit(new File(path)));
        return new RecordReaderDataSetIterator(reader, BATCH, LABEL_INDEX, NUM_SEGMENTS);
    }

    static MultiLayerConfiguration config() {
        return new NeuralNetConfiguration.Builder() // EXPECT: MissingRegularization
                .seed(42)
                .updater(new Adam(1e-3)) // SAFE: HighLearningRate
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(NUM_FEATURES).nOut(64).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(64).nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .nIn(32)
                        .nOut(4) // EXPECT: LabelOutOfRange
                        .build())
                .build();
    }

    public static MultiLayerNetwork trainQuick(String trainCsv) throws IOException, InterruptedException {
        MultiLayerNetwork net = new MultiLayerNetwork(config());
        net.init();
        DataSetIterator rawIter = new RecordReaderDataSetIterator(newReader(trainCsv), BATCH, LABEL_INDEX, NUM_SEGMENTS);
        net.fit(rawIter, 30); // EXPECT: MissingInputNormalization
        return net;
    }

    static RecordReader newReader(String path) throws IOException, InterruptedException {
        RecordReader reader = new CSVRecordReader(1, ',');
        reader.initialize(new FileSplit(new File(path)));
        return reader;
    }

    public static MultiLayerNetwork trainWithEarlyStopping(String trainCsv, String validCsv) throws IOException, InterruptedException {
        DataSetIterator trainIter = csvIterator(trainCsv);
        DataSetIterator validIter = csvIterator(validCsv);
        EarlyStoppingConfiguration<MultiLayerNetwork> es = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>() // EXPECT: UncheckedTrainingLoss
                .epochTerminationConditions(new MaxEpochsTerminationCondition(200), new ScoreImprovementEpochTerminationCondition(10))
                .scoreCalculator(new DataSetLossCalculator(validIter, true))
                .modelSaver(new InMemoryModelSaver<>())
                .evaluateEveryNEpochs(1)
                .build();
        EarlyStoppingTrainer trainer = new EarlyStoppingTrainer(es, config(), trainIter);
        EarlyStoppingResult<MultiLayerNetwork> result = trainer.fit();
        return result.getBestModel();
    }
}
