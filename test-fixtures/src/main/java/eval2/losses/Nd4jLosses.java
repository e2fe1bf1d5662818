package eval2.losses;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Minibatch losses on ND4J arrays, used by the custom training step of the tagging service
 * (shapes: [batch, classes] for logits and labels, [batch, 1] for masks).
 */
public final class Nd4jLosses {

    private static final double EPS = 1e-7;

    private Nd4jLosses() {
    }

    /** Softmax cross-entropy, first version. */
    public static double softmaxCrossEntropy(INDArray logits, INDArray oneHot) {
        INDArray exp = Transforms.exp(logits, true); // EXPECT: UnstableSoftmax
        INDArray probs = exp.divColumnVector(exp.sum(1));
        INDArray logProbs = Transforms.log(probs, true); // EXPECT: UnguardedLog
        return -logProbs.mul(oneHot).sumNumber().doubleValue() / logits.size(0); // SAFE: UnguardedDivision
    }

    /** Softmax cross-entropy through log-sum-exp on the shifted logits. */
    public static double stableSoftmaxCrossEntropy(INDArray logits, INDArray oneHot) {
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray exp = Transforms.exp(shifted, true); // SAFE: UnstableSoftmax
        INDArray logSumExp = Transforms.log(exp.sum(true, 1), false); // SAFE: UnguardedLog
        INDArray logProbs = shifted.subColumnVector(logSumExp);
        return -logProbs.mul(oneHot).sumNumber().doubleValue() / logits.size(0);
    }

    /** Element-wise binary cross-entropy for the multi-label head (sigmoid outputs). */
    public static INDArray binaryCrossEntropy(INDArray preOutput, INDArray labels) {
        INDArray p = Transforms.sigmoid(preOutput, true);
        INDArray clipped = Transforms.min(Transforms.max(p, EPS), 1.0 - EPS);
        INDArray logP = Transforms.log(clipped, true); // EXPECT: LogOfSoftmax
        INDArray log1mP = Transforms.log(clipped.rsub(1.0), true); // SAFE: UnguardedLog
        return labels.mul(logP).add(labels.rsub(1.0).mul(log1mP)).negi();
    }

    /** Poisson negative log-likelihood for count targets, from a softplus rate head. */
    public static double poissonNll(INDArray rate, INDArray counts) {
        INDArray logRate = Transforms.log(rate, true); // SAFE: UnguardedLog
        BooleanIndexing.replaceWhere(logRate, -30.0, Conditions.isInfinite());
        return rate.sub(counts.mul(logRate)).sumNumber().doubleValue();
    }

    /** Masked mean squared error over padded sequences: mask is 1 for real steps, 0 for padding. */
    public static double maskedMse(INDArray predictions, INDArray targets, INDArray mask) {
        INDArray sq = predictions.sub(targets);
        sq.muli(sq).muli(mask);
        double maskSum = mask.sumNumber().doubleValue();
        return sq.sumNumber().doubleValue() / maskSum; // EXPECT: UnguardedDivision
    }

    /** Same, with the empty-mask case handled. */
    public static double maskedMseSafe(INDArray predictions, INDArray targets, INDArray mask) {
        INDArray sq = predictions.sub(targets);
        sq.muli(sq).muli(mask);
        double maskSum = mask.sumNumber().doubleValue();
        return sq.sumNumber().doubleValue() / Math.max(maskSum, 1.0); // SAFE: UnguardedDivision
    }

    /** Cosine embedding loss between rows of two [batch, dim] matrices. */
    public static INDArray cosineEmbeddingLoss(INDArray a, INDArray b) {
        INDArray dots = a.mul(b).sum(true, 1);
        INDArray norms = a.norm2(true, 1).muli(b.norm2(true, 1)).addi(1e-8);
        return dots.divi(norms).rsubi(1.0); // SAFE: UnguardedDivision
    }
}
