package org.npustudio.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The registry of sub-commands, in the order help lists them. It holds factories: every run parses into
 * fresh command objects (a lesson's validation runs commands while its own command is running).
 */
public final class Commands {
    private final Map<String, Supplier<? extends StudioCommand>> byName = new LinkedHashMap<>();

    /** Every command the product ships. Add new commands here. */
    public static Commands builtIn() {
        return new Commands()
                .add(InspectCommand::new)
                .add(CompileCommand::new)
                .add(DiffCommand::new)
                .add(GuiCommand::new)
                .add(RenderCommand::new)
                .add(LayoutCommand::new)
                .add(SimulateCommand::new)
                .add(ReportCommand::new)
                .add(MeasureCommand::new)
                .add(CalibrateHostCommand::new)
                .add(SamplesCommand::new)
                .add(SweepCommand::new)
                .add(BenchCommand::new)
                .add(PartitionCommand::new)
                .add(ExportCommand::new)
                .add(QuantizeCommand::new)
                .add(CheckCommand::new)
                .add(LessonCommand::new)
                .add(SensitivityCommand::new)
                .add(CompletionCommand::new)
                .add(HelpCommand::new)
                .add(VersionCommand::new);
    }

    public Commands add(Supplier<? extends StudioCommand> factory) {
        Command c = factory.get().getClass().getAnnotation(Command.class);
        if (c == null) throw new IllegalArgumentException(factory.get().getClass() + " has no @Command");
        if (byName.putIfAbsent(c.name(), factory) != null) throw new IllegalArgumentException("duplicate command " + c.name());
        return this;
    }

    /** The whole command line, {@code npustudio} with a fresh object for every command. */
    CommandLine commandLine() {
        CommandLine root = new CommandLine(new Root());
        for (Supplier<? extends StudioCommand> f : byName.values()) root.addSubcommand(f.get());
        root.setExpandAtFiles(false); // a model file may well start with '@'
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setUsageHelpWidth(110);
        style(root);
        return root;
    }

    /** One help layout for every command: usage, summary, arguments, options, then the footer's notes. */
    private static void style(CommandLine c) {
        CommandSpec spec = c.getCommandSpec();
        spec.usageMessage().descriptionHeading("%n").parameterListHeading("%nArguments:%n").optionListHeading("%nOptions:%n")
                .commandListHeading("%nCommands:%n").footerHeading("%n").sortOptions(false);
        for (CommandLine sub : c.getSubcommands().values()) style(sub);
    }

    /** {@code npustudio} itself: its own options only; the commands are added by {@link #commandLine()}. */
    @Command(name = "npustudio")
    static final class Root {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show help")
        boolean help;

        @Option(names = {"-V", "--version"}, versionHelp = true, description = "show the version")
        boolean version;
    }
}
