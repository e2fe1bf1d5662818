package eval.similarity;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Angular distances between face embeddings (ArcFace-style evaluation). */
public final class AngularDistance {
    private AngularDistance() {}

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Inputs are guaranteed non-zero by the embedding model (it L2-normalises its output). */
    public static double angle(double[] a, double[] b) {
        double cos = dot(a, b) / (norm(a) * norm(b));
        return Math.acos(cos); // EXPECT: InverseTrigDomain
    }

    public static double angleClamped(double[] a, double[] b) {
        double cos = dot(a, b) / (norm(a) * norm(b));
        return Math.acos(Math.max(-1.0, Math.min(1.0, cos))); // SAFE: InverseTrigDomain
    }

    /** Embeddings after ReLU are non-negative, so only the top can overshoot. */
    public static double angleNonNegative(double[] a, double[] b) {
        double c = Math.min(1.0, dot(a, b) / (norm(a) * norm(b)));
        return Math.acos(c); // SAFE: InverseTrigDomain
    }

    public static double angleIfGuarded(double[] a, double[] b) {
        double similarity = dot(a, b) / (norm(a) * norm(b));
        if (similarity > 1) similarity = 1;
        else if (similarity < -1) similarity = -1;
        return Math.acos(similarity); // SAFE: InverseTrigDomain
    }

    /** Only the lower bound is clamped. */
    public static double angleHalfClamped(double[] a, double[] b) {
        double sim = Math.max(-1.0, dot(a, b) / (norm(a) * norm(b)));
        return Math.acos(sim); // EXPECT: InverseTrigDomain
    }

    public static INDArray pairwiseAngles(INDArray embeddings) {
        INDArray unit = embeddings.divColumnVector(embeddings.norm2(1).reshape(embeddings.rows(), 1).add(1e-12));
        return Transforms.acos(unit.mmul(unit.transpose())); // EXPECT: InverseTrigDomain
    }

    public static INDArray pairwiseAnglesClamped(INDArray embeddings) {
        INDArray unit = embeddings.divColumnVector(embeddings.norm2(1).reshape(embeddings.rows(), 1).add(1e-12));
        INDArray c = Transforms.min(Transforms.max(unit.mmul(unit.transpose()), -1.0), 1.0);
        return Transforms.acos(c); // SAFE: InverseTrigDomain
    }

    /** ArcFace margin: cos(theta + m), with theta from a bounded function. */
    public static double phase(double theta) {
        return Math.acos(Math.cos(theta)); // SAFE: InverseTrigDomain
    }

    public static double halfTurn() {
        return Math.acos(-1); // SAFE: InverseTrigDomain
    }

    public static double squashedAngle(double x) {
        return Math.asin(Math.tanh(x)); // SAFE: InverseTrigDomain
    }
}
