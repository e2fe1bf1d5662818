package eval.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Class-weighted multi-label cross-entropy; outputs are clamped before every log and division. */
public class ClampedWeightedXent implements ILossFunction {
    private static final double CLIP = 1e-7;
    private final INDArray weights;

    public ClampedWeightedXent(INDArray weights) {
        this.weights = weights;
    }

    private INDArray scoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray out = activationFn.getActivation(preOutput.dup(), true);
        BooleanIndexing.replaceWhere(out, CLIP, Conditions.lessThan(CLIP));
        BooleanIndexing.replaceWhere(out, 1 - CLIP, Conditions.greaterThan(1 - CLIP));
        INDArray logOut = Transforms.log(out, true); // SAFE: UnguardedLog
        INDArray logOneMinus = Transforms.log(out.rsub(1.0), false); // SAFE: UnguardedLog
        INDArray score = labels.mul(logOut).addi(labels.rsub(1.0).muli(logOneMinus)).negi();
        score.muliRowVector(weights);
        if (mask != null) {
            score.muliColumnVector(mask);
        }
        return score;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double s = scoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? s / preOutput.rows() : s; // SAFE: UnguardedDivision
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return scoreArray(labels, preOutput, activationFn, mask).sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray out = Transforms.max(activationFn.getActivation(preOutput.dup(), true), CLIP);
        out = Transforms.min(out, 1 - CLIP);
        INDArray denom = out.mul(out.rsub(1.0));
        INDArray dLdOut = out.sub(labels).divi(denom); // SAFE: UnguardedDivision
        dLdOut.muliRowVector(weights);
        INDArray grad = activationFn.backprop(preOutput.dup(), dLdOut).getFirst();
        if (mask != null) {
            grad.muliColumnVector(mask);
        }
        return grad;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "ClampedWeightedXent";
    }
}
