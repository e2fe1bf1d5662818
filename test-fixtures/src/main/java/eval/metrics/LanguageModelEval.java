package eval.metrics;

import java.util.List;

/** Perplexity and log-loss of the n-gram and neural language models. */
public class LanguageModelEval {
    private static final double FLOOR = 1e-10;

    /** Token probabilities from the n-gram model: unseen n-grams without backoff get probability 0. */
    public static double perplexity(List<double[]> sentenceTokenProbs) {
        double nll = 0;
        int tokens = 0;
        for (double[] probs : sentenceTokenProbs) {
            for (double p : probs) {
                nll -= Math.log(p); // EXPECT: UnguardedLog
                tokens++;
            }
        }
        return Math.exp(nll / tokens);
    }

    public static double perplexityFloored(List<double[]> sentenceTokenProbs) {
        if (sentenceTokenProbs.isEmpty()) return Double.NaN;
        double nll = 0;
        long tokens = 0;
        for (double[] probs : sentenceTokenProbs) {
            for (double p : probs) {
                nll -= Math.log(Math.max(p, FLOOR)); // SAFE: UnguardedLog
            }
            tokens += probs.length;
        }
        if (tokens == 0) return Double.NaN;
        return Math.exp(nll / tokens); // SAFE: UnstableSoftmax
    }

    /** Bits per character, from per-character log2 probabilities already computed by the model. */
    public static double bitsPerChar(double[] log2Probs) {
        double s = 0;
        for (double lp : log2Probs) s -= lp;
        return log2Probs.length == 0 ? 0 : s / log2Probs.length; // SAFE: UnguardedDivision
    }

    /** Add-k smoothed bigram probability; always > 0. */
    public static double bigramLogProb(int bigramCount, int unigramCount, int vocabSize, double k) {
        double p = (bigramCount + k) / (unigramCount + k * vocabSize);
        return Math.log(p + FLOOR); // SAFE: UnguardedLog
    }

    /** Maximum-likelihood bigram probability for the "no smoothing" ablation. */
    public static double bigramLogProbMle(int bigramCount, int unigramCount) {
        double p = bigramCount / (double) unigramCount;
        return Math.log(p); // EXPECT: UnguardedLog
    }
}
