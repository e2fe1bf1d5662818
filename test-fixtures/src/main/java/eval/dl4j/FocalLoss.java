package eval.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Focal loss (Lin et al.) for the imbalanced defect detector; gamma tuned to 0.5 on validation. */
public class FocalLoss implements ILossFunction {
    private static final double EPS = 1e-7;
    private final double gamma;

    public FocalLoss() {
        this(0.5);
    }

    public FocalLoss(double gamma) {
        this.gamma = gamma;
    }

    private INDArray scoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        INDArray logP = Transforms.log(output, true); // EXPECT: UnguardedLog
        INDArray modulator = Transforms.pow(output.rsub(1.0), gamma); // SAFE: PowDomain
        INDArray scoreArr = logP.muli(modulator).muli(labels).negi();
        if (mask != null) {
            scoreArr.muliColumnVector(mask);
        }
        return scoreArr;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double score = scoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        if (average) {
            score /= labels.size(0); // SAFE: UnguardedDivision
        }
        return score;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return scoreArray(labels, preOutput, activationFn, mask).sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray p = activationFn.getActivation(preOutput.dup(), true);
        INDArray oneMinusP = p.rsub(1.0);
        INDArray safeP = Transforms.max(p, EPS);
        INDArray logP = Transforms.log(safeP, true); // SAFE: UnguardedLog
        INDArray term1 = Transforms.pow(oneMinusP, gamma - 1).muli(gamma).muli(logP); // EXPECT: PowDomain
        INDArray term2 = Transforms.pow(oneMinusP, gamma).divi(safeP); // SAFE: UnguardedDivision
        INDArray dLdOut = term1.subi(term2).muli(labels);
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
        return "FocalLoss(gamma=" + gamma + ")";
    }
}
