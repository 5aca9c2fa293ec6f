package org.npustudio.npusim.fusion;

import java.util.List;
import java.util.Set;

/**
 * A group of nodes run as one line-buffered pipeline: {@code internal} values (produced and entirely
 * consumed inside, not graph outputs) stay in SRAM when {@code fused}; {@code footprintBytes} is the
 * SRAM their row bands need and {@code weightBytes} the weights that must stay resident.
 */
public record FusionGroup(int index, String device, List<String> nodes, Set<String> internal, boolean fused,
                          double footprintBytes, double weightBytes, double savedBytes) {}
