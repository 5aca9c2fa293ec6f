package org.npustudio.graphview.layout;

/**
 * Moves the nodes of one layer as little as possible (least squares) so that neighbours keep their order and
 * minimal separation: isotonic regression by pool-adjacent-violators on the desired centers minus the
 * cumulative separations. Linear time; used to repair overlaps and to keep nodes near previous positions.
 */
final class SeparationResolver {
    private double[] sum = new double[16];
    private int[] count = new int[16];
    private double[] z = new double[16];

    /**
     * @param desired in: desired centers of the layer's nodes in left-to-right order; out: resolved centers
     * @param sep     sep[i] = minimal distance between centers i-1 and i (sep[0] unused)
     */
    void resolve(double[] desired, double[] sep, int len) {
        if (len < 2) return;
        if (z.length < len) {
            z = new double[len * 2];
            sum = new double[len * 2];
            count = new int[len * 2];
        }
        double offset = 0;
        for (int i = 0; i < len; i++) {
            if (i > 0) offset += sep[i];
            z[i] = desired[i] - offset;
        }
        int blocks = 0;
        for (int i = 0; i < len; i++) {
            sum[blocks] = z[i];
            count[blocks] = 1;
            blocks++;
            while (blocks > 1 && sum[blocks - 1] / count[blocks - 1] < sum[blocks - 2] / count[blocks - 2]) {
                sum[blocks - 2] += sum[blocks - 1];
                count[blocks - 2] += count[blocks - 1];
                blocks--;
            }
        }
        int i = 0;
        offset = 0;
        for (int b = 0; b < blocks; b++) {
            double mean = sum[b] / count[b];
            for (int k = 0; k < count[b]; k++, i++) {
                if (i > 0) offset += sep[i];
                desired[i] = mean + offset;
            }
        }
    }
}
