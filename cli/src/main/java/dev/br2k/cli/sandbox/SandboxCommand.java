package dev.br2k.cli.sandbox;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.chain.ServiceRegistries;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Runs BR2K on this machine: a local chain (anvil) with the service registry, the InfoDID sample with 3 replicas,",
                "registered, and BR2K Watch logged-in-ready. Installs nothing: run ./scripts/install-deps once first."},
        subcommands = {SandboxCommand.Up.class, SandboxCommand.Down.class, SandboxCommand.Status.class, SandboxCommand.Request.class})
public final class SandboxCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Override
    public Integer call() {
        common.out().println(new CommandLine(this).getUsageMessage());
        return ExitCode.USAGE;
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Starts anvil, deploys the registry, creates an operator keystore (its password is shown once unless you give one),",
                    "starts InfoDID with 3 replicas, registers it, writes <home>/sandbox.json and opens BR2K Watch with it",
                    "(under Xvfb when there is no DISPLAY). Does nothing when the sandbox is up already."})
    static final class Up implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--no-watch", description = "Do not open BR2K Watch (for scripts).")
        boolean noWatch;

        @Option(names = "--replicas", defaultValue = "3", description = "InfoDID replicas (default: ${DEFAULT-VALUE}).")
        int replicas;

        @Option(names = "--max-replicas", defaultValue = "5", description = "Registered maximum (default: ${DEFAULT-VALUE}).")
        int maxReplicas;

        @Option(names = "--password-stdin", description = "Read the operator keystore's password from standard input (else --password-file, else $BR2K_KEYSTORE_PASSWORD, else one is made and shown once).")
        boolean passwordStdin;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the operator keystore's password from the first line of FILE (keep it 0600).")
        java.nio.file.Path passwordFile;

        @Option(names = "--start-timeout", paramLabel = "SECONDS", defaultValue = "180",
                description = "How long to wait for each replica to start (default: ${DEFAULT-VALUE}).")
        long startTimeoutSeconds;

        @Override
        public Integer call() throws Exception {
            if (replicas < 1 || replicas > maxReplicas) {
                throw new CliException(ExitCode.USAGE, "--replicas must be 1.." + maxReplicas + ", was " + replicas);
            }
            Optional<String> password = Optional.ofNullable(common.env().get(ServiceRegistries.PASSWORD_ENV));
            if (passwordStdin && passwordFile != null) {
                throw new CliException(ExitCode.USAGE, "give the password with --password-stdin or --password-file, not both");
            }
            if (passwordStdin) {
                password = Optional.ofNullable(new BufferedReader(new InputStreamReader(System.in)).readLine());
            } else if (passwordFile != null) {
                password = Optional.of(ServiceRegistries.passwordFromFile(passwordFile));
            }
            return new Sandbox(common).up(new Sandbox.UpOptions(replicas, maxReplicas, password.filter(p -> !p.isEmpty()), !noWatch,
                    Duration.ofSeconds(startTimeoutSeconds)));
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Stops everything 'sandbox up' started (Watch, replicas, etcd, anvil) and deletes the sandbox's data.")
    static final class Down implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() {
            return new Sandbox(common).down();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Reports the chain, the Watch and each replica (phase, role, lpi); exits 0 when all replicas are healthy, 6 when not.")
    static final class Status implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() {
            return new Sandbox(common).status();
        }
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = {"Signs one InfoDID request as a new did:ethr user, sends it to the location the registry publishes",
                    "and reads the profile back; exits 0 when it round-trips, 6 when not."})
    static final class Request implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            return new Sandbox(common).request();
        }
    }
}
