package eval.bayes;

import java.util.Map;

/** Multinomial naive Bayes over bag-of-words counts. */
public class MultinomialNaiveBayes {
    private final double alpha;
    private final int vocabSize;
    private double[][] logLikelihood; // [class][word]
    private double[] logPrior;

    public MultinomialNaiveBayes(int vocabSize, double alpha) {
        if (alpha <= 0) throw new IllegalArgumentException("alpha must be positive (Laplace/Lidstone smoothing)");
        this.vocabSize = vocabSize;
        this.alpha = alpha;
    }

    public void fit(int[][] counts, int[] y, int numClasses) {
        double[][] wordCount = new double[numClasses][vocabSize];
        double[] totalWords = new double[numClasses];
        int[] docsPerClass = new int[numClasses];
        for (int d = 0; d < counts.length; d++) {
            docsPerClass[y[d]]++;
            for (int w = 0; w < vocabSize; w++) {
                wordCount[y[d]][w] += counts[d][w];
                totalWords[y[d]] += counts[d][w];
            }
        }
        logLikelihood = new double[numClasses][vocabSize];
        logPrior = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            logPrior[c] = Math.log((docsPerClass[c] + 1.0) / (counts.length + numClasses)); // SAFE: UnguardedLog
            for (int w = 0; w < vocabSize; w++) {
                double num = wordCount[c][w] + alpha;
                double den = totalWords[c] + alpha * vocabSize;
                logLikelihood[c][w] = Math.log(num / den); // SAFE: UnguardedLog
            }
        }
    }

    /** Unsmoothed maximum-likelihood estimate, used in the "exact" baseline. */
    public static double[] mleLogProbs(Map<String, Integer> classCounts, String[] vocab, int classTotal) {
        double[] out = new double[vocab.length];
        for (int w = 0; w < vocab.length; w++) {
            double ratio = classCounts.getOrDefault(vocab[w], 0) / (double) classTotal;
            out[w] = Math.log(ratio); // EXPECT: UnguardedLog
        }
        return out;
    }

    public int predict(int[] docCounts) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < logPrior.length; c++) {
            double s = logPrior[c];
            for (int w = 0; w < vocabSize; w++) s += docCounts[w] * logLikelihood[c][w];
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }

    /** Posterior over classes: exp of joint log-likelihoods, normalised (scores are in the -1e3 range). */
    public double[] posterior(int[] docCounts) {
        int k = logPrior.length;
        double[] joint = new double[k];
        for (int c = 0; c < k; c++) {
            joint[c] = logPrior[c];
            for (int w = 0; w < vocabSize; w++) joint[c] += docCounts[w] * logLikelihood[c][w];
        }
        double norm = 0;
        double[] post = new double[k];
        for (int c = 0; c < k; c++) {
            post[c] = Math.exp(joint[c]); // EXPECT: UnstableSoftmax
            norm += post[c];
        }
        for (int c = 0; c < k; c++) post[c] /= norm;
        return post;
    }
}
