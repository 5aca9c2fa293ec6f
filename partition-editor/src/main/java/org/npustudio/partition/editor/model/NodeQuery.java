package org.npustudio.partition.editor.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.npustudio.analysis.NameScopes;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;

/**
 * Select by query: nodes matching every given criterion (an empty criterion matches all).
 *
 * @param opTypes   op types separated by commas or spaces, any case ({@code Conv, Relu})
 * @param nameRegex a regular expression found anywhere in the node's name or stable id
 * @param scope     a name scope ({@code layer1/layer1.0}, leading/trailing slashes ignored): nodes in it or
 *                  nested below it
 */
public record NodeQuery(String opTypes, String nameRegex, String scope) {
    public NodeQuery {
        opTypes = opTypes == null ? "" : opTypes.strip();
        nameRegex = nameRegex == null ? "" : nameRegex.strip();
        scope = scope == null ? "" : scope.strip().replaceAll("^/+|/+$", "");
    }

    public boolean isEmpty() { return opTypes.isEmpty() && nameRegex.isEmpty() && scope.isEmpty(); }

    /**
     * Ids of the matching nodes in graph order.
     *
     * @throws IllegalArgumentException for a malformed regular expression, naming the problem
     */
    public List<String> select(Graph graph) {
        Set<String> ops = new LinkedHashSet<>();
        for (String t : opTypes.split("[,\\s]+")) if (!t.isEmpty()) ops.add(t.toLowerCase(Locale.ROOT));
        Pattern name;
        try {
            name = nameRegex.isEmpty() ? null : Pattern.compile(nameRegex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("name pattern: " + e.getDescription() + " at position " + e.getIndex());
        }
        List<String> out = new ArrayList<>();
        for (Node n : graph.nodes()) {
            if (!ops.isEmpty() && !ops.contains(n.opType().toLowerCase(Locale.ROOT))) continue;
            if (name != null && !name.matcher(n.name()).find() && !name.matcher(n.id()).find()) continue;
            if (!scope.isEmpty()) {
                String path = String.join("/", NameScopes.scopeSegments(n.name()));
                if (!path.equals(scope) && !path.startsWith(scope + "/")) continue;
            }
            out.add(n.id());
        }
        return out;
    }
}
