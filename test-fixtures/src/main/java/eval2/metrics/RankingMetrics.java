package eval2.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Offline ranking metrics for the search relevance model: NDCG@k, ROC AUC, MRR and MAP. */
public final class RankingMetrics {

    private static final double LN2 = Math.log(2.0); // SAFE: UnguardedLog

    private RankingMetrics() {
    }

    /** DCG@k of graded relevances given in ranked order. */
    static double dcg(double[] rel, int k) {
        double s = 0.0;
        int cutoff = Math.min(k, rel.length);
        for (int i = 0; i < cutoff; i++) {
            double gain = Math.pow(2.0, rel[i]) - 1.0; // SAFE: PowDomain
            double discount = Math.log(i + 2) / LN2;
            s += gain / discount; // SAFE: UnguardedDivision
        }
        return s;
    }

    static double[] sortedDescending(double[] rel) {
        double[] ideal = rel.clone();
        Arrays.sort(ideal);
        for (int i = 0, j = ideal.length - 1; i < j; i++, j--) {
            double t = ideal[i];
            ideal[i] = ideal[j];
            ideal[j] = t;
        }
        return ideal;
    }

    public static double ndcg(double[] rankedRel, int k) {
        double idcg = dcg(sortedDescending(rankedRel), k);
        return dcg(rankedRel, k) / idcg; // EXPECT: UnguardedDivision
    }

    public static double ndcgDefined(double[] rankedRel, int k) {
        double idcg = dcg(sortedDescending(rankedRel), k);
        if (idcg <= 0.0) {
            return 0.0;
        }
        return dcg(rankedRel, k) / idcg; // SAFE: UnguardedDivision
    }

    /** ROC AUC through the Mann-Whitney rank statistic (no ties in scores assumed). */
    public static double auc(double[] scores, int[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        long pos = 0;
        long neg = 0;
        double rankSum = 0.0;
        for (int r = 0; r < order.length; r++) {
            if (labels[order[r]] == 1) {
                pos++;
                rankSum += r + 1;
            } else {
                neg++;
            }
        }
        return (rankSum - pos * (pos + 1) / 2.0) / (pos * (double) neg); // EXPECT: UnguardedDivision
    }

    /** Mean reciprocal rank of the first relevant result. */
    public static double mrr(List<int[]> rankings, List<Set<Integer>> relevant) {
        if (rankings.isEmpty()) {
            return 0.0;
        }
        double sum = 0.0;
        for (int q = 0; q < rankings.size(); q++) {
            int[] ranked = rankings.get(q);
            for (int r = 0; r < ranked.length; r++) {
                if (relevant.get(q).contains(ranked[r])) {
                    sum += 1.0 / (r + 1); // SAFE: UnguardedDivision
                    break;
                }
            }
        }
        return sum / rankings.size(); // SAFE: UnguardedDivision
    }

    /** Average precision of one ranked list. */
    public static double averagePrecision(int[] ranked, Set<Integer> relevant) {
        double ap = 0.0;
        int hits = 0;
        for (int r = 0; r < ranked.length; r++) {
            if (relevant.contains(ranked[r])) {
                hits++;
                ap += hits / (r + 1.0);
            }
        }
        return ap / hits; // EXPECT: UnguardedDivision
    }
}
