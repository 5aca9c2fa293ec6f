package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.npustudio.graphview.layout.GroupExpansion;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;

/** Collapsing and expanding name-scope groups, down to the scene the view draws. */
class GroupedLayoutTest {
    private final Graph graph = ScopedGraphs.resnetLike(4, 3);
    private final GroupedLayout grouped = GroupedLayout.of(graph, SceneBuilder.Settings.defaults());
    private final boolean[] all = GroupExpansion.all(grouped.tree());

    private List<String> opsIn(String scope) {
        return graph.nodes().stream().map(Node::id).filter(id -> id.startsWith("/" + scope + "/")).toList();
    }

    @Test
    void aCollapsedGroupIsOneBoxWithItsEdges() {
        GraphScene open = grouped.layout(all, LayoutMonitor.none());
        GraphScene closed = grouped.layout(grouped.with(all, "layer2", false), LayoutMonitor.none());
        List<String> inside = opsIn("layer2");
        assertEquals(15, inside.size());
        assertEquals(open.nodeCount() - inside.size() + 1, closed.nodeCount());
        int g = closed.indexOf("group:layer2");
        assertEquals(NodeKind.GROUP, closed.kind(g));
        assertEquals("layer2", closed.title(g));
        assertEquals(List.of("15 ops", "Conv 6 · Relu 6 · Add 3"), closed.lines(g));
        GroupContent c = closed.groupContent(g);
        assertEquals("layer2", c.path());
        assertEquals(Set.copyOf(inside), Set.copyOf(c.memberKeys()));
        assertEquals(6, c.categoryCounts()[OpCategory.CONV.ordinal()]);
        assertEquals(6, c.categoryCounts()[OpCategory.ACTIVATION.ordinal()]);
        assertEquals(3, c.categoryCounts()[OpCategory.ELEMENTWISE.ordinal()]);
        assertEquals(15, c.operatorCount());
        for (String k : inside) {
            assertEquals(-1, closed.indexOf(k), k + " is hidden");
            assertEquals(g, closed.collapsedGroupOf(k));
        }
        assertTrue(closed.groups().stream().noneMatch(f -> f.path().startsWith("layer2")), "no frames inside a closed group");

        // In: layer1's last Relu. Out: the next block's first Conv and its residual Add, both reading one tensor.
        List<String> in = IntStream.of(closed.incoming(g)).mapToObj(e -> closed.key(closed.from(e))).toList();
        List<String> out = IntStream.of(closed.outgoing(g)).mapToObj(e -> closed.key(closed.to(e))).sorted().toList();
        assertEquals(List.of("/layer1/layer1.2/relu_1/Relu"), in);
        assertEquals(List.of("/layer3/layer3.0/Add", "/layer3/layer3.0/conv1/Conv"), out);
        Set<String> seen = new HashSet<>();
        for (int e = 0; e < closed.edgeCount(); e++) {
            assertTrue(seen.add(closed.from(e) + ">" + closed.to(e) + ">" + closed.value(e)), "duplicate edge " + e);
            double[] p = closed.points(e);
            if (closed.to(e) == g) assertEquals(closed.y(g), p[p.length - 1], 1e-6, "ends on the box's top");
            if (closed.from(e) == g) assertEquals(closed.y(g) + closed.height(g), p[1], 1e-6, "starts on its bottom");
        }
        // Each block: 4 chain edges; between blocks 2 (Conv and Add read the previous Relu): 16 inside. 2 edges
        // come in (one tensor) and 2 go out: the box gets 1 in and 2 out.
        assertEquals(open.edgeCount() - 16 - 4 + 1 + 2, closed.edgeCount());
    }

    @Test
    void expandingAgainRestoresTheDrawingAndLaysOutOnlyWhatChanged() {
        GraphScene first = grouped.layout(all, LayoutMonitor.none());
        grouped.layout(grouped.with(all, "layer3/layer3.1", false), LayoutMonitor.none());
        assertEquals(2, grouped.lastComputedInteriors(), "layer3.1 is now a box: layer3 and the root again, nothing else");
        GraphScene again = grouped.layout(all, LayoutMonitor.none());
        assertEquals(0, grouped.lastComputedInteriors(), "every interior of the open state comes from the cache");
        assertEquals(first.nodeCount(), again.nodeCount());
        for (int i = 0; i < first.nodeCount(); i++) {
            int j = again.indexOf(first.key(i));
            assertEquals(first.x(i), again.x(j), 0.0, first.key(i));
            assertEquals(first.y(i), again.y(j), 0.0, first.key(i));
        }
    }

    @Test
    void nodesBeforeACollapsedGroupKeepTheirPlaceRelativeToIt() {
        GraphScene open = grouped.layout(all, LayoutMonitor.none());
        GraphScene closed = grouped.layout(grouped.with(all, "layer3", false), LayoutMonitor.none());
        SceneGroup frame = open.groups().stream().filter(f -> f.path().equals("layer3")).findFirst().orElseThrow();
        int box = closed.indexOf("group:layer3");
        // The view keeps the toggled group's top centre still on screen; everything above it stays put too.
        double dx = closed.centerX(box) - (frame.x() + frame.width() / 2), dy = closed.y(box) - frame.y();
        for (int i = 0; i < open.nodeCount(); i++) {
            if (open.y(i) >= frame.y()) continue;
            int j = closed.indexOf(open.key(i));
            assertEquals(open.x(i) + dx, closed.x(j), 1e-6, open.key(i));
            assertEquals(open.y(i) + dy, closed.y(j), 1e-6, open.key(i));
        }
    }

    @Test
    void edgesIntoAndOutOfGroupsGoThroughTheirBordersNotAcrossOtherBoxes() {
        for (Graph g : List.of(ScopedGraphs.attentionLike(2), ScopedGraphs.resnetLike(3, 2))) {
            for (boolean horizontal : new boolean[] {false, true}) {
                GroupedLayout gl = GroupedLayout.of(g, new SceneBuilder.Settings(false, horizontal));
                GraphScene s = gl.layout(GroupExpansion.all(gl.tree()), LayoutMonitor.none());
                for (int e = 0; e < s.edgeCount(); e++) {
                    double[] p = s.points(e);
                    for (int i = 0; i < s.nodeCount(); i++) {
                        if (i == s.from(e) || i == s.to(e)) continue;
                        for (int k = 0; k + 3 < p.length; k += 2) {
                            assertFalse(crossesBox(p[k], p[k + 1], p[k + 2], p[k + 3], s.x(i) + 1, s.y(i) + 1, s.x(i) + s.width(i) - 1, s.y(i) + s.height(i) - 1),
                                    g.name() + (horizontal ? " across" : " down") + ": edge " + s.key(s.from(e)) + " -> " + s.key(s.to(e)) + " cuts " + s.key(i));
                        }
                    }
                }
            }
        }
    }

    /** Whether a segment meets the inside of a rectangle (Liang–Barsky clipping). */
    private static boolean crossesBox(double x0, double y0, double x1, double y1, double bx0, double by0, double bx1, double by1) {
        double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy}, q = {x0 - bx0, bx1 - x0, y0 - by0, by1 - y0};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) return false;
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) t0 = Math.max(t0, t);
                else t1 = Math.min(t1, t);
            }
        }
        return t0 < t1;
    }

    @Test
    void statesCarryOverByPathAndRevealOpensTheWayToANode() {
        boolean[] closed = grouped.with(grouped.with(all, "layer1", false), "layer4/layer4.2", false);
        GroupedLayout withWeights = GroupedLayout.of(graph, new SceneBuilder.Settings(true, true));
        boolean[] carried = withWeights.carryOver(grouped.expandedPaths(closed), grouped.paths(), withWeights.initialExpansion());
        assertFalse(withWeights.isExpanded(carried, "layer1"));
        assertFalse(withWeights.isExpanded(carried, "layer4/layer4.2"));
        assertTrue(withWeights.isExpanded(carried, "layer4"));

        boolean[] none = new boolean[grouped.tree().groupCount()];
        boolean[] shown = grouped.revealing(none, "/layer4/layer4.2/conv2/Conv");
        assertTrue(grouped.isExpanded(shown, "layer4") && grouped.isExpanded(shown, "layer4/layer4.2"));
        assertFalse(grouped.isExpanded(shown, "layer3"));
        GraphScene s = grouped.layout(shown, LayoutMonitor.none());
        assertTrue(s.indexOf("/layer4/layer4.2/conv2/Conv") >= 0);
        assertTrue(s.indexOf("group:layer4/layer4.1") >= 0);
        assertArrayEquals(none, grouped.revealing(none, "no such node"));
    }

    @Test
    void overlaysColourCollapsedGroupsByTheirMembersUnlessGivenAGroupStyle() {
        GraphScene s = grouped.layout(grouped.with(grouped.with(all, "layer2", false), "layer3", false), LayoutMonitor.none());
        List<String> inside = opsIn("layer2");
        int red = 0xFFCC0000, blue = 0xFF0000CC, green = 0xFF00AA00;
        Overlay.Builder b = Overlay.builder();
        for (int k = 0; k < 10; k++) b.fill(inside.get(k), red);
        for (int k = 10; k < 12; k++) b.fill(inside.get(k), blue);
        b.group("layer3", green, "3.2 ms");
        Overlay.Resolved r = b.build().resolve(s);
        int g2 = s.indexOf("group:layer2"), g3 = s.indexOf("group:layer3");
        assertEquals(red, r.fillOf(s, g2), "the most common member fill");
        Overlay.Bar bar = r.bar()[g2];
        assertNotNull(bar);
        assertEquals(15, bar.total());
        assertEquals(List.of(red, blue, Colors.UNSTYLED_MEMBER), IntStream.of(bar.colors()).boxed().toList());
        assertEquals(List.of(10, 2, 3), IntStream.of(bar.weights()).boxed().toList());
        assertEquals(green, r.fillOf(s, g3));
        assertEquals("3.2 ms", r.badge()[g3]);
        assertNull(r.bar()[g3], "no member styled: the box shows its op mix");

        Overlay explicit = Overlay.builder().fill(inside.get(0), red).groupBar("layer2", new int[] {green}, new int[] {1}).build();
        assertEquals(green, explicit.resolve(s).bar()[g2].colors()[0]);
        assertEquals(Colors.GROUP_NODE, Overlay.NONE.resolve(s).fillOf(s, g2));
    }

    @Test
    void searchFindsOperatorsHiddenInCollapsedGroups() {
        GraphScene s = grouped.layout(grouped.with(all, "layer2", false), LayoutMonitor.none());
        List<GraphSearch.Hit> hits = new GraphSearch(s, graph).find("^/layer2/layer2\\.1/.*Conv$");
        int g = s.indexOf("group:layer2");
        assertEquals(List.of("/layer2/layer2.1/conv1/Conv", "/layer2/layer2.1/conv2/Conv"), hits.stream().map(GraphSearch.Hit::key).toList());
        for (GraphSearch.Hit h : hits) {
            assertEquals(g, h.node());
            assertTrue(h.hidden(s));
            assertTrue(h.matched().endsWith("(in layer2)"), h.matched());
        }
        GraphSearch.Hit visible = new GraphSearch(s, graph).find("^/layer1/layer1\\.0/Add$").get(0);
        assertFalse(visible.hidden(s));
    }

    @Test
    void collapsedGroupsAreExportedWithTheirSummary() throws Exception {
        GraphScene s = grouped.layout(grouped.with(all, "layer2", false), LayoutMonitor.none());
        String svg = SvgExporter.export(s, Overlay.NONE, ExportOptions.wholeGraph(false));
        assertTrue(svg.contains(">layer2</text>") && svg.contains(">15 ops</text>") && svg.contains(">Conv 6 · Relu 6 · Add 3</text>"),
                "the box's title and summary lines");
        Set<String> fills = java.util.regex.Pattern.compile("fill=\"(#[0-9a-f]{6})\"").matcher(svg).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        assertTrue(fills.contains(Colors.hex(Colors.GROUP_NODE)), "the group header colour");
        assertTrue(fills.contains(Colors.hex(OpCategory.CONV.fill())), "the op-mix bar");
    }
}
