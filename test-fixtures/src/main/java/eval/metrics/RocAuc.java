package eval.metrics;

import java.util.Arrays;
import java.util.Comparator;

/** ROC curve and AUC for the fraud model's daily report. */
public final class RocAuc {
    private RocAuc() {}

    /** Trapezoidal AUC. A day with no fraud at all has zero positives. */
    public static double auc(double[] scores, boolean[] isPositive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
        int totalPos = 0, totalNeg = 0;
        for (boolean p : isPositive) {
            if (p) totalPos++;
            else totalNeg++;
        }
        double auc = 0, prevFpr = 0, prevTpr = 0;
        int tp = 0, fp = 0;
        for (int idx : order) {
            if (isPositive[idx]) tp++;
            else fp++;
            double tpr = tp / (double) totalPos; // EXPECT: UnguardedDivision
            double fpr = fp / (double) totalNeg; // EXPECT: UnguardedDivision
            auc += (fpr - prevFpr) * (tpr + prevTpr) / 2;
            prevFpr = fpr;
            prevTpr = tpr;
        }
        return auc;
    }

    /** Mann-Whitney form with explicit rejection of single-class input. */
    public static double aucRank(double[] scores, boolean[] isPositive) {
        long pos = 0, neg = 0;
        for (boolean p : isPositive) {
            if (p) pos++;
            else neg++;
        }
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("AUC is undefined with a single class");
        }
        double wins = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!isPositive[i]) continue;
            for (int j = 0; j < scores.length; j++) {
                if (isPositive[j]) continue;
                if (scores[i] > scores[j]) wins += 1;
                else if (scores[i] == scores[j]) wins += 0.5;
            }
        }
        return wins / (pos * (double) neg); // SAFE: UnguardedDivision
    }

    /** Precision at a threshold, with the sklearn "zero_division=0" convention. */
    public static double precisionAt(double[] scores, boolean[] isPositive, double threshold) {
        int tp = 0, flagged = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= threshold) {
                flagged++;
                if (isPositive[i]) tp++;
            }
        }
        return flagged > 0 ? (double) tp / flagged : 0.0; // SAFE: UnguardedDivision
    }
}
