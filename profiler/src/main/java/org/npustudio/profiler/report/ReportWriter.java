package org.npustudio.profiler.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.profiler.data.CsvExport;
import org.npustudio.profiler.data.JsonExport;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.ModelExplorerExport;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Roof;

/**
 * Writes report.html, ops.csv, ops.json and model-explorer.json into a folder. The folder is checked
 * first (a file in the way or no permission gives one clear error before anything is written), and each
 * file is replaced atomically, so an interrupted export never leaves a half-written file.
 */
public final class ReportWriter {
    private ReportWriter() {}

    public static List<Path> write(Profile p, Roof roof, Metric metric, String graphId, Path dir) throws StudioException {
        return write(p, roof, metric, graphId, dir, "");
    }

    /** As above with an extra HTML section in report.html (see {@link HtmlReport#render(Profile, Roof, String)}). */
    public static List<Path> write(Profile p, Roof roof, Metric metric, String graphId, Path dir, String extra) throws StudioException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new StudioException(dir.toString(), "", "is a file, not a folder");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StudioException(dir.toString(), "", "cannot create the report folder: " + AtomicFiles.describe(e));
        }
        if (!Files.isWritable(dir)) throw new StudioException(dir.toString(), "", "the report folder is not writable");
        Path html = dir.resolve("report.html");
        Path csv = dir.resolve("ops.csv");
        Path json = dir.resolve("ops.json");
        Path me = dir.resolve("model-explorer.json");
        AtomicFiles.writeString(csv, CsvExport.render(p));
        AtomicFiles.writeString(json, JsonExport.render(p));
        AtomicFiles.writeString(me, ModelExplorerExport.render(p, metric, graphId));
        AtomicFiles.writeString(html, HtmlReport.render(p, roof, extra));
        return List.of(html, csv, json, me);
    }
}
