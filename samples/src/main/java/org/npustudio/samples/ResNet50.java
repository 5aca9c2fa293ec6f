package org.npustudio.samples;

import org.npustudio.ir.Model;

/**
 * torchvision's resnet50: Bottleneck blocks with the stride on the 3x3 conv (ResNet v1.5), layers
 * [3, 4, 6, 3], a projection shortcut (1x1 conv + BatchNorm) in each layer's first block, and the
 * BatchNorms kept as separate nodes. 25,557,032 parameters, as torchvision counts them.
 */
final class ResNet50 {
    static final long SEED = 50;
    private static final int EXPANSION = 4;
    private static final int[] BLOCKS = {3, 4, 6, 3};
    private static final int[] PLANES = {64, 128, 256, 512};

    private final Nn nn;

    private ResNet50(Nn nn) {
        this.nn = nn;
    }

    static Model build() {
        GraphBuilder b = new GraphBuilder("resnet50", SEED);
        return b.finish(new ResNet50(new Nn(b)).forward(b.input("input", 1, 3, 224, 224)));
    }

    private String forward(String x) {
        x = nn.conv2d("conv1", x, 64, 7, 2, 3, 1, false);
        x = nn.batchNorm2d("bn1", x);
        x = nn.relu("relu", x);
        x = nn.maxPool2d("maxpool", x, 3, 2, 1);
        for (int layer = 0; layer < BLOCKS.length; layer++) {
            for (int block = 0; block < BLOCKS[layer]; block++) {
                int stride = layer > 0 && block == 0 ? 2 : 1;
                x = bottleneck("layer" + (layer + 1) + "." + block, x, PLANES[layer], stride);
            }
        }
        x = nn.globalAvgPool("avgpool", x);
        x = nn.flatten("", x);
        return nn.linear("fc", x, 1000);
    }

    private String bottleneck(String path, String x, long planes, int stride) {
        String identity = x;
        String out = nn.conv2d(path + ".conv1", x, planes, 1, 1, 0, 1, false);
        out = nn.batchNorm2d(path + ".bn1", out);
        out = nn.relu(path + ".relu", out);
        out = nn.conv2d(path + ".conv2", out, planes, 3, stride, 1, 1, false);
        out = nn.batchNorm2d(path + ".bn2", out);
        out = nn.relu(path + ".relu", out);
        out = nn.conv2d(path + ".conv3", out, planes * EXPANSION, 1, 1, 0, 1, false);
        out = nn.batchNorm2d(path + ".bn3", out);
        if (stride != 1 || nn.channels(x) != planes * EXPANSION) {
            identity = nn.conv2d(path + ".downsample.0", x, planes * EXPANSION, 1, stride, 0, 1, false);
            identity = nn.batchNorm2d(path + ".downsample.1", identity);
        }
        out = nn.add(path, out, identity);
        return nn.relu(path + ".relu", out);
    }
}
