package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
final class PartitionCommand implements Command {
    @Override public String name() { return "partition"; }

    @Override public String synopsis() { return "auto|validate|convert ..."; }

    @Override public String summary() { return "make (auto), check (validate) and translate (convert) partition plans"; }

    @Override
    public String details() {
        return """
                npustudio partition auto MODEL --devices DEVICES.yaml -o PLAN.yaml [--strategy capability|cost]
                        [--objective latency|dram|energy] [--npu NPU.yaml] [--merge-cpu-islands N] [--host-profile HOST.json]
                    capability (default): every op goes to the first NPU that supports it, the rest to the
                    default device, in the largest convex partitions one topological walk allows.
                    --merge-cpu-islands N folds default-device partitions of at most N nodes into another
                    one where that stays legal.
                    cost: devices and fusion groups chosen by the simulated objective (default latency),
                    never worse than capability splitting; prints each choice that differs from the
                    capability plan with what it saves. NPUs are costed from their description in the
                    devices file (or --npu). DEVICES.yaml: NPU Studio's devices file or a Glow/NEST-C
                    device config. --host-profile HOST.json (npustudio measure): with cost, CPU nodes take
                    their measured times; it is read and checked against the model and this machine either
                    way (warnings name both values); the capability split itself uses no costs.
                    --pipeline default|PIPELINE.yaml (cost only): cover what the compiler emits (a folded
                    BatchNormalization costs nothing, a fused activation rides with its Conv); the plan
                    still names the model's own nodes, each where its work went.
                npustudio partition validate MODEL --plan PLAN.yaml
                    Convexity (with the offending path), partition cycles, duplicates, unknown nodes, what
                    each device cannot run; then each partition's boundary tensors. Exit 0 when legal, 1 when not.
                npustudio partition convert PLAN.yaml --to nestc|npustudio -o OUT.yaml [--model MODEL]
                    Either format in; with --model NEST-C's Glow node names are mapped to the model's nodes.
                Plans may be NPU Studio plans or NEST-C plans (see docs/partition-format.md).
                """ + ShapeArgs.HELP;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        if (args.isEmpty()) throw new UsageException(name(), "missing sub-command (auto, validate or convert)");
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "auto" -> auto(rest, ctx);
            case "validate" -> validate(rest, ctx);
            case "convert" -> convert(rest, ctx);
            default -> throw new UsageException(name(), "unknown sub-command '" + args.get(0) + "' (auto, validate or convert)");
        };
    }

    private int auto(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse("partition auto", args, Set.of(), ShapeArgs.with("--devices", "-o", "--merge-cpu-islands", "--strategy",
                "--objective", "--npu", "--host-profile", PipelineArgs.OPTION));
        String modelFile = a.positional(1, 1, "MODEL").get(0);
        String devicesFile = a.required("--devices", "DEVICES.yaml");
        String out = a.required("-o", "PLAN.yaml");
        int merge = 0;
        if (a.value("--merge-cpu-islands") != null) {
            try {
                merge = Integer.parseInt(a.value("--merge-cpu-islands"));
                if (merge < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new UsageException("partition auto", "--merge-cpu-islands needs a whole number from 0");
            }
        }
        Path mp = Path.of(modelFile);
        Model model = ShapeArgs.open(a, mp);
        HostProfile hostProfile = null;
        if (a.value("--host-profile") != null) {
            // read and checked now, so a bad or mismatched file is reported even for the capability split (which uses no costs)
            Path hp = Path.of(a.value("--host-profile"));
            hostProfile = HostProfileJson.read(hp);
            PlanArgs.warn(hostProfile.mismatches(hp.toString(), ModelRef.of(mp), HostMachine.cpuName()), ctx.err());
        }
        DevicesYaml.Loaded devices = DevicesYaml.read(Path.of(devicesFile));
        PlanArgs.warn(devices.warnings(), ctx.err());
        String strategy = a.value("--strategy", "capability");
        if (!strategy.equals("capability") && !strategy.equals("cost")) {
            throw new UsageException("partition auto", "unknown --strategy '" + strategy + "'; use capability or cost");
        }
        Objective objective = Objective.parse(a.value("--objective", "latency"));
        if (objective == null) throw new UsageException("partition auto", "unknown --objective '" + a.value("--objective") + "'; use latency, dram or energy");
        if (strategy.equals("capability") && (a.value("--objective") != null || a.value("--npu") != null)) {
            throw new UsageException("partition auto", "--objective and --npu apply to --strategy cost");
        }
        Pipeline pipeline = PipelineArgs.parse(a);
        if (strategy.equals("capability") && pipeline != null) {
            throw new UsageException("partition auto", "--pipeline applies to --strategy cost: capability splitting uses no costs");
        }
        if (strategy.equals("cost") && merge > 0) throw new UsageException("partition auto", "--merge-cpu-islands applies to --strategy capability");
        Plan plan;
        if (strategy.equals("cost")) {
            CostStrategy.Outcome o = CostStrategy.run(model, ModelRef.of(mp), devices, Path.of(devicesFile), a.value("--npu"), objective,
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

    private int validate(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse("partition validate", args, Set.of(), ShapeArgs.with("--plan"));
        String modelFile = a.positional(1, 1, "MODEL").get(0);
        PlanArgs.Opened o = PlanArgs.open(modelFile, ShapeArgs.binding(a), a.required("--plan", "PLAN.yaml"), ctx.err());
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

    private int convert(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse("partition convert", args, Set.of(), Set.of("--to", "-o", "--model"));
        String planFile = a.positional(1, 1, "PLAN.yaml").get(0);
        String to = a.required("--to", "nestc|npustudio");
        String out = a.required("-o", "OUT.yaml");
        if (!to.equals("nestc") && !to.equals("npustudio")) throw new UsageException("partition convert", "--to must be nestc or npustudio");
        Model model = a.value("--model") == null ? null : ModelFiles.open(Path.of(a.value("--model")));
        ModelRef ref = model == null ? null : ModelRef.of(Path.of(a.value("--model")));
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
