package realbugs;

/**
 * Reproductions of NaN/Infinity bugs fixed in two NLP toolkits and a neural network library (labels
 * mallet-*, opennlp-*, encog-* in docs/evaluation/realbugs.tsv). Rewritten, not copied.
 */
public class TextModelsAndNetworks {
    private static final double LOG2 = Math.log(2);

    /** mallet-gainratio, and the look-alike entropies of the same code (each log guarded by p > 0). */
    static double bestGainRatio(double[] targetCounts, double numInsts, double[][] passCounts, double[] numPass) {
        double baseEntropy = 0;
        for (int ci = 0; ci < targetCounts.length; ci++) {
            double p = targetCounts[ci] / numInsts;
            if (p > 0) {
                baseEntropy -= p * Math.log(p) / LOG2; // SAFE: UnguardedLog
            }
        }
        double bestSplitPoint = Double.NaN;
        double best = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < numPass.length; s++) {
            double numPassInsts = numPass[s];
            double passEntropy = 0;
            double p;
            for (int ci = 0; ci < targetCounts.length; ci++) {
                if (numPassInsts > 0) {
                    p = passCounts[s][ci] / numPassInsts; // SAFE: UnguardedDivision
                    if (p > 0) {
                        passEntropy -= p * Math.log(p) / LOG2; // SAFE: UnguardedLog
                    }
                }
            }
            double gain = baseEntropy - passEntropy;
            if (gain > best) {
                best = gain;
                bestSplitPoint = s;
            }
        }
        assert (bestSplitPoint != Double.NaN); // EXPECT: NaNEquality
        return bestSplitPoint;
    }

    static double bestGainRatioChecked(double bestSplitPoint) {
        assert (!Double.isNaN(bestSplitPoint)); // SAFE: NaNEquality
        return bestSplitPoint;
    }

    /** mallet-maxentge: the entropy of a target expectation, p log p with p = 0 allowed. */
    static double targetEntropyBefore(double[][] targetExpectations, double scalingFactor) {
        double value = 0;
        for (double[] constraint : targetExpectations) {
            for (int label = 0; label < constraint.length; label++) {
                double cProb = constraint[label];
                value -= scalingFactor * cProb * Math.log(cProb); // EXPECT: UnguardedLog
            }
        }
        return value;
    }

    static double targetEntropyAfter(double[][] targetExpectations, double scalingFactor) {
        double value = 0;
        for (double[] constraint : targetExpectations) {
            for (int label = 0; label < constraint.length; label++) {
                double cProb = constraint[label];
                if (cProb > 0) {
                    value -= scalingFactor * cProb * Math.log(cProb); // SAFE: UnguardedLog
                }
            }
        }
        return value;
    }

    /** opennlp-qnmodel: maxent outcome probabilities from summed feature weights, exp without the max. */
    static double[] outcomeProbabilitiesBefore(int[] features, double[] parameters, int numOutcomes, int numPreds) {
        double[] table = new double[numOutcomes + 1];
        for (int feature : features) {
            for (int oi = 0; oi < numOutcomes; oi++) {
                table[oi] += parameters[oi * numPreds + feature];
            }
        }
        for (int oi = 0; oi < numOutcomes; oi++) {
            table[oi] = Math.exp(table[oi]); // EXPECT: UnstableSoftmax
            table[numOutcomes] += table[oi];
        }
        double[] result = new double[numOutcomes];
        for (int oi = 0; oi < numOutcomes; oi++) {
            result[oi] = table[oi] / table[numOutcomes];
        }
        return result;
    }

    static double[] outcomeProbabilitiesAfter(int[] features, double[] parameters, int numOutcomes, int numPreds) {
        double[] probs = new double[numOutcomes];
        for (int feature : features) {
            for (int oi = 0; oi < numOutcomes; oi++) {
                probs[oi] += parameters[oi * numPreds + feature];
            }
        }
        double logSumExp = logSumOfExps(probs);
        for (int oi = 0; oi < numOutcomes; oi++) {
            probs[oi] = Math.exp(probs[oi] - logSumExp); // SAFE: UnstableSoftmax
        }
        return probs;
    }

    private static double logSumOfExps(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    /** An exp clamped against overflow only, as the network library's bounded math does. */
    static double boundedExp(double a) {
        double e = Math.exp(a);
        return e > 1e10 ? 1e10 : e;
    }

    /** encog-softmax: the sum of clamped exps underflows to 0 when every input is below -745. */
    static void softmaxBefore(double[] x, int start, int size) {
        double sum = 0;
        for (int i = start; i < start + size; i++) {
            x[i] = boundedExp(x[i]);
            sum += x[i];
        }
        for (int i = start; i < start + size; i++) {
            x[i] = x[i] / sum; // EXPECT: UnguardedDivision
        }
    }

    static void softmaxAfter(double[] x, int start, int size) {
        double sum = 0;
        for (int i = start; i < start + size; i++) {
            x[i] = boundedExp(x[i]);
            sum += x[i];
        }
        if (Double.isNaN(sum) || sum == 0) {
            sum = 0.000_000_000_001;
        }
        for (int i = start; i < start + size; i++) {
            x[i] = x[i] / sum; // SAFE: UnguardedDivision
        }
    }

    /** encog-analystfield: min-max normalisation of a column whose range is set from the data. */
    public static class FieldNormaliser {
        private double actualHigh;
        private double actualLow;
        private final double normalizedHigh = 1;
        private final double normalizedLow = -1;

        public void setRange(double high, double low) {
            this.actualHigh = high;
            this.actualLow = low;
        }

        public void setRangeWidened(double high, double low) {
            this.actualHigh = high;
            this.actualLow = low;
            widenSingleValue();
        }

        /** The fix: a column with a single value gets a range of 2 around it. */
        private void widenSingleValue() {
            if (Math.abs(this.actualHigh - this.actualLow) < 1e-7) {
                this.actualHigh += 1;
                this.actualLow -= 1;
            }
        }

        public double normalizeBefore(double value) {
            return ((value - this.actualLow) / (this.actualHigh - this.actualLow)) * (this.normalizedHigh - this.normalizedLow) + this.normalizedLow; // EXPECT: UnguardedDivision
        }

        /** Same expression; every range now goes through setRangeWidened (the guard is in another method). */
        public double normalizeAfter(double value) {
            return ((value - this.actualLow) / (this.actualHigh - this.actualLow)) * (this.normalizedHigh - this.normalizedLow) + this.normalizedLow; // SAFE: UnguardedDivision
        }
    }

    /** encog-cpn: winner-take-most outputs normalised by the sum of the winners' outputs. */
    static double[] counterPropagationBefore(double[][] weights, double[] input, int winnerCount) {
        int n = weights[0].length;
        double[] result = new double[n];
        boolean[] winners = new boolean[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < input.length; j++) {
                sum += weights[j][i] * input[j];
            }
            result[i] = sum;
        }
        double sumWinners = 0;
        for (int w = 0; w < winnerCount; w++) {
            double maxOut = Double.MIN_VALUE;
            int winner = 0;
            for (int i = 0; i < n; i++) {
                if (!winners[i] && result[i] > maxOut) {
                    maxOut = result[winner = i];
                }
            }
            winners[winner] = true;
            sumWinners += result[winner];
        }
        for (int i = 0; i < n; i++) {
            if (winners[i]) {
                result[i] /= sumWinners; // EXPECT: UnguardedDivision
            } else {
                result[i] = 0;
            }
        }
        return result;
    }

    static void counterPropagationNormaliseAfter(double[] result, boolean[] winners, double sumWinners) {
        for (int i = 0; i < result.length; i++) {
            if (winners[i] && Math.abs(sumWinners) > 1e-7) {
                result[i] /= sumWinners; // SAFE: UnguardedDivision
            } else {
                result[i] = 0;
            }
        }
    }

    /** encog-errorcalc: the RMS error of a training set accumulated elsewhere. */
    public static class ErrorTotal {
        private double globalError;
        private int setSize;

        public void update(double actual, double ideal) {
            double delta = ideal - actual;
            globalError += delta * delta;
            setSize++;
        }

        public double rmsBefore() {
            final double err = Math.sqrt(this.globalError / this.setSize); // EXPECT: UnguardedDivision
            return err;
        }

        public double rmsAfter() {
            if (this.setSize == 0) {
                return 0;
            }
            final double err = Math.sqrt(this.globalError / this.setSize); // SAFE: UnguardedDivision
            return err;
        }
    }
}
