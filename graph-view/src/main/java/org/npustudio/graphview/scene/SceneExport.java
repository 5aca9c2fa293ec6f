package org.npustudio.graphview.scene;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.npustudio.io.AtomicFiles;

/** Writes a scene (or any drawing) to a file whose extension (.svg or .png) picks the format; written atomically. */
public final class SceneExport {
    private SceneExport() {}

    public enum Format { SVG, PNG }

    /** A drawing that can be written in either format (a graph scene, a profiler chart). */
    public interface Drawing {
        String svg();

        void png(OutputStream out) throws IOException;
    }

    /** The format for a file name, or null when the extension is neither .svg nor .png. */
    public static Format formatOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".svg")) return Format.SVG;
        if (n.endsWith(".png")) return Format.PNG;
        return null;
    }

    public static void write(Path file, GraphScene scene, Overlay overlay, ExportOptions options) throws IOException {
        write(file, drawing(scene, overlay, options));
    }

    /** A scene with its overlay as a drawing (SVG through {@link SvgExporter}, PNG through {@link PngExporter}). */
    public static Drawing drawing(GraphScene scene, Overlay overlay, ExportOptions options) {
        return new Drawing() {
            @Override
            public String svg() { return SvgExporter.export(scene, overlay, options); }

            @Override
            public void png(OutputStream out) throws IOException { PngExporter.write(scene, overlay, options, out); }
        };
    }

    public static void write(Path file, Drawing drawing) throws IOException {
        Format f = formatOf(file);
        if (f == null) throw new IllegalArgumentException(file + ": the file name must end in .svg or .png");
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        // A hidden sibling renamed over the target (user's default permissions, not a temp file's 0600).
        Path tmp = AtomicFiles.sibling(dir, abs.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (f == Format.SVG) out.write(drawing.svg().getBytes(StandardCharsets.UTF_8));
                else drawing.png(out);
            }
            AtomicFiles.moveOver(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
