package dev.br2k.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.watch.login.Profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Watch's command line. A {@code --profile} file (what {@code br2k sandbox up} writes) is read
 * first; {@code --rpc-url}, {@code --registry}, {@code --keystore} and {@code --cluster-dir} override
 * its fields.
 *
 * @param version  print the version and exit
 * @param help     print the usage and exit
 * @param prefill  the log-in fields to fill in, if any option gave one
 */
public record LaunchOptions(boolean version, boolean help, Optional<Profile> prefill) {

    public static final String USAGE = """
            Usage: br2k-watch [--profile FILE.json] [--rpc-url URL] [--registry ADDRESS]
                              [--keystore FILE] [--cluster-dir DIR] [--kube-context NAME]
                              [--version] [--help]

              --profile FILE    a JSON profile, e.g. .br2k/sandbox.json written by `br2k sandbox up`:
                                {"name": "sandbox", "rpcUrl": "http://127.0.0.1:8545",
                                 "registryAddress": "0x…", "keystorePath": "/…/keystore.json",
                                 "cluster": {"kind": "local", "baseDir": "/…/.br2k/clusters"}}
              --rpc-url URL     the chain's JSON-RPC URL
              --registry ADDR   the ServiceRegistry contract's address
              --keystore FILE   the Ethereum V3 keystore to log in with
              --cluster-dir DIR where local clusters (the sandbox's) keep their state
              --kube-context NAME  a context of $KUBECONFIG (or ~/.kube/config) whose services to attach
              --version         print the version and exit
            """;

    /** Parses the arguments. */
    public static LaunchOptions parse(String... args) {
        boolean version = false;
        boolean help = false;
        Path profileFile = null;
        String rpc = null;
        String registry = null;
        String keystore = null;
        String clusterDir = null;
        String kubeContext = null;
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--version", "-V" -> version = true;
                case "--help", "-h" -> help = true;
                case "--profile" -> profileFile = Path.of(value != null ? value : next(rest, ++i, arg));
                case "--rpc-url" -> rpc = value != null ? value : next(rest, ++i, arg);
                case "--registry" -> registry = value != null ? value : next(rest, ++i, arg);
                case "--keystore" -> keystore = value != null ? value : next(rest, ++i, arg);
                case "--cluster-dir" -> clusterDir = value != null ? value : next(rest, ++i, arg);
                case "--kube-context" -> kubeContext = value != null ? value : next(rest, ++i, arg);
                default -> throw new IllegalArgumentException("Unknown option " + arg + ".\n" + USAGE);
            }
        }
        if (version || help) {
            return new LaunchOptions(version, help, Optional.empty());
        }
        Profile base = profileFile == null ? null : readProfile(profileFile);
        if (base == null && rpc == null && registry == null && keystore == null && clusterDir == null && kubeContext == null) {
            return new LaunchOptions(false, false, Optional.empty());
        }
        String r = rpc != null ? rpc : base != null ? base.rpcUrl() : "http://127.0.0.1:8545";
        String a = registry != null ? registry : base != null ? base.registryAddress() : "";
        String k = keystore != null ? keystore : base != null ? base.keystorePath() : "";
        String c = clusterDir != null ? clusterDir : base != null ? base.clusterDir() : "";
        String kc = kubeContext != null ? kubeContext : base != null ? base.kubeContext() : "";
        String name = base != null ? base.name() : Profile.defaultName(r, a);
        return new LaunchOptions(false, false, Optional.of(new Profile(name, r, a, k, c, kc)));
    }

    /**
     * Reads a profile JSON. Accepted fields: {@code name}, {@code rpcUrl}, {@code registryAddress},
     * {@code keystorePath} (or {@code keystore}), and the local clusters' directory as
     * {@code cluster.baseDir}, {@code clusterDir} or {@code local.baseDir}, the kubeconfig context as
     * {@code kubeContext} or {@code kubernetes.context}. Relative paths are resolved
     * against the file's directory's parent when the file sits in a {@code .br2k} directory (the
     * project), else against the file's directory. Unknown fields are ignored.
     */
    public static Profile readProfile(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the profile " + file + ": " + e.getMessage()
                    + ". Pass a JSON file like the one `br2k sandbox up` writes.", e);
        }
        String rpc = text(json, "rpcUrl").orElseThrow(() -> missing(file, "rpcUrl"));
        String registry = text(json, "registryAddress").or(() -> text(json, "registry")).orElseThrow(() -> missing(file, "registryAddress"));
        Path dir = file.toAbsolutePath().getParent();
        Path base = dir.getFileName() != null && dir.getFileName().toString().equals(".br2k") ? dir.getParent() : dir;
        String keystore = text(json, "keystorePath").or(() -> text(json, "keystore")).map(p -> resolve(base, p)).orElse("");
        String clusterDir = text(json.path("cluster"), "baseDir").or(() -> text(json, "clusterDir"))
                .or(() -> text(json.path("local"), "baseDir")).map(p -> resolve(base, p)).orElse("");
        String name = text(json, "name").orElse(file.getFileName().toString().replaceFirst("\\.json$", ""));
        String kubeContext = text(json, "kubeContext").or(() -> text(json.path("kubernetes"), "context")).orElse("");
        return new Profile(name, rpc, registry, keystore, clusterDir, kubeContext);
    }

    private static String resolve(Path base, String path) {
        Path p = Path.of(path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path);
        return (p.isAbsolute() ? p : base.resolve(p)).normalize().toString();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static IllegalArgumentException missing(Path file, String field) {
        return new IllegalArgumentException("The profile " + file + " has no \"" + field + "\".");
    }

    private static String next(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value.\n" + USAGE);
        }
        return args.get(i);
    }
}
