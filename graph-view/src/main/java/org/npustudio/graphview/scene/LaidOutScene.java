package org.npustudio.graphview.scene;

import org.npustudio.graphview.layout.HierarchicalLayout;

/**
 * A scene together with the layout it came from, so the next version of the graph (after a compiler
 * pass, or the other model of a comparison) can be laid out close to it ({@link StableSceneBuilder}).
 */
public record LaidOutScene(GraphScene scene, HierarchicalLayout layout) {}
