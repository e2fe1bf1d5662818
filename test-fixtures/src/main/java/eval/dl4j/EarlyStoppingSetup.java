package eval.dl4j;

import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.InvalidScoreIterationTerminationCondition;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.termination.MaxTimeIterationTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.concurrent.TimeUnit;

/** Early-stopping runs for the hyper-parameter sweep. */
public final class EarlyStoppingSetup {
    private EarlyStoppingSetup() {}

    public static EarlyStoppingResult<MultiLayerNetwork> runPlain(MultiLayerConfiguration conf,
                                                                 DataSetIterator train, DataSetIterator test) {
        EarlyStoppingConfiguration<MultiLayerNetwork> esConf =
                new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>() // EXPECT: UncheckedTrainingLoss
                        .epochTerminationConditions(new MaxEpochsTerminationCondition(30))
                        .iterationTerminationConditions(new MaxTimeIterationTerminationCondition(2, TimeUnit.HOURS))
                        .scoreCalculator(new DataSetLossCalculator(test, true))
                        .evaluateEveryNEpochs(1)
                        .build();
        return new EarlyStoppingTrainer(esConf, conf, train).fit();
    }

    public static EarlyStoppingResult<MultiLayerNetwork> runGuarded(MultiLayerConfiguration conf,
                                                                   DataSetIterator train, DataSetIterator test) {
        EarlyStoppingConfiguration<MultiLayerNetwork> esConf =
                new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>() // SAFE: UncheckedTrainingLoss
                        .epochTerminationConditions(new MaxEpochsTerminationCondition(30))
                        .iterationTerminationConditions(new InvalidScoreIterationTerminationCondition())
                        .scoreCalculator(new DataSetLossCalculator(test, true))
                        .build();
        return new EarlyStoppingTrainer(esConf, conf, train).fit();
    }
}
