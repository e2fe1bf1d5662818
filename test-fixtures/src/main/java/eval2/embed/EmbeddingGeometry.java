package eval2.embed;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Angular distances and interpolation between embeddings (dedup service, latent-space tools), and a
 * haversine feature for the delivery-time model.
 */
public final class EmbeddingGeometry {

    private static final double NORM_EPS = 1e-12;

    private EmbeddingGeometry() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Angular distance in [0, 1] between two sentence embeddings. */
    public static double angularDistance(double[] a, double[] b) {
        double denom = norm(a) * norm(b);
        if (denom == 0.0) {
            return 0.5;
        }
        double cos = dot(a, b) / denom; // SAFE: UnguardedDivision
        return Math.acos(cos) / Math.PI; // EXPECT: InverseTrigDomain
    }

    /** The same distance, clamped. */
    public static double angularDistanceClamped(double[] a, double[] b) {
        double cos = dot(a, b) / (norm(a) * norm(b) + NORM_EPS);
        return Math.acos(Math.max(-1.0, Math.min(1.0, cos))) / Math.PI; // SAFE: InverseTrigDomain
    }

    /** Angle between two TF-IDF vectors (non-negative entries, so the cosine is in [0, 1]). */
    public static double tfidfAngle(double[] a, double[] b) {
        double sim = dot(a, b) / (norm(a) * norm(b) + NORM_EPS);
        return Math.acos(Math.min(1.0, sim)); // SAFE: InverseTrigDomain
    }

    /** Angle between ND4J row vectors, for the monitoring job. */
    public static double angle(INDArray u, INDArray v) {
        return Math.acos(Transforms.cosineSim(u, v)); // EXPECT: InverseTrigDomain
    }

    /** Angle used by the near-duplicate filter. */
    public static double angleLowerClamped(double[] a, double[] b) {
        double denom = norm(a) * norm(b);
        if (denom == 0.0) {
            return Math.PI / 2;
        }
        double similarity = dot(a, b) / denom;
        return Math.acos(Math.max(-1.0, similarity)); // EXPECT: InverseTrigDomain
    }

    /** Spherical interpolation between two unit-normalised latent codes. */
    public static double[] slerp(double[] a, double[] b, double t) {
        double na = norm(a);
        double nb = norm(b);
        if (na == 0.0 || nb == 0.0) {
            throw new IllegalArgumentException("cannot interpolate from the zero vector");
        }
        double[] ua = new double[a.length];
        double[] ub = new double[b.length];
        for (int i = 0; i < a.length; i++) {
            ua[i] = a[i] / na; // SAFE: UnguardedDivision
            ub[i] = b[i] / nb;
        }
        double omega = Math.acos(dot(ua, ub)); // EXPECT: InverseTrigDomain
        double so = Math.sin(omega);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = so < 1e-6 ? (1 - t) * a[i] + t * b[i] : (Math.sin((1 - t) * omega) * a[i] + Math.sin(t * omega) * b[i]) / so; // SAFE: UnguardedDivision
        }
        return out;
    }

    /** Great-circle distance in km between two (lat, lon) points given in degrees. */
    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1.0, Math.sqrt(h))); // SAFE: InverseTrigDomain
    }

    /** Arc-cosine kernel of order 0 (Cho and Saul) between two inputs. */
    public static double arcCosineKernel0(double[] a, double[] b) {
        double c = dot(a, b) / (norm(a) * norm(b) + NORM_EPS);
        if (c > 1) {
            c = 1;
        }
        if (c < -1) {
            c = -1;
        }
        return 1.0 - Math.acos(c) / Math.PI; // SAFE: InverseTrigDomain
    }
}
