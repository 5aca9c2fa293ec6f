package org.npustudio.graphview.scene;

import java.util.List;
import java.util.Random;

/** Scenes shaped like laid-out networks (chains in columns with skip edges), for tests and benchmarks. */
public final class SyntheticScenes {
    private SyntheticScenes() {}

    private static final String[] OPS = {"Conv", "Relu", "BatchNormalization", "Add", "MatMul", "Reshape", "MaxPool", "Softmax"};

    /**
     * {@code n} nodes in columns of {@code perColumn} (100×40 boxes, 60 px apart vertically), each node
     * connected to the next in its column, every 7th to the one 3 below, and column heads to the previous
     * column's tail (a bent edge).
     */
    public static GraphScene chains(int n, int perColumn, long seed) {
        Random rnd = new Random(seed);
        GraphScene.Builder b = GraphScene.builder();
        for (int i = 0; i < n; i++) {
            int col = i / perColumn, row = i % perColumn;
            String op = OPS[rnd.nextInt(OPS.length)];
            b.addNode("n" + i, NodeKind.OPERATOR, col * 160.0, row * 60.0, 100, 40, op,
                    List.of("k " + (1 + rnd.nextInt(7)), "1×" + (16 << rnd.nextInt(4)) + "×56×56"), OpCategory.of(op));
        }
        for (int i = 0; i + 1 < n; i++) {
            int col = i / perColumn, row = i % perColumn;
            if (row + 1 < perColumn) {
                b.addEdge(i, i + 1, new double[] {col * 160 + 50, row * 60 + 40, col * 160 + 50, row * 60 + 60}, "v" + i, "1×64×56×56");
            } else {
                double x0 = col * 160 + 50, y0 = row * 60 + 40, x1 = (col + 1) * 160 + 50;
                b.addEdge(i, i + 1, new double[] {x0, y0, x0 + 55, y0 + 10, x0 + 55, 10, x1 - 20, -10, x1, 0}, "v" + i, null);
            }
            if (i % 7 == 0 && row + 3 < perColumn) {
                b.addEdge(i, i + 3, new double[] {col * 160 + 90, row * 60 + 40, col * 160 + 120, row * 60 + 70,
                        col * 160 + 120, row * 60 + 160, col * 160 + 90, row * 60 + 180}, "v" + i, "1×64×56×56");
            }
        }
        return b.build();
    }
}
