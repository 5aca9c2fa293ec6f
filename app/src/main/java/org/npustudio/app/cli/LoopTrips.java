package org.npustudio.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --loop-trips NODE=N} values: the trip count of a Loop node (by node id) whose count is not a constant. */
final class LoopTrips {
    private LoopTrips() {}

    static Map<String, Long> parse(String command, List<String> values) throws UsageException {
        Map<String, Long> trips = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.lastIndexOf('=');
            long n;
            try {
                n = eq <= 0 ? -1 : Long.parseLong(v.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0) throw new UsageException(command, "--loop-trips '" + v + "': use NODE=N with N a whole number >= 0");
            if (trips.put(v.substring(0, eq), n) != null) throw new UsageException(command, "--loop-trips: node '" + v.substring(0, eq) + "' given twice");
        }
        return trips;
    }
}
