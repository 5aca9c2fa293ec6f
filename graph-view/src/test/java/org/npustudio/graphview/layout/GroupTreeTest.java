package org.npustudio.graphview.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupTreeTest {
    @Test
    void splittingFollowsReadingPositionsNotIndices() {
        // Nodes 0-3 are inputs (listed first, as ONNX lists graph inputs), 4-11 operators; input k feeds op 4 + 2k.
        List<List<String>> paths = new ArrayList<>();
        for (int v = 0; v < 12; v++) paths.add(List.of());
        int[] pos = new int[12];
        for (int v = 0; v < 12; v++) pos[v] = v < 4 ? 4 + 2 * v : v;
        GroupTree byIndex = GroupTree.build(paths, 6);
        GroupTree byReading = GroupTree.build(paths, 6, pos);
        int first = byIndex.childGroups(0)[0];
        assertEquals(List.of(0, 1, 2, 3, 4, 5), ints(byIndex.memberNodes(first)), "by index the first part is all inputs");
        int part = byReading.childGroups(0)[0];
        assertEquals(List.of(0, 1, 4, 5, 6, 7), ints(byReading.memberNodes(part)), "inputs travel with their consumers");
        assertEquals(0, byReading.firstNode(part), "first node is still a file index");
        assertEquals(byReading.groupOf(3), byReading.groupOf(10));
    }

    private static List<Integer> ints(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int x : a) out.add(x);
        out.sort(null);
        return out;
    }
}
