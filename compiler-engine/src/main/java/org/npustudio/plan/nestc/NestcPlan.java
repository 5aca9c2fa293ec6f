package org.npustudio.plan.nestc;

import java.util.ArrayList;
import java.util.List;

/**
 * A NEST-C partition plan exactly as the file states it (no model needed): parallel lists indexed by
 * partition, the node-to-partition entries in file order, and the parallel groups. The last partition
 * is NEST-C's catch-all; {@code numOfPartitions} counts it.
 *
 * @param logicalIds raw entries, e.g. {@code 0} or {@code 0-1}
 */
public record NestcPlan(String funcName, List<String> backendNames, List<String> partitionNames,
                        List<Assignment> nodeToPartition, List<String> logicalIds, List<List<String>> parallelPartitions) {
    /** One {@code nodeName-partitionIndex} entry. */
    public record Assignment(String node, int partition) {}

    public NestcPlan {
        backendNames = List.copyOf(backendNames);
        partitionNames = List.copyOf(partitionNames);
        nodeToPartition = List.copyOf(nodeToPartition);
        logicalIds = List.copyOf(logicalIds);
        List<List<String>> groups = new ArrayList<>();
        for (List<String> g : parallelPartitions) groups.add(List.copyOf(g));
        parallelPartitions = List.copyOf(groups);
    }

    public int numOfPartitions() { return partitionNames.size(); }

    /** Node names listed for partition {@code k}, in file order. */
    public List<String> nodesOf(int k) {
        List<String> out = new ArrayList<>();
        for (Assignment a : nodeToPartition) if (a.partition() == k) out.add(a.node());
        return out;
    }
}
