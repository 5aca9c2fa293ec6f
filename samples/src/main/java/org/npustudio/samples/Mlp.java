package org.npustudio.samples;

import org.npustudio.ir.Model;

/** A two-layer perceptron for flattened 28x28 images: Linear 784 to 256, ReLU, Linear 256 to 10. */
final class Mlp {
    static final long SEED = 784;

    private Mlp() {}

    static Model build() {
        GraphBuilder b = new GraphBuilder("mlp", SEED);
        Nn nn = new Nn(b);
        String x = b.input("input", 1, 784);
        x = nn.relu("relu", nn.linear("fc1", x, 256));
        return b.finish(nn.linear("fc2", x, 10));
    }
}
