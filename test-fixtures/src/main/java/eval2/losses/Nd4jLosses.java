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
        INDArray exp = Transforms.exp(logits, true); // EXPECT: UnstableSoftmax @@ exp of raw logits then divided by its row sums: any logit above ~88 (float arrays) overflows to Infinity and the row becomes Infinity/Infinity = NaN
        INDArray probs = exp.divColumnVector(exp.sum(1));
        INDArray logProbs = Transforms.log(probs, true); // EXPECT: UnguardedLog @@ probs is a softmax output; entries underflow to exactly 0 for strongly negative logits and log gives -Infinity, which oneHot * -Infinity turns into NaN (0 * -Inf) for the other classes
        return -logProbs.mul(oneHot).sumNumber().doubleValue() / logits.size(0); // SAFE: UnguardedDivision @@ dividing by the batch dimension of an INDArray shape
    }

    /** Softmax cross-entropy through log-sum-exp on the shifted logits. */
    public static double stableSoftmaxCrossEntropy(INDArray logits, INDArray oneHot) {
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray exp = Transforms.exp(shifted, true); // SAFE: UnstableSoftmax @@ logits shifted by their row maximum first: every exponent <= 0
        INDArray logSumExp = Transforms.log(exp.sum(true, 1), false); // SAFE: UnguardedLog @@ row sums of exp(z - max) are >= 1
        INDArray logProbs = shifted.subColumnVector(logSumExp);
        return -logProbs.mul(oneHot).sumNumber().doubleValue() / logits.size(0);
    }

    /** Element-wise binary cross-entropy for the multi-label head (sigmoid outputs). */
    public static INDArray binaryCrossEntropy(INDArray preOutput, INDArray labels) {
        INDArray p = Transforms.sigmoid(preOutput, true);
        INDArray clipped = Transforms.min(Transforms.max(p, EPS), 1.0 - EPS);
        INDArray logP = Transforms.log(clipped, true); // EXPECT: LogOfSoftmax @@ log of a sigmoid of preOutput, only clamped: a confidently wrong label sits on the clamp with zero gradient; log-sigmoid from preOutput is exact
        INDArray log1mP = Transforms.log(clipped.rsub(1.0), true); // SAFE: UnguardedLog @@ 1 - clipped where clipped <= 1 - 1e-7, so the argument is >= 1e-7
        return labels.mul(logP).add(labels.rsub(1.0).mul(log1mP)).negi();
    }

    /** Poisson negative log-likelihood for count targets, from a softplus rate head. */
    public static double poissonNll(INDArray rate, INDArray counts) {
        INDArray logRate = Transforms.log(rate, true); // SAFE: UnguardedLog @@ the -Infinity of a zero rate is replaced by -30 on the next line, before it is used
        BooleanIndexing.replaceWhere(logRate, -30.0, Conditions.isInfinite());
        return rate.sub(counts.mul(logRate)).sumNumber().doubleValue();
    }

    /** Masked mean squared error over padded sequences: mask is 1 for real steps, 0 for padding. */
    public static double maskedMse(INDArray predictions, INDArray targets, INDArray mask) {
        INDArray sq = predictions.sub(targets);
        sq.muli(sq).muli(mask);
        double maskSum = mask.sumNumber().doubleValue();
        return sq.sumNumber().doubleValue() / maskSum; // EXPECT: UnguardedDivision @@ sum of a 0/1 mask: a minibatch made only of padding (possible at the tail of a bucketed epoch) gives 0/0 = NaN
    }

    /** Same, with the empty-mask case handled. */
    public static double maskedMseSafe(INDArray predictions, INDArray targets, INDArray mask) {
        INDArray sq = predictions.sub(targets);
        sq.muli(sq).muli(mask);
        double maskSum = mask.sumNumber().doubleValue();
        return sq.sumNumber().doubleValue() / Math.max(maskSum, 1.0); // SAFE: UnguardedDivision @@ Math.max(maskSum, 1.0)
    }

    /** Cosine embedding loss between rows of two [batch, dim] matrices. */
    public static INDArray cosineEmbeddingLoss(INDArray a, INDArray b) {
        INDArray dots = a.mul(b).sum(true, 1);
        INDArray norms = a.norm2(true, 1).muli(b.norm2(true, 1)).addi(1e-8);
        return dots.divi(norms).rsubi(1.0); // SAFE: UnguardedDivision @@ norms had 1e-8 added in place (addi) before the division
    }
}
