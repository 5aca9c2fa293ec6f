package org.npustudio.npusim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepPointsTest {
    private static SweepSpec spec(String sampling) throws Exception {
        return SweepSpecReader.parse("""
                npu: npu.yaml
                parameters:
                  array: {log2: [32, 256]}
                  dataflow: [ws, os, is]
                  sram_kb: {range: [512, 1536], step: 512}
                sampling: %s
                models:
                  - sample: lenet5
                  - sample: mlp
                """.formatted(sampling), "s.yaml", null);
    }

    @Test
    void gridIsEveryCombinationLastParameterFastestTimesModels() throws Exception {
        List<SweepPoint> points = SweepPoints.of(spec("grid"));
        assertEquals(4 * 3 * 3 * 2, points.size());
        assertEquals(List.of("32", "ws", "512"), points.get(0).values());
        assertEquals(List.of("32", "ws", "1024"), points.get(2).values()); // model varies first, then sram
        assertEquals("mlp", points.get(1).model());
        assertEquals(List.of("256", "is", "1536"), points.get(points.size() - 1).values());
        Set<List<String>> configs = new HashSet<>();
        for (int i = 0; i < points.size(); i++) {
            assertEquals(i, points.get(i).id());
            configs.add(points.get(i).values());
        }
        assertEquals(36, configs.size());
    }

    @Test
    void randomIsDeterministicBySeedAndDrawsFromTheValues() throws Exception {
        List<SweepPoint> a = SweepPoints.of(spec("{random: {count: 50, seed: 7}}"));
        List<SweepPoint> b = SweepPoints.of(spec("{random: {count: 50, seed: 7}}"));
        List<SweepPoint> c = SweepPoints.of(spec("{random: {count: 50, seed: 8}}"));
        assertEquals(100, a.size());
        assertEquals(a, b);
        assertFalse(a.equals(c));
        for (SweepPoint p : a) assertTrue(List.of("32", "64", "128", "256").contains(p.values().get(0)), p.toString());
    }

    @Test
    void latinHypercubeUsesEveryValueEquallyOftenPerParameter() {
        int[] sizes = {4, 3, 7};
        for (int count : new int[] {12, 84, 10}) {
            int[][] pts = SweepPoints.latinHypercube(sizes, count, 42);
            assertEquals(count, pts.length);
            for (int a = 0; a < sizes.length; a++) {
                int[] uses = new int[sizes[a]];
                for (int[] p : pts) uses[p[a]]++;
                int lo = count / sizes[a];
                int hi = (count + sizes[a] - 1) / sizes[a];
                for (int u : uses) assertTrue(u == lo || u == hi, "count " + count + " parameter " + a + " uses " + Arrays.toString(uses));
            }
        }
        assertArrayEquals(SweepPoints.latinHypercube(sizes, 12, 42)[5], SweepPoints.latinHypercube(sizes, 12, 42)[5]);
        assertFalse(Arrays.deepEquals(SweepPoints.latinHypercube(sizes, 12, 42), SweepPoints.latinHypercube(sizes, 12, 43)));
    }

    @Test
    void latinHypercubeWithAsManyPointsAsValuesIsAPermutationPerParameter() {
        int[][] pts = SweepPoints.latinHypercube(new int[] {5, 5}, 5, 1);
        for (int a = 0; a < 2; a++) {
            Set<Integer> seen = new HashSet<>();
            for (int[] p : pts) seen.add(p[a]);
            assertEquals(Set.of(0, 1, 2, 3, 4), seen);
        }
    }
}
