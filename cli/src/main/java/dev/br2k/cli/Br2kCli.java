package dev.br2k.cli;

import dev.br2k.cli.chain.RegisterCommand;
import dev.br2k.cli.chain.SetContextHashCommand;
import dev.br2k.cli.chain.ViewServiceCommand;
import dev.br2k.cli.context.AddImageRegistryCommand;
import dev.br2k.cli.context.AddServiceRegistryCommand;
import dev.br2k.cli.context.AskContextCommand;
import dev.br2k.cli.context.ChangeContextCommand;
import dev.br2k.cli.context.ChangeK8sServerCommand;
import dev.br2k.cli.context.ContextAssignCommand;
import dev.br2k.cli.context.CurContextCommand;
import dev.br2k.cli.context.ListContextCommand;
import dev.br2k.cli.context.RmContextCommand;
import dev.br2k.cli.context.SetContextCommand;
import dev.br2k.cli.deploy.AddCommand;
import dev.br2k.cli.deploy.PauseCommand;
import dev.br2k.cli.deploy.RecoveryCommand;
import dev.br2k.cli.deploy.ReduceCommand;
import dev.br2k.cli.deploy.SprayCommand;
import dev.br2k.cli.deploy.StateCommand;
import dev.br2k.cli.deploy.TestCommand;
import dev.br2k.cli.image.BuildCommand;
import dev.br2k.cli.image.ListCommand;
import dev.br2k.cli.image.LoginRegistryCommand;
import dev.br2k.cli.image.LogoutRegistryCommand;
import dev.br2k.cli.image.PushCommand;
import dev.br2k.cli.image.RmSecretCommand;
import dev.br2k.cli.image.RmiCommand;
import dev.br2k.cli.image.SetSecretCommand;
import dev.br2k.cli.project.InitCommand;
import dev.br2k.cli.sandbox.SandboxCommand;
import dev.br2k.cluster.context.InvalidFileException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code br2k} command. Run through the {@code ./br2k} launcher at the project root, or in-process
 * with {@link #run}.
 */
@Command(name = "br2k", mixinStandardHelpOptions = true, versionProvider = Br2kCli.Version.class,
        description = "Build, register, deploy and operate BR2K services; 'br2k sandbox up' runs one on this machine.",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExit codes:%n",
        footer = {"  0 done, 1 the operation failed, 2 wrong command line, 3 a project/context/config file is broken,",
                "  4 a component cannot be reached, 5 not set up yet (no context, not logged in), 6 sandbox unhealthy.",
                "Files: $BR2K_HOME (default ~/.br2k) holds config, contexts/, auth.yaml, images/ and sandbox/."},
        subcommands = {
                InitCommand.class,
                AskContextCommand.class, ContextAssignCommand.class, SetContextCommand.class, CurContextCommand.class,
                ChangeContextCommand.class, ChangeK8sServerCommand.class, ListContextCommand.class, RmContextCommand.class,
                AddImageRegistryCommand.class, AddServiceRegistryCommand.class,
                BuildCommand.class, PushCommand.class, ListCommand.class, RmiCommand.class,
                SetSecretCommand.class, RmSecretCommand.class, LoginRegistryCommand.class, LogoutRegistryCommand.class,
                RegisterCommand.class, SetContextHashCommand.class, ViewServiceCommand.class,
                TestCommand.class, SprayCommand.class, StateCommand.class, RecoveryCommand.class,
                AddCommand.class, ReduceCommand.class, PauseCommand.class, dev.br2k.cli.deploy.ResumeCommand.class,
                SandboxCommand.class,
                CommandLine.HelpCommand.class})
public final class Br2kCli implements Callable<Integer> {
    private static volatile Map<String, String> environment = System.getenv();

    @Mixin
    Common common;

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "br2k-cli-logback.xml");
        }
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; answers the exit code. {@code env} stands in for the process environment. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        environment = Map.copyOf(env);
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Br2kCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof CliException ce) {
                err.println("br2k " + commandLine.getCommandName() + ": " + ce.getMessage());
                debug(err, e);
                return ce.exitCode();
            }
            if (e instanceof InvalidFileException bad) {
                // a project, config, login, request or context file: the message names every bad field
                err.println("br2k " + commandLine.getCommandName() + ": " + bad.getMessage());
                debug(err, e);
                return ExitCode.BAD_FILE;
            }
            err.println("br2k " + commandLine.getCommandName() + " failed: " + describe(e));
            debug(err, e);
            return ExitCode.FAILED;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("br2k: " + e.getMessage());
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCode.USAGE;
        });
        return cli;
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        Throwable cause = e.getCause();
        while (cause != null && cause != e) {
            if (cause.getMessage() != null && !sb.toString().contains(cause.getMessage())) {
                sb.append(" (").append(cause.getMessage()).append(')');
            }
            e = cause;
            cause = cause.getCause();
        }
        return sb.toString();
    }

    private static void debug(PrintWriter err, Throwable e) {
        if ("1".equals(environment.get("BR2K_DEBUG"))) {
            e.printStackTrace(err);
        }
    }

    static Map<String, String> environment() {
        return environment;
    }

    @Override
    public Integer call() {
        common.out().println(new CommandLine(this).getUsageMessage());
        return ExitCode.USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Br2kCli.class.getPackage().getImplementationVersion();
            return new String[] {"br2k " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
