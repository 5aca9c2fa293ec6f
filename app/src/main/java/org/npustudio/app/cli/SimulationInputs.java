package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.cli.OutputFormat;
import org.npustudio.npusim.cli.SimulateOptions;
import org.npustudio.npusim.fusion.FusionMode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code simulate} and {@code report} both simulate with: the NPU, plan, fusion, loop trips, host profile and pipeline (a picocli mixin). */
final class SimulationInputs {
    @Option(names = "--npu", paramLabel = "FILE", required = true,
            description = "NPU description (docs/npu-config.md; presets in samples/npu/) or a SCALE-Sim .cfg")
    Path npu;

    @Option(names = "--plan", paramLabel = "FILE", description = "device assignment and fusion groups (docs/npu-simulator.md)")
    Path plan;

    @Option(names = "--fuse", paramLabel = "MODE", description =
            "none, auto (group layers to minimise DRAM traffic) or plan (the plan's groups)")
    String fuse;

    @Option(names = "--loop-trips", paramLabel = "NODE=N", description =
            "trip count of a Loop whose count is not a constant (repeatable; without it such a Loop is "
            + "reported as not costed, never as 0)")
    List<String> loopTrips = new ArrayList<>();

    @Option(names = "--host-profile", paramLabel = "HOST.json", description =
            "measured CPU costs (npustudio measure): nodes on a CPU take their measured median, labelled "
            + "cost_source \"measured\"; the rest \"modelled\" (docs/host-profile.md)")
    Path hostProfile;

    @Mixin PipelineOption pipeline;

    /** The simulator's options for MODEL; {@code command} names usage errors. */
    SimulateOptions options(Path model, OutputFormat format, Path out, String command) throws StudioException {
        FusionMode fuseMode = fuse == null ? null : FusionMode.parse(fuse);
        if (fuse != null && fuseMode == null) throw new UsageException(command, "unknown --fuse '" + fuse + "'; use none, auto or plan");
        return new SimulateOptions(model, npu, plan, fuseMode, format, out, LoopTrips.parse(command, loopTrips), pipeline.parse(), hostProfile);
    }
}
