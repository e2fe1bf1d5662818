package eval.norm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Row-wise layer normalisation on [batch, features] activations. */
public final class Nd4jLayerNorm {
    private static final double EPS = 1e-5;

    private Nd4jLayerNorm() {}

    /** Zero-padded rows (empty sequences) have std 0. */
    public static INDArray normalize(INDArray x) {
        INDArray mean = x.mean(1).reshape(x.rows(), 1);
        INDArray std = x.std(false, 1).reshape(x.rows(), 1);
        return x.subColumnVector(mean).divColumnVector(std); // EXPECT: UnguardedDivision
    }

    public static INDArray normalizeEps(INDArray x) {
        INDArray mean = x.mean(1).reshape(x.rows(), 1);
        INDArray std = x.std(false, 1).reshape(x.rows(), 1).addi(EPS);
        return x.subColumnVector(mean).divColumnVector(std); // SAFE: UnguardedDivision
    }

    /** Variance as E[x^2] - E[x]^2, the way the fused kernel computes it. */
    public static INDArray stdFused(INDArray x) {
        INDArray mean = x.mean(1);
        INDArray var = x.mul(x).mean(1).sub(mean.mul(mean));
        return Transforms.sqrt(var); // EXPECT: UnguardedSqrt
    }

    public static INDArray stdFusedClamped(INDArray x) {
        INDArray mean = x.mean(1);
        INDArray var = x.mul(x).mean(1).sub(mean.mul(mean));
        return Transforms.sqrt(Transforms.max(var, 0.0)); // SAFE: UnguardedSqrt
    }

    public static INDArray stdBuiltin(INDArray x) {
        return Transforms.sqrt(x.var(false, 1).add(EPS)); // SAFE: UnguardedSqrt
    }

    /** Column-wise standardisation of a feature matrix (constant columns are common in one-hot blocks). */
    public static INDArray standardizeColumns(INDArray features) {
        INDArray mu = features.mean(0);
        INDArray sigma = features.std(0);
        return features.subRowVector(mu).divRowVector(sigma); // EXPECT: UnguardedDivision
    }
}
