package org.npustudio.samples;

/**
 * The per-channel mean and variance a value is expected to have when the model input has zero mean
 * and unit variance, propagated layer by layer under the usual independence assumption (as in the He
 * initialisation analysis). BatchNorm running statistics are set from it, so each BatchNorm roughly
 * normalises, as in a trained network. The estimate ignores correlations between channels and
 * positions, so activations still drift upward through deep stacks (ResNet-50's logits reach a few
 * hundred on unit-variance input; with random running statistics they reached a few thousand).
 */
record ActivationStats(double[] mean, double[] var) {
    static ActivationStats unit(int channels) {
        double[] v = new double[channels];
        java.util.Arrays.fill(v, 1.0);
        return new ActivationStats(new double[channels], v);
    }

    int channels() { return mean.length; }

    /**
     * Conv output statistics from the actual weights [out, in/groups, k, k]: a channel's mean is
     * sum(w * input mean), its variance sum(w^2 * input variance).
     */
    static ActivationStats conv(ActivationStats in, float[] weight, int out, int groups) {
        int inPerGroup = in.channels() / groups;
        int outPerGroup = out / groups;
        int window = weight.length / (out * inPerGroup);
        double[] mean = new double[out];
        double[] var = new double[out];
        for (int o = 0; o < out; o++) {
            int firstIn = o / outPerGroup * inPerGroup;
            for (int i = 0; i < inPerGroup; i++) {
                double m = in.mean[firstIn + i];
                double v = in.var[firstIn + i];
                int base = (o * inPerGroup + i) * window;
                for (int k = 0; k < window; k++) {
                    double w = weight[base + k];
                    mean[o] += w * m;
                    var[o] += w * w * v;
                }
            }
        }
        return new ActivationStats(mean, var);
    }

    /** Output of a BatchNorm whose running statistics match its input: mean beta, variance gamma^2. */
    static ActivationStats affine(float[] gamma, float[] beta) {
        double[] mean = new double[gamma.length];
        double[] var = new double[gamma.length];
        for (int c = 0; c < gamma.length; c++) {
            mean[c] = beta[c];
            var[c] = (double) gamma[c] * gamma[c];
        }
        return new ActivationStats(mean, var);
    }

    /** max(0, x) of a Gaussian channel (the rectified normal distribution's moments). */
    ActivationStats relu() {
        double[] m = new double[channels()];
        double[] v = new double[channels()];
        for (int c = 0; c < m.length; c++) {
            double s = Math.sqrt(var[c]);
            double a = mean[c] / s;
            double cdf = 0.5 * (1 + erf(a / Math.sqrt(2)));
            double pdf = StrictMath.exp(-0.5 * a * a) / Math.sqrt(2 * Math.PI);
            double first = mean[c] * cdf + s * pdf;
            double second = (mean[c] * mean[c] + var[c]) * cdf + mean[c] * s * pdf;
            m[c] = first;
            v[c] = Math.max(second - first * first, 0);
        }
        return new ActivationStats(m, v);
    }

    /** Sum of two independent values. */
    ActivationStats plus(ActivationStats o) {
        double[] m = new double[channels()];
        double[] v = new double[channels()];
        for (int c = 0; c < m.length; c++) {
            m[c] = mean[c] + o.mean[c];
            v[c] = var[c] + o.var[c];
        }
        return new ActivationStats(m, v);
    }

    /** Abramowitz and Stegun 7.1.26 (error below 1.5e-7): StrictMath keeps the bits identical on every JVM. */
    static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double y = 1 - poly * StrictMath.exp(-x * x);
        return x >= 0 ? y : -y;
    }
}
