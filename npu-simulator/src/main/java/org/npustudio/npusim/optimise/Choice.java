package org.npustudio.npusim.optimise;

import java.util.List;

/**
 * One way the optimised plan differs from the capability plan, with what it saves: the objective of the
 * optimised plan with this choice undone minus that of the optimised plan (NaN when not evaluated).
 *
 * @param kind      DEVICE (nodes run elsewhere than capability splitting puts them) or FUSION (a fusion group)
 * @param partition the optimised plan's partition holding the nodes
 * @param nodes     node ids, in execution order
 * @param ops       their op types, in the same order
 * @param from      capability device (DEVICE) or the group's device (FUSION)
 * @param to        chosen device (DEVICE) or the group's device (FUSION)
 */
public record Choice(Kind kind, String partition, List<String> nodes, List<String> ops, String from, String to, double saving) {
    public enum Kind { DEVICE, FUSION }

    public Choice {
        nodes = List.copyOf(nodes);
        ops = List.copyOf(ops);
    }

    /** "3 nodes Conv_1 … Relu_3 (Conv, Add, Relu): npu0 -> cpu" or "fuse 4 nodes a … d on npu0". */
    public String describe() {
        String span = nodes.size() == 1 ? nodes.get(0) : nodes.get(0) + " … " + nodes.get(nodes.size() - 1);
        String kinds = String.join(", ", ops.stream().distinct().limit(4).toList()) + (ops.stream().distinct().count() > 4 ? ", …" : "");
        String count = nodes.size() + (nodes.size() == 1 ? " node " : " nodes ");
        return kind == Kind.DEVICE ? count + span + " (" + kinds + "): " + from + " -> " + to
                : "fuse " + count + span + " (" + kinds + ") on " + to;
    }
}
