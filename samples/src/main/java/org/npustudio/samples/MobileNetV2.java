package org.npustudio.samples;

import org.npustudio.ir.Model;

/**
 * torchvision's mobilenet_v2 (width 1.0): a 3x3/2 stem, 17 inverted residual blocks, a 1x1 conv to
 * 1280 channels and the classifier. ReLU6 exports as Clip(0, 6); the classifier's Dropout vanishes in
 * eval mode, which is why the Linear keeps its torchvision name {@code classifier.1}.
 * 3,504,872 parameters, as torchvision counts them.
 */
final class MobileNetV2 {
    static final long SEED = 2;
    /** Expansion t, output channels c, repeats n, first stride s, as in torchvision. */
    private static final int[][] SETTINGS = {
        {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1},
    };

    private final Nn nn;

    private MobileNetV2(Nn nn) {
        this.nn = nn;
    }

    static Model build() {
        GraphBuilder b = new GraphBuilder("mobilenetv2", SEED);
        return b.finish(new MobileNetV2(new Nn(b)).forward(b.input("input", 1, 3, 224, 224)));
    }

    private String forward(String x) {
        int index = 0;
        x = convBnRelu6("features." + index++, x, 32, 3, 2, 1);
        for (int[] s : SETTINGS) {
            for (int i = 0; i < s[2]; i++) {
                x = invertedResidual("features." + index++, x, s[1], i == 0 ? s[3] : 1, s[0]);
            }
        }
        x = convBnRelu6("features." + index, x, 1280, 1, 1, 1);
        x = nn.globalAvgPool("", x);
        x = nn.flatten("", x);
        return nn.linear("classifier.1", x, 1000);
    }

    /** torchvision's Conv2dNormActivation with ReLU6: children 0 (conv), 1 (BatchNorm), 2 (ReLU6). */
    private String convBnRelu6(String path, String x, long out, long kernel, long stride, long groups) {
        x = nn.conv2d(path + ".0", x, out, kernel, stride, (kernel - 1) / 2, groups, false);
        x = nn.batchNorm2d(path + ".1", x);
        return nn.relu6(path + ".2", x);
    }

    private String invertedResidual(String path, String x, long out, long stride, long expand) {
        long in = nn.channels(x);
        long hidden = in * expand;
        String conv = path + ".conv.";
        int child = 0;
        String y = x;
        if (expand != 1) y = convBnRelu6(conv + child++, y, hidden, 1, 1, 1);
        y = convBnRelu6(conv + child++, y, hidden, 3, stride, hidden);
        y = nn.conv2d(conv + child++, y, out, 1, 1, 0, 1, false);
        y = nn.batchNorm2d(conv + child, y);
        return stride == 1 && in == out ? nn.add(path, x, y) : y;
    }
}
