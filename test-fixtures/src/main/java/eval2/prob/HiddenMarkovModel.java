package eval2.prob;

/**
 * Discrete HMM for the activity recogniser: scaled forward algorithm, Viterbi decoding in log space,
 * and the emission re-estimation of Baum-Welch.
 */
public class HiddenMarkovModel {

    private final int numStates;
    private final int numSymbols;
    private final double[] start;
    private final double[][] trans;
    private final double[][] emit;

    public HiddenMarkovModel(double[] start, double[][] trans, double[][] emit) {
        this.numStates = start.length;
        this.numSymbols = emit[0].length;
        this.start = start;
        this.trans = trans;
        this.emit = emit;
    }

    /** Maximum-likelihood estimates from labelled sequences (counts normalised per row). */
    public static HiddenMarkovModel fromCounts(long[] startCounts, long[][] transCounts, long[][] emitCounts) {
        int s = startCounts.length;
        double[] start = new double[s];
        double[][] trans = new double[s][s];
        double[][] emit = new double[s][emitCounts[0].length];
        long startTotal = 0;
        for (long c : startCounts) {
            startTotal += c;
        }
        for (int i = 0; i < s; i++) {
            start[i] = (startCounts[i] + 1.0) / (startTotal + s); // SAFE: UnguardedDivision
            long rowTotal = 0;
            for (long c : transCounts[i]) {
                rowTotal += c;
            }
            for (int j = 0; j < s; j++) {
                trans[i][j] = rowTotal == 0 ? 1.0 / s : transCounts[i][j] / (double) rowTotal; // SAFE: UnguardedDivision
            }
            long emitTotal = 0;
            for (long c : emitCounts[i]) {
                emitTotal += c;
            }
            for (int k = 0; k < emit[i].length; k++) {
                emit[i][k] = emitCounts[i][k] / (double) emitTotal; // EXPECT: UnguardedDivision
            }
        }
        return new HiddenMarkovModel(start, trans, emit);
    }

    /** Log-likelihood of an observation sequence with the scaled forward algorithm. */
    public double logLikelihood(int[] obs) {
        double[] alpha = new double[numStates];
        double logLik = 0.0;
        for (int t = 0; t < obs.length; t++) {
            double[] next = new double[numStates];
            double scale = 0.0;
            for (int j = 0; j < numStates; j++) {
                double in = 0.0;
                if (t == 0) {
                    in = start[j];
                } else {
                    for (int i = 0; i < numStates; i++) {
                        in += alpha[i] * trans[i][j];
                    }
                }
                next[j] = in * emit[j][obs[t]];
                scale += next[j];
            }
            for (int j = 0; j < numStates; j++) {
                next[j] /= scale; // EXPECT: UnguardedDivision
            }
            logLik += Math.log(scale); // EXPECT: UnguardedLog
            alpha = next;
        }
        return logLik;
    }

    /** Log transition matrix for Viterbi: impossible transitions are -Infinity on purpose. */
    double[][] logTransitions() {
        double[][] logA = new double[numStates][numStates];
        for (int i = 0; i < numStates; i++) {
            for (int j = 0; j < numStates; j++) {
                logA[i][j] = trans[i][j] > 0 ? Math.log(trans[i][j]) : Double.NEGATIVE_INFINITY; // SAFE: UnguardedLog
            }
        }
        return logA;
    }

    /** Most likely state path. */
    public int[] viterbi(int[] obs) {
        double[][] logA = logTransitions();
        int n = obs.length;
        double[][] delta = new double[n][numStates];
        int[][] back = new int[n][numStates];
        for (int j = 0; j < numStates; j++) {
            delta[0][j] = Math.log(start[j] + 1e-300) + Math.log(emit[j][obs[0]] + 1e-300); // SAFE: UnguardedLog
        }
        for (int t = 1; t < n; t++) {
            for (int j = 0; j < numStates; j++) {
                double best = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int i = 0; i < numStates; i++) {
                    double s = delta[t - 1][i] + logA[i][j];
                    if (s > best) {
                        best = s;
                        arg = i;
                    }
                }
                delta[t][j] = best + Math.log(Math.max(emit[j][obs[t]], 1e-300)); // SAFE: UnguardedLog
                back[t][j] = arg;
            }
        }
        int[] path = new int[n];
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < numStates; j++) {
            if (delta[n - 1][j] > best) {
                best = delta[n - 1][j];
                path[n - 1] = j;
            }
        }
        for (int t = n - 1; t > 0; t--) {
            path[t - 1] = back[t][path[t]];
        }
        return path;
    }

    /** Baum-Welch M-step for the emissions from the state posteriors gamma[t][state]. */
    public void reestimateEmissions(double[][] gamma, int[] obs) {
        for (int i = 0; i < numStates; i++) {
            double occupancy = 0.0;
            double[] byObs = new double[numSymbols];
            for (int t = 0; t < obs.length; t++) {
                occupancy += gamma[t][i];
                byObs[obs[t]] += gamma[t][i];
            }
            if (occupancy > 0) {
                for (int k = 0; k < numSymbols; k++) {
                    emit[i][k] = byObs[k] / occupancy; // SAFE: UnguardedDivision
                }
            }
        }
    }
}
