package eval.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** ND4J helpers for the re-ranker: softmax over candidate scores and the listwise loss. */
public final class Nd4jSoftmaxOps {
    private static final double EPS = 1e-10;

    private Nd4jSoftmaxOps() {}

    /** Scores are unnormalised dot products of 768-d embeddings. */
    public static INDArray softmaxManual(INDArray scores) {
        INDArray exp = Transforms.exp(scores); // EXPECT: UnstableSoftmax
        return exp.divColumnVector(exp.sum(1).reshape(scores.rows(), 1));
    }

    public static INDArray softmaxShifted(INDArray scores) {
        INDArray shifted = scores.subColumnVector(scores.max(1).reshape(scores.rows(), 1));
        INDArray exp = Transforms.exp(shifted); // SAFE: UnstableSoftmax
        return exp.divColumnVector(exp.sum(1).reshape(scores.rows(), 1));
    }

    public static INDArray softmaxBuiltin(INDArray scores) {
        return Transforms.softmax(scores); // SAFE: UnstableSoftmax
    }

    /** ListNet loss: -sum(target * log softmax(scores)), via probabilities. */
    public static double listNetLoss(INDArray scores, INDArray targetDist) {
        INDArray probs = Transforms.softmax(scores, true);
        INDArray logProbs = Transforms.log(Transforms.max(probs, EPS), true); // EXPECT: LogOfSoftmax
        return -targetDist.mul(logProbs).sumNumber().doubleValue() / scores.rows();
    }

    /** Same loss via LogSoftMax on the scores. */
    public static double listNetLossStable(INDArray scores, INDArray targetDist) {
        INDArray logProbs = Nd4j.exec(new LogSoftMax(scores.dup()))[0]; // SAFE: LogOfSoftmax
        return -targetDist.mul(logProbs).sumNumber().doubleValue() / scores.rows(); // SAFE: UnguardedDivision
    }

    /** Poisson rate head for click counts. */
    public static INDArray poissonRate(INDArray preOutput) {
        return Transforms.exp(preOutput); // SAFE: UnstableSoftmax
    }

    /** log-sum-exp over candidates, summed inside the log. */
    public static INDArray logPartition(INDArray scores) {
        return Transforms.log(Transforms.exp(scores).sum(1)); // EXPECT: UnstableSoftmax
    }
}
