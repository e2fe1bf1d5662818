package eval2.norm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Column statistics and row normalisation on ND4J matrices of shape [examples, features]. */
public final class Nd4jFeatureNorm {

    private Nd4jFeatureNorm() {
    }

    /** Standardise columns with E[x^2] - E[x]^2 (one reduction pass over the data). */
    public static INDArray standardizeFast(INDArray x) {
        INDArray mean = x.mean(0);
        INDArray var = x.mul(x).mean(0).sub(mean.mul(mean));
        INDArray std = Transforms.sqrt(var, true); // EXPECT: UnguardedSqrt
        return x.subRowVector(mean).divRowVector(std);
    }

    /** Standardise columns with ND4J's two-pass variance and an epsilon. */
    public static INDArray standardize(INDArray x) {
        INDArray mean = x.mean(0);
        INDArray std = Transforms.sqrt(x.var(false, 0).add(1e-5), true); // SAFE: UnguardedSqrt
        return x.subRowVector(mean).divRowVector(std); // SAFE: UnguardedDivision
    }

    /** Standardise with a clamped one-pass variance. */
    public static INDArray standardizeClamped(INDArray x) {
        INDArray mean = x.mean(0);
        INDArray var = Transforms.max(x.mul(x).mean(0).sub(mean.mul(mean)), 0.0);
        INDArray std = Transforms.sqrt(var, true).addi(1e-6); // SAFE: UnguardedSqrt
        return x.subRowVector(mean).divRowVector(std);
    }

    /** L2-normalise every row (embedding tables before nearest-neighbour search). */
    public static INDArray l2NormalizeRows(INDArray x) {
        INDArray norms = x.norm2(true, 1);
        return x.divColumnVector(norms); // EXPECT: UnguardedDivision
    }

    public static INDArray l2NormalizeRowsSafe(INDArray x) {
        INDArray norms = x.norm2(true, 1).addi(1e-12);
        return x.divColumnVector(norms); // SAFE: UnguardedDivision
    }

    /** Min-max scale columns; constant columns are mapped to 0. */
    public static INDArray minMaxColumns(INDArray x) {
        INDArray min = x.min(0);
        INDArray range = x.max(0).sub(min);
        BooleanIndexing.replaceWhere(range, 1.0, Conditions.equals(0.0));
        return x.subRowVector(min).divRowVector(range); // SAFE: UnguardedDivision
    }

    /** Column means, dividing the sums by the number of rows. */
    public static INDArray columnMeans(INDArray x) {
        return x.sum(0).divi(x.rows()); // SAFE: UnguardedDivision
    }

    /** Scale each row to sum to 1 (count histograms to frequencies). */
    public static INDArray rowFrequencies(INDArray counts) {
        return counts.divColumnVector(counts.sum(true, 1)); // EXPECT: UnguardedDivision
    }
}
