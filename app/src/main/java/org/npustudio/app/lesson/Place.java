package org.npustudio.app.lesson;

import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/** Where something was written in a lesson file, so a later problem (a node that does not exist) names file and line. */
public record Place(String file, int line, int column, String path) {
    public static Place of(YamlNode n) {
        return new Place(n.source(), n.line(), n.column(), n.path());
    }

    /** The one-line error for a problem found at this place. */
    public YamlException error(String problem) {
        return new YamlException(file, line, column, path, problem);
    }

    @Override public String toString() { return file + ":" + line; }
}
