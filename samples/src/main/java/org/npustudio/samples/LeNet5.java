package org.npustudio.samples;

import org.npustudio.ir.Model;

/**
 * LeNet-5 as LeCun et al. (1998) drew it, in the usual PyTorch form: 32x32 grey input, conv 6@5x5,
 * tanh, 2x2 average pooling, conv 16@5x5, tanh, pooling, then fully connected 120, 84, 10 with tanh.
 */
final class LeNet5 {
    static final long SEED = 5;

    private LeNet5() {}

    static Model build() {
        GraphBuilder b = new GraphBuilder("lenet5", SEED);
        Nn nn = new Nn(b);
        String x = b.input("input", 1, 1, 32, 32);
        x = nn.conv2d("conv1", x, 6, 5, 1, 0, 1, true);
        x = nn.tanh("act1", x);
        x = nn.avgPool2d("pool1", x, 2, 2);
        x = nn.conv2d("conv2", x, 16, 5, 1, 0, 1, true);
        x = nn.tanh("act2", x);
        x = nn.avgPool2d("pool2", x, 2, 2);
        x = nn.flatten("", x);
        x = nn.tanh("act3", nn.linear("fc1", x, 120));
        x = nn.tanh("act4", nn.linear("fc2", x, 84));
        return b.finish(nn.linear("fc3", x, 10));
    }
}
