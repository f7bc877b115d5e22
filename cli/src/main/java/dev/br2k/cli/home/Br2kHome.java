package dev.br2k.cli.home;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.br2k.cli.CliException;
import dev.br2k.cli.internal.YamlFields;
import dev.br2k.cluster.context.FieldReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The BR2K home directory: {@code config} (contexts and registries, kubeconfig-like YAML),
 * {@code contexts/} (imported deployment-context files), {@code auth.yaml} (image-registry logins,
 * readable by the owner only), {@code images/} (images built to tar files) and {@code sandbox/}.
 */
public final class Br2kHome {
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,62}";

    private final Path dir;

    private Br2kHome(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** {@code flag} if given, else {@code $BR2K_HOME}, else {@code ~/.br2k}. */
    public static Br2kHome resolve(Path flag, Map<String, String> env) {
        if (flag != null) {
            return new Br2kHome(flag);
        }
        String fromEnv = env.get("BR2K_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Br2kHome(Path.of(fromEnv));
        }
        return new Br2kHome(Path.of(System.getProperty("user.home"), ".br2k"));
    }

    public static Br2kHome at(Path dir) {
        return new Br2kHome(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path configFile() {
        return dir.resolve("config");
    }

    public Path contextsDir() {
        return dir.resolve("contexts");
    }

    public Path imagesDir() {
        return dir.resolve("images");
    }

    public Path authFile() {
        return dir.resolve("auth.yaml");
    }

    public Path sandboxDir() {
        return dir.resolve("sandbox");
    }

    /** Checks a name given for a context or registry. */
    public static String checkName(String what, String name) {
        if (name == null || !name.matches(NAME)) {
            throw new CliException(dev.br2k.cli.ExitCode.USAGE, what + " name must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        return name;
    }

    /** The config; {@link HomeConfig#EMPTY} when there is none yet. */
    public HomeConfig config() {
        Path file = configFile();
        if (!Files.exists(file)) {
            return HomeConfig.EMPTY;
        }
        FieldReader f = YamlFields.read(file, "BR2K config", "");
        f.string("apiVersion", false, "br2k\\.dev/v1", "br2k.dev/v1");
        f.string("kind", false, "Config", "Config");
        Optional<String> current = f.string("current-context", false, null, null);
        Optional<String> currentImage = f.string("current-image-registry", false, null, null);
        Optional<String> currentService = f.string("current-service-registry", false, null, null);
        List<ContextEntry> contexts = new ArrayList<>();
        for (FieldReader c : f.objects("contexts")) {
            Optional<String> name = c.string("name", true, NAME, "letters, digits, '.', '_' or '-'");
            Optional<String> kindText = c.string("kind", true, "(?i)kubernetes|local", "kubernetes or local");
            Optional<String> file1 = c.string("file", false, null, null);
            Optional<String> service = c.string("service", false, "[a-z0-9]([-a-z0-9]*[a-z0-9])?", "a lower-case DNS label");
            Optional<String> baseDir = c.string("baseDir", false, null, null);
            c.rejectUnknown();
            if (name.isEmpty() || kindText.isEmpty()) {
                continue;
            }
            ContextKind kind = ContextKind.valueOf(kindText.get().toUpperCase(Locale.ROOT));
            if (kind == ContextKind.KUBERNETES && file1.isEmpty()) {
                c.problem("file", "is missing: a kubernetes context names its deployment-context file");
            } else if (kind == ContextKind.LOCAL && (service.isEmpty() || baseDir.isEmpty())) {
                c.problem(service.isEmpty() ? "service" : "baseDir", "is missing: a local context names its service and baseDir");
            } else {
                contexts.add(new ContextEntry(name.get(), kind, file1.map(p -> dir.resolve(p)), service,
                        baseDir.map(p -> dir.resolve(p))));
            }
        }
        List<ImageRegistryEntry> images = new ArrayList<>();
        for (FieldReader r : f.objects("image-registries")) {
            Optional<String> name = r.string("name", true, NAME, "letters, digits, '.', '_' or '-'");
            Optional<String> server = r.string("server", true, "[^/\\s]+", "host:port without a scheme");
            boolean insecure = r.bool("insecure", false);
            r.rejectUnknown();
            if (name.isPresent() && server.isPresent()) {
                images.add(new ImageRegistryEntry(name.get(), server.get(), insecure));
            }
        }
        List<ServiceRegistryEntry> services = new ArrayList<>();
        for (FieldReader r : f.objects("service-registries")) {
            Optional<String> name = r.string("name", true, NAME, "letters, digits, '.', '_' or '-'");
            Optional<String> rpc = r.string("rpcUrl", true, "(?i)(https?|wss?)://.+", "an http(s):// or ws(s):// URL");
            Optional<String> address = r.string("address", true, "0x[0-9a-fA-F]{40}", "0x and 40 hex digits");
            Optional<String> keystore = r.string("keystore", false, null, null);
            Optional<Long> chainId = r.number("chainId", false, 1, Long.MAX_VALUE);
            r.rejectUnknown();
            if (name.isPresent() && rpc.isPresent() && address.isPresent()) {
                services.add(new ServiceRegistryEntry(name.get(), rpc.get(), address.get(), keystore.map(dir::resolve),
                        chainId.map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty())));
            }
        }
        f.rejectUnknown();
        HomeConfig config = new HomeConfig(current, contexts, currentImage, images, currentService, services);
        current.filter(c -> config.context(c).isEmpty())
                .ifPresent(c -> f.problem("current-context", "names \"" + c + "\", which is not in contexts"));
        f.failIfProblems();
        return config;
    }

    /** Writes the config (atomically: a reader sees the old or the new file, never half of one). */
    public void save(HomeConfig config) {
        ObjectNode root = YamlFields.YAML.createObjectNode();
        root.put("apiVersion", "br2k.dev/v1");
        root.put("kind", "Config");
        config.currentContext().ifPresent(c -> root.put("current-context", c));
        config.currentImageRegistry().ifPresent(c -> root.put("current-image-registry", c));
        config.currentServiceRegistry().ifPresent(c -> root.put("current-service-registry", c));
        ArrayNode contexts = root.putArray("contexts");
        for (ContextEntry c : config.contexts()) {
            ObjectNode n = contexts.addObject();
            n.put("name", c.name());
            n.put("kind", c.kind().label());
            c.file().ifPresent(p -> n.put("file", p.toString()));
            c.service().ifPresent(s -> n.put("service", s));
            c.baseDir().ifPresent(p -> n.put("baseDir", p.toString()));
        }
        ArrayNode images = root.putArray("image-registries");
        for (ImageRegistryEntry r : config.imageRegistries()) {
            ObjectNode n = images.addObject();
            n.put("name", r.name());
            n.put("server", r.server());
            n.put("insecure", r.insecure());
        }
        ArrayNode services = root.putArray("service-registries");
        for (ServiceRegistryEntry r : config.serviceRegistries()) {
            ObjectNode n = services.addObject();
            n.put("name", r.name());
            n.put("rpcUrl", r.rpcUrl());
            n.put("address", r.address());
            r.keystore().ifPresent(p -> n.put("keystore", p.toString()));
            r.chainId().ifPresent(id -> n.put("chainId", id));
        }
        try {
            // endpoints and keystore paths: owner-only, as the login file
            writeAtomically(configFile(), YamlFields.YAML.writeValueAsString(root), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Image-registry logins: server to (username, password). */
    public Map<String, RegistryLogin> logins() {
        Map<String, RegistryLogin> out = new LinkedHashMap<>();
        if (!Files.exists(authFile())) {
            return out;
        }
        FieldReader f = YamlFields.read(authFile(), "login file", "");
        for (FieldReader l : f.objects("logins")) {
            Optional<String> server = l.string("server", true, null, null);
            Optional<String> user = l.string("username", true, null, null);
            Optional<String> password = l.string("password", true, null, null);
            l.rejectUnknown();
            if (server.isPresent() && user.isPresent() && password.isPresent()) {
                out.put(server.get(), new RegistryLogin(server.get(), user.get(), password.get()));
            }
        }
        f.rejectUnknown();
        f.failIfProblems();
        return out;
    }

    public void saveLogins(Map<String, RegistryLogin> logins) {
        ObjectNode root = YamlFields.YAML.createObjectNode();
        ArrayNode list = root.putArray("logins");
        for (RegistryLogin l : logins.values()) {
            ObjectNode n = list.addObject();
            n.put("server", l.server());
            n.put("username", l.username());
            n.put("password", l.password());
        }
        try {
            writeAtomically(authFile(), YamlFields.YAML.writeValueAsString(root), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code file} through a temporary file and a rename; {@code secret} makes it owner-only. */
    public static void writeAtomically(Path file, String text, boolean secret) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            if (secret) {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the default permissions stay
                }
            }
            Files.writeString(tmp, text);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
