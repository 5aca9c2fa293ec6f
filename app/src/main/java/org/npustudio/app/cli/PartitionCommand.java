package org.npustudio.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.host.HostMachine;
import org.npustudio.host.HostProfile;
import org.npustudio.host.HostProfileJson;
import org.npustudio.ir.Model;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.passes.Pipeline;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.PartitionBoundary;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanBinding;
import org.npustudio.plan.PlanIssue;
import org.npustudio.plan.PlanValidator;
import org.npustudio.plan.ValidationReport;
import org.npustudio.plan.nestc.NestcConverter;
import org.npustudio.plan.nestc.NestcPlanFormat;
import org.npustudio.io.AtomicFiles;
import org.npustudio.plan.yaml.DevicesYaml;
import org.npustudio.plan.yaml.PlanFiles;
import org.npustudio.plan.yaml.PlanYaml;

/** {@code npustudio partition auto|validate|convert}: make, check and translate partition plans. */
@Command(name = "partition", description = "make (auto), check (validate) and translate (convert) partition plans",
        subcommands = {PartitionCommand.Auto.class, PartitionCommand.Validate.class, PartitionCommand.Convert.class},
        footer = "Plans may be NPU Studio plans or NEST-C plans (see docs/partition-format.md).")
final class PartitionCommand extends CommandGroup {
    @Command(name = "auto", description = "split a model into partitions by device capability or by simulated cost",
            footer = """
                    capability (default): every op goes to the first NPU that supports it, the rest to the
                    default device, in the largest convex partitions one topological walk allows.
                    cost: devices and fusion groups chosen by the simulated objective (default latency),
                    never worse than capability splitting; prints each choice that differs from the
                    capability plan with what it saves. NPUs are costed from their description in the
                    devices file (or --npu). DEVICES.yaml: NPU Studio's devices file or a Glow/NEST-C
                    device config. With --host-profile the file is read and checked against the model and
                    this machine either way (warnings name both values); the capability split uses no costs.
                    With --pipeline (cost only) the cover is what the compiler emits (a folded
                    BatchNormalization costs nothing, a fused activation rides with its Conv); the plan
                    still names the model's own nodes, each where its work went.""")
    static final class Auto extends StudioCommand {
        @Parameters(paramLabel = "MODEL", description = "an .onnx file")
        String modelFile;

        @Option(names = "--devices", paramLabel = "DEVICES.yaml", required = true, description = "the devices (NPU Studio or Glow/NEST-C)")
        String devicesFile;

        @Option(names = "-o", paramLabel = "PLAN.yaml", required = true, description = "where to write the plan")
        String out;

        @Option(names = "--strategy", paramLabel = "S", defaultValue = "capability", description = "capability (default) or cost")
        String strategy;

        @Option(names = "--objective", paramLabel = "O", description = "with cost: latency (default), dram or energy")
        String objectiveKey;

        @Option(names = "--npu", paramLabel = "NPU.yaml", description = "with cost: the NPU to cost by (default: from the devices file)")
        String npu;

        @Option(names = "--merge-cpu-islands", paramLabel = "N", description =
                "with capability: fold default-device partitions of at most N nodes into another one where that "
                + "stays legal")
        String mergeText;

        @Option(names = "--host-profile", paramLabel = "HOST.json", description = "with cost: CPU nodes take their measured times (npustudio measure)")
        Path hostProfileFile;

        @Mixin PipelineOption pipelineOption;

        @Mixin ShapeOptions shapes;

        @Override
        public int run() throws StudioException {
            int merge = 0;
            if (mergeText != null) {
                try {
                    merge = Integer.parseInt(mergeText);
                    if (merge < 0) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    throw usage("--merge-cpu-islands needs a whole number from 0");
                }
            }
            Path mp = Path.of(modelFile);
            Model model = shapes.open(mp);
            HostProfile hostProfile = null;
            if (hostProfileFile != null) {
                // read and checked now, so a bad or mismatched file is reported even for the capability split (which uses no costs)
                Path hp = hostProfileFile;
                hostProfile = HostProfileJson.read(hp);
                PlanArgs.warn(hostProfile.mismatches(hp.toString(), ModelRef.of(mp), HostMachine.cpuName()), ctx.err());
            }
            DevicesYaml.Loaded devices = DevicesYaml.read(Path.of(devicesFile));
            PlanArgs.warn(devices.warnings(), ctx.err());
            if (!strategy.equals("capability") && !strategy.equals("cost")) {
                throw usage("unknown --strategy '" + strategy + "'; use capability or cost");
            }
            Objective objective = Objective.parse(objectiveKey == null ? "latency" : objectiveKey);
            if (objective == null) throw usage("unknown --objective '" + objectiveKey + "'; use latency, dram or energy");
            if (strategy.equals("capability") && (objectiveKey != null || npu != null)) {
                throw usage("--objective and --npu apply to --strategy cost");
            }
            Pipeline pipeline = pipelineOption.parse();
            if (strategy.equals("capability") && pipeline != null) {
                throw usage("--pipeline applies to --strategy cost: capability splitting uses no costs");
            }
            if (strategy.equals("cost") && merge > 0) throw usage("--merge-cpu-islands applies to --strategy capability");
            Plan plan;
            if (strategy.equals("cost")) {
                CostStrategy.Outcome o = CostStrategy.run(model, ModelRef.of(mp), devices, Path.of(devicesFile), npu, objective,
                        hostProfile, pipeline, ctx);
                plan = o.plan();
                ctx.out().print(o.table());
                if (!o.exactCover()) ctx.out().println("(device cover: best found, not proven optimal; see docs/partition-format.md)");
            } else {
                plan = AutoPartitioner.partition(model.graph(), ModelRef.of(mp), devices.devices(), devices.defaultDevice(),
                        AutoPartitioner.Options.DEFAULT.withMergeIslandsUpTo(merge));
            }
            PlanYaml.write(plan, Path.of(out));
            long npu = plan.partitions().stream().filter(p -> !p.device().equals(devices.defaultDevice())).count();
            ctx.out().println(out + ": " + plan.partitions().size() + " partitions (" + npu + " on accelerators, "
                    + (plan.partitions().size() - npu) + " on " + devices.defaultDevice() + ")");
            return Cli.OK;
        }
    }

    @Command(name = "validate", description = "check a plan against a model: legal or not, and each partition's boundary",
            footer = """
                    Convexity (with the offending path), partition cycles, duplicates, unknown nodes, what
                    each device cannot run; then each partition's boundary tensors. Exit 0 when legal, 1 when not.""")
    static final class Validate extends StudioCommand {
        @Mixin PlanArgs planned;

        @Override
        public int run() throws StudioException {
            PlanArgs.Opened o = planned.open(ctx.err());
            PlanBinding b = PlanBinding.bind(o.plan(), o.model().graph());
            ValidationReport r = PlanValidator.validate(b, o.ref());
            for (PlanIssue i : r.issues()) (i.isError() ? ctx.out() : ctx.err()).println(i);
            for (int k = 0; k < b.partitionCount(); k++) {
                if (b.members(k).length == 0) continue;
                Partition p = b.partition(k);
                PartitionBoundary pb = PartitionBoundary.of(b, k);
                ctx.out().printf("%-16s %-10s %6d nodes  in %s  out %s%n", p.name(), p.device(), b.members(k).length,
                        bytes(pb.inputBytes(), pb.inputs().size()), bytes(pb.outputBytes(), pb.outputs().size()));
            }
            ctx.out().printf("%s (%d partitions, %d nodes, checked in %.1f ms)%n", r.isLegal() ? "legal" : "NOT legal",
                    o.plan().partitions().size(), b.index().size(), r.nanos() / 1e6);
            return r.isLegal() ? Cli.OK : 1;
        }

        private static String bytes(long b, int count) {
            return count + (count == 1 ? " tensor" : " tensors") + (b >= 0 ? " (" + b + " B)" : " (size unknown)");
        }
    }

    @Command(name = "convert", description = "translate a plan between NPU Studio's format and NEST-C's",
            footer = "Either format in; with --model NEST-C's Glow node names are mapped to the model's nodes.")
    static final class Convert extends StudioCommand {
        @Parameters(paramLabel = "PLAN.yaml", description = "a plan in either format")
        String planFile;

        @Option(names = "--to", paramLabel = "FORMAT", required = true, description = "nestc or npustudio")
        String to;

        @Option(names = "-o", paramLabel = "OUT.yaml", required = true, description = "where to write the plan")
        String out;

        @Option(names = "--model", paramLabel = "MODEL", description = "the model the plan is for")
        String modelFile;

        @Override
        public int run() throws StudioException {
            if (!to.equals("nestc") && !to.equals("npustudio")) throw usage("--to must be nestc or npustudio");
            Model model = modelFile == null ? null : ModelFiles.open(Path.of(modelFile));
            ModelRef ref = model == null ? null : ModelRef.of(Path.of(modelFile));
            PlanFiles.Opened p = PlanFiles.read(Path.of(planFile), model == null ? null : model.graph(), ref);
            PlanArgs.warn(p.warnings(), ctx.err());
            Plan plan = ref == null ? p.plan() : p.plan().withModel(ref);
            if (to.equals("nestc")) {
                AtomicFiles.writeString(Path.of(out), NestcPlanFormat.write(NestcConverter.fromPlan(plan, null)));
                PlanArgs.warn(NestcConverter.droppedOnExport(plan), ctx.err());
            } else {
                PlanYaml.write(plan, Path.of(out));
            }
            ctx.out().println(out + ": " + plan.partitions().size() + " partitions plus " + plan.rest().name() + " as a " + to + " plan");
            return Cli.OK;
        }
}
}
