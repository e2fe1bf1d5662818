package eval2.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Perplexity of the bigram baseline and a sentence-level BLEU for the summariser's dashboard. */
public final class LanguageModelMetrics {

    private final Map<String, Integer> unigrams = new HashMap<>();
    private final Map<String, Integer> bigrams = new HashMap<>();
    private final int vocabularySize;

    public LanguageModelMetrics(int vocabularySize) {
        if (vocabularySize <= 0) {
            throw new IllegalArgumentException("vocabulary must not be empty");
        }
        this.vocabularySize = vocabularySize;
    }

    public void count(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            unigrams.merge(tokens.get(i), 1, Integer::sum);
            if (i > 0) {
                bigrams.merge(tokens.get(i - 1) + " " + tokens.get(i), 1, Integer::sum);
            }
        }
    }

    /** Maximum-likelihood bigram log-probability, no smoothing. */
    double logProbMle(String prev, String word) {
        int joint = bigrams.getOrDefault(prev + " " + word, 0);
        int context = unigrams.getOrDefault(prev, 1);
        return Math.log(joint / (double) context); // EXPECT: UnguardedLog
    }

    /** Add-one smoothed bigram log-probability. */
    double logProbLaplace(String prev, String word) {
        int joint = bigrams.getOrDefault(prev + " " + word, 0);
        int context = unigrams.getOrDefault(prev, 0);
        double p = (joint + 1.0) / (context + vocabularySize); // SAFE: UnguardedDivision
        return Math.log(p); // SAFE: UnguardedLog
    }

    /** Perplexity of a held-out token sequence under the smoothed model. */
    public double perplexity(List<String> tokens) {
        if (tokens.size() < 2) {
            throw new IllegalArgumentException("need at least one bigram");
        }
        double nll = 0.0;
        for (int i = 1; i < tokens.size(); i++) {
            nll -= logProbLaplace(tokens.get(i - 1), tokens.get(i));
        }
        double meanNll = nll / (tokens.size() - 1); // SAFE: UnguardedDivision
        return Math.exp(meanNll); // SAFE: UnstableSoftmax
    }

    static Map<String, Integer> ngrams(List<String> tokens, int n) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            out.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return out;
    }

    /** Sentence BLEU with up to maxN-grams and the brevity penalty (no smoothing). */
    public static double bleu(List<String> candidate, List<String> reference, int maxN) {
        double logPrecisionSum = 0.0;
        for (int n = 1; n <= maxN; n++) {
            Map<String, Integer> cand = ngrams(candidate, n);
            Map<String, Integer> ref = ngrams(reference, n);
            int overlap = 0;
            int total = 0;
            for (Map.Entry<String, Integer> e : cand.entrySet()) {
                overlap += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
                total += e.getValue();
            }
            double pn = overlap / (double) total; // EXPECT: UnguardedDivision
            logPrecisionSum += Math.log(pn); // EXPECT: UnguardedLog
        }
        double c = candidate.size();
        double r = reference.size();
        double bp = c > r ? 1.0 : Math.exp(1.0 - r / c);
        return bp * Math.exp(logPrecisionSum / maxN);
    }

    /** BLEU with add-one smoothing of the n-gram precisions (Lin and Och, 2004). */
    public static double smoothedBleu(List<String> candidate, List<String> reference, int maxN) {
        if (candidate.isEmpty() || maxN < 1) {
            return 0.0;
        }
        double logPrecisionSum = 0.0;
        for (int n = 1; n <= maxN; n++) {
            Map<String, Integer> cand = ngrams(candidate, n);
            Map<String, Integer> ref = ngrams(reference, n);
            int overlap = 0;
            int total = 0;
            for (Map.Entry<String, Integer> e : cand.entrySet()) {
                overlap += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
                total += e.getValue();
            }
            double pn = (overlap + 1.0) / (total + 1.0); // SAFE: UnguardedDivision
            logPrecisionSum += Math.log(pn); // SAFE: UnguardedLog
        }
        double ratio = reference.size() / (double) candidate.size(); // SAFE: UnguardedDivision
        double bp = ratio > 1.0 ? Math.exp(1.0 - ratio) : 1.0;
        return bp * Math.exp(logPrecisionSum / maxN);
    }
}
