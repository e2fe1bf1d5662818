package eval.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Manual Adam / RMSProp steps over ND4J parameter views (used in the custom SameDiff-free trainer). */
public class Nd4jAdamStep {
    private final double lr;
    private final double beta1 = 0.9;
    private final double beta2 = 0.999;
    private final INDArray m;
    private final INDArray v;
    private final INDArray rmsCache;
    private final INDArray adaAcc;

    public Nd4jAdamStep(long[] shape, double lr) {
        this.lr = lr;
        this.m = Nd4j.zeros(shape);
        this.v = Nd4j.zeros(shape);
        this.rmsCache = Nd4j.zeros(shape);
        this.adaAcc = Nd4j.valueArrayOf(shape, 0.1);
    }

    public void adamNoEps(INDArray params, INDArray grad) {
        m.muli(beta1).addi(grad.mul(1 - beta1));
        v.muli(beta2).addi(grad.mul(grad).muli(1 - beta2));
        INDArray update = m.div(Transforms.sqrt(v)).muli(lr); // EXPECT: UnguardedSqrt
        params.subi(update);
    }

    public void adam(INDArray params, INDArray grad) {
        m.muli(beta1).addi(grad.mul(1 - beta1));
        v.muli(beta2).addi(grad.mul(grad).muli(1 - beta2));
        INDArray denom = Transforms.sqrt(v).add(1e-8);
        INDArray update = m.div(denom).muli(lr); // SAFE: UnguardedSqrt
        params.subi(update);
    }

    public void rmsProp(INDArray params, INDArray grad, double decay) {
        rmsCache.muli(decay).addi(grad.mul(grad).muli(1 - decay));
        params.subi(grad.div(Transforms.sqrt(rmsCache.add(1e-8))).muli(lr)); // SAFE: UnguardedSqrt
    }

    public void adaGrad(INDArray params, INDArray grad) {
        adaAcc.addi(grad.mul(grad));
        params.subi(grad.div(Transforms.sqrt(adaAcc)).muli(lr)); // SAFE: UnguardedSqrt
    }
}
