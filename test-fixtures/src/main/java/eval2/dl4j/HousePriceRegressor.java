package eval2.dl4j;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.InvalidScoreIterationTerminationCondition;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.termination.MaxTimeIterationTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** House-price regressor: 11 numeric features in columns 0-10, log price in column 11. */
public class HousePriceRegressor {

    private static final int BATCH = 32;

    static DataSetIterator regressionIterator(String path) throws IOException, InterruptedException {
        RecordReader reader = new CSVRecordReader(1, ',');
        reader.initialize(new FileSplit(new File(path)));
        return new RecordReaderDataSetIterator(reader, BATCH, 11, 11, true);
    }

    static MultiLayerConfiguration config() {
        return new NeuralNetConfiguration.Builder() // SAFE: MissingRegularization
                .seed(7)
                .updater(new Adam(1e-3))
                .weightDecay(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(11).nOut(64).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(64).nOut(32).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY) // SAFE: LossActivationMismatch
                        .nIn(32).nOut(1)
                        .build())
                .build();
    }

    public static MultiLayerNetwork train(String trainCsv, String validCsv) throws IOException, InterruptedException {
        RecordReader reader = new CSVRecordReader(1, ',');
        reader.initialize(new FileSplit(new File(trainCsv)));
        DataSetIterator trainIter = new RecordReaderDataSetIterator(reader, BATCH, 11, 11, true);
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(trainIter);
        trainIter.setPreProcessor(normalizer);
        DataSetIterator validIter = regressionIterator(validCsv);
        validIter.setPreProcessor(normalizer);

        MultiLayerNetwork warmStart = new MultiLayerNetwork(config());
        warmStart.init();
        warmStart.fit(trainIter, 5); // SAFE: MissingInputNormalization

        EarlyStoppingConfiguration<MultiLayerNetwork> es = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>() // SAFE: UncheckedTrainingLoss
                .epochTerminationConditions(new MaxEpochsTerminationCondition(100))
                .iterationTerminationConditions(new InvalidScoreIterationTerminationCondition(),
                        new MaxTimeIterationTerminationCondition(30, TimeUnit.MINUTES))
                .scoreCalculator(new DataSetLossCalculator(validIter, true))
                .modelSaver(new InMemoryModelSaver<>())
                .build();
        return new EarlyStoppingTrainer(es, warmStart, trainIter).fit().getBestModel();
    }
}
