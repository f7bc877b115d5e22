package dev.br2k.watch.kube;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The kubeconfig files kubectl would read — {@code $KUBECONFIG} (a list separated by the path
 * separator), else {@code ~/.kube/config} — and the contexts they define. As with kubectl, the first
 * file that defines a context or a cluster wins, and the current context is the first file's that
 * names one.
 *
 * @param files          the files read, in order
 * @param contexts       every context, in file order
 * @param currentContext the current context, if a file names one
 */
public record Kubeconfigs(List<Path> files, List<KubeContext> contexts, Optional<String> currentContext) {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    public Kubeconfigs {
        files = List.copyOf(files);
        contexts = List.copyOf(contexts);
        Objects.requireNonNull(currentContext, "currentContext");
    }

    /** The files kubectl reads in this environment; missing ones are listed too (they hold no context). */
    public static List<Path> defaultFiles(Map<String, String> env, Path home) {
        String list = env.get("KUBECONFIG");
        if (list != null && !list.isBlank()) {
            List<Path> files = new ArrayList<>();
            for (String part : list.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    files.add(Path.of(part.trim()));
                }
            }
            return files;
        }
        return List.of(home.resolve(".kube").resolve("config"));
    }

    /** {@link #read} of {@link #defaultFiles} for this process. */
    public static Kubeconfigs fromEnvironment() {
        return read(defaultFiles(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    /**
     * Reads the files; a missing file is skipped.
     *
     * @throws KubeconfigException naming the file that cannot be read or parsed
     */
    public static Kubeconfigs read(List<Path> files) {
        Map<String, KubeContext> contexts = new LinkedHashMap<>();
        Map<String, NamedCluster> clusters = new LinkedHashMap<>();
        List<Config> configs = new ArrayList<>();
        List<Path> read = new ArrayList<>();
        Optional<String> current = Optional.empty();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Config config = parse(file);
            configs.add(config);
            read.add(file);
            if (config.getClusters() != null) {
                config.getClusters().forEach(c -> clusters.putIfAbsent(c.getName(), c));
            }
            if (current.isEmpty() && config.getCurrentContext() != null && !config.getCurrentContext().isBlank()) {
                current = Optional.of(config.getCurrentContext());
            }
        }
        for (int i = 0; i < configs.size(); i++) {
            Config config = configs.get(i);
            if (config.getContexts() == null) {
                continue;
            }
            for (NamedContext c : config.getContexts()) {
                if (c.getName() == null || c.getContext() == null || contexts.containsKey(c.getName())) {
                    continue;
                }
                String clusterName = c.getContext().getCluster() == null ? "" : c.getContext().getCluster();
                NamedCluster cluster = clusters.get(clusterName);
                String server = cluster == null || cluster.getCluster() == null || cluster.getCluster().getServer() == null
                        ? "" : cluster.getCluster().getServer();
                String namespace = c.getContext().getNamespace() == null || c.getContext().getNamespace().isBlank()
                        ? "default" : c.getContext().getNamespace();
                contexts.put(c.getName(), new KubeContext(c.getName(), clusterName, server, namespace, read.get(i)));
            }
        }
        return new Kubeconfigs(read, new ArrayList<>(contexts.values()), current);
    }

    /** The context of that name. */
    public Optional<KubeContext> context(String name) {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static Config parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KubeconfigException("Cannot read the kubeconfig " + file + ": " + e.getMessage()
                    + ". Check that the file is readable, or point KUBECONFIG at another one.", e);
        }
        if (text.isBlank()) {
            return new Config();
        }
        try {
            Config config = YAML.unmarshal(text, Config.class);
            return config == null ? new Config() : config;
        } catch (RuntimeException e) {
            throw new KubeconfigException("The kubeconfig " + file + " is not valid YAML kubeconfig ("
                    + firstLine(e.getMessage()) + "). Fix it (kubectl config view shows what kubectl reads) "
                    + "or point KUBECONFIG at another file.", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
