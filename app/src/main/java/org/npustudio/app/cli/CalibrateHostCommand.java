package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.host.HostProfile;
import org.npustudio.host.HostProfileJson;
import org.npustudio.io.AtomicFiles;
import org.npustudio.ir.Model;
import org.npustudio.npusim.calibrate.CalibrationReport;
import org.npustudio.npusim.calibrate.HostCalibration;
import org.npustudio.npusim.calibrate.HostSample;
import org.npustudio.npusim.config.CpuConfig;
import org.npustudio.npusim.config.CpuConfigYaml;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.plan.ModelRef;

/** {@code npustudio calibrate-host}: fit the CPU roofline to host profiles and write a CPU description. */
@Command(name = "calibrate-host", description = "fit the CPU roofline's per-op efficiencies to measured host profiles",
        footer = """
                Fits per-op-type efficiency, memory bandwidth and a per-op overhead (overhead_us) of a CPU
                description to one or more host profiles (npustudio measure) by least squares on log times,
                writes it (docs/npu-config.md) and prints predicted against measured per op type and per
                model, before and after (docs/host-profile.md).
                Models are opened with their declared input shapes: profiles measured with --input-shape
                on models with free dimensions cannot be refitted yet.""")
final class CalibrateHostCommand extends StudioCommand {
    @Parameters(paramLabel = "HOST.json", arity = "1..*", description = "host profiles written by npustudio measure")
    List<String> files = new ArrayList<>();

    @Option(names = "-o", paramLabel = "CPU.yaml", required = true, description = "where to write the fitted CPU description")
    Path out;

    @Option(names = "--cpu", paramLabel = "FILE", description =
            "the description to start from (its name and peak are kept; default: the generic host CPU, 768 "
            + "GFLOP/s, 40 GB/s, efficiency 0.3)")
    String cpu;

    @Option(names = "--model-dir", paramLabel = "DIR", description =
            "where to look for each profile's model file by name (repeatable); also looked for beside the "
            + "profile, in the working directory and among the bundled samples. A file whose SHA-256 differs "
            + "is used with a warning.")
    List<String> modelDirs = new ArrayList<>();

    @Override
    public int run() throws StudioException {
        CpuConfig start = DeviceSet.GENERIC_HOST;
        if (cpu != null) {
            Device d = DeviceConfigReader.readAny(Path.of(cpu), new ArrayList<>());
            if (d.isNpu()) throw new StudioException(cpu, "kind", "--cpu needs a CPU description, this is an NPU");
            start = d.cpu();
        }
        List<HostSample> samples = new ArrayList<>();
        for (String f : files) {
            Path file = Path.of(f);
            HostProfile p = HostProfileJson.read(file);
            Path modelFile = locate(p.model().file(), file, modelDirs);
            ModelRef here = ModelRef.of(modelFile);
            List<String> warnings = p.mismatches(f, here, null);
            PlanArgs.warn(warnings, ctx.err());
            Model m = ModelFiles.open(modelFile);
            var graph = SimulationService.workGraph(m.graph(), modelFile.toString(), java.util.Map.of());
            HostSample.Set s = HostSample.of(graph, p, p.model().file());
            samples.addAll(s.samples());
            ctx.out().println(f + ": " + s.samples().size() + " nodes fitted" + (s.free() > 0 ? ", " + s.free() + " free shape ops left out" : "")
                    + (s.other() > 0 ? ", " + s.other() + " control-flow or not costed ops left out" : ""));
        }
        if (samples.isEmpty()) throw new StudioException(files.get(0), "", "no measured node the roofline can price; nothing to fit");
        CpuConfig fitted = HostCalibration.fit(start, samples);
        AtomicFiles.writeString(out, CpuConfigYaml.write(fitted, "Fitted by npustudio calibrate-host to " + String.join(", ", files)
                + "\n(per-op-type efficiency, memory bandwidth and per-op overhead; docs/host-profile.md)"));
        ctx.out().print(CalibrationReport.of(samples, start, fitted).render());
        ctx.out().println("wrote " + out);
        return Cli.OK;
    }

    private static Path locate(String name, Path profile, List<String> dirs) throws StudioException {
        List<Path> tried = new ArrayList<>();
        for (String d : dirs) tried.add(Path.of(d).resolve(name));
        Path beside = profile.toAbsolutePath().getParent();
        if (beside != null) tried.add(beside.resolve(name));
        tried.add(Path.of(name));
        for (Path p : tried) if (Files.isRegularFile(p)) return p;
        if (name.endsWith(".onnx")) {
            try {
                return ModelFiles.sample(name.substring(0, name.length() - 5));
            } catch (StudioException notASample) {
                // fall through to the error naming every place looked at
            }
        }
        throw new StudioException(profile.toString(), "model.file", "model '" + name + "' not found (looked in " + tried
                + " and the bundled samples); give its folder with --model-dir");
    }
}
