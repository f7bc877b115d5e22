package dev.br2k.cluster.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a deployment context from YAML or JSON and validates every field; all problems are reported
 * at once, each naming its field.
 *
 * <pre>{@code
 * name: lab
 * service: infodid
 * apiServer: https://10.0.0.1:6443
 * token: eyJhbGciOi...
 * namespace: br2k
 * nodeLabels: { br2k.dev/replica-node: "true" }
 * networkId: 31337
 * protocol: HTTP
 * endpoints: [ "https://infodid.example.org" ]
 * port: 8080
 * stateMountPath: /var/lib/br2k/state
 * etcdMountPath: /var/lib/etcd
 * image: harbor.example.org/br2k/infodid:1.0
 * replicas: 3
 * maxReplicas: 5
 * }</pre>
 *
 * Paths in the file ({@code certificateAuthority}, {@code keystore}) are relative to the file's directory.
 */
public final class DeploymentContextParser {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String QUANTITY = "[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?";

    private DeploymentContextParser() {
    }

    /** Reads a context file. */
    public static DeploymentContext parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidContextException(file.toString(), "it cannot be read (" + e.getMessage() + ")", e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), base == null ? Path.of(".") : base);
    }

    /** Reads context text (YAML or JSON); {@code source} names it in errors, {@code baseDir} resolves relative paths. */
    public static DeploymentContext parse(String text, String source, Path baseDir) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidContextException(source, "it is not valid YAML or JSON (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidContextException(source, List.of(new ContextProblem("(file)", "must be a mapping of fields")));
        }
        Fields f = new Fields((ObjectNode) root, "", baseDir);

        String service = f.string("service", true, DNS_LABEL, "a lower-case DNS label such as \"infodid\"", null);
        String name = f.string("name", false, null, null, service);
        Optional<String> apiServer = Optional.ofNullable(f.string("apiServer", false, "https?://.+", "an http(s):// URL", null));
        Optional<String> token = Optional.ofNullable(f.string("token", false, null, null, null));
        Optional<Path> ca = Optional.ofNullable(f.file("certificateAuthority"));
        boolean insecure = f.bool("insecureSkipTlsVerify", false);
        Optional<String> kubeContext = Optional.ofNullable(f.string("kubeconfigContext", false, null, null, null));
        if (apiServer.isEmpty() && kubeContext.isEmpty() && f.present("apiServer") == false) {
            f.problem("apiServer", "is missing: give the API server URL, or kubeconfigContext to use an existing kubeconfig context");
        }
        String namespace = f.string("namespace", false, DNS_LABEL, "a lower-case DNS label", "default");
        Map<String, String> nodeLabels = f.stringMap("nodeLabels");
        long networkId = f.integer("networkId", true, 1, Long.MAX_VALUE, 0);
        Protocol protocol = f.enumValue("protocol", Protocol.class, Protocol.HTTP);
        List<String> endpoints = f.stringList("endpoints");
        int port = (int) f.integer("port", true, 1, 65535, 0);
        String statePath = f.string("stateMountPath", true, "/.*", "an absolute path", null);
        String etcdPath = f.string("etcdMountPath", true, "/.*", "an absolute path", null);
        if (statePath != null && statePath.equals(etcdPath)) {
            f.problem("etcdMountPath", "must differ from stateMountPath");
        }
        String image = f.string("image", true, "\\S+", "an image reference without spaces", null);
        String etcdImage = f.string("etcdImage", false, "\\S+", "an image reference without spaces", DeploymentContext.DEFAULT_ETCD_IMAGE);
        int maxReplicas = (int) f.integer("maxReplicas", true, 1, 99, 0);
        int replicas = (int) f.integer("replicas", false, 1, 99, 3);
        if (maxReplicas > 0 && replicas > maxReplicas && f.present("maxReplicas")) {
            f.problem("replicas", "is " + replicas + ", more than maxReplicas " + maxReplicas);
        }
        String storageSize = f.string("storageSize", false, QUANTITY, "a quantity such as 1Gi", "1Gi");
        Optional<String> storageClass = Optional.ofNullable(f.string("storageClass", false, null, null, null));
        ServiceExposure exposure = ServiceExposure.CLUSTER_IP;
        String type = f.string("serviceType", false, null, null, null);
        if (type != null) {
            try {
                exposure = ServiceExposure.fromKubernetesType(type);
            } catch (IllegalArgumentException e) {
                f.problem("serviceType", "is \"" + type + "\"; expected ClusterIP, NodePort or LoadBalancer");
            }
        }
        Optional<ImageRegistry> registry = Optional.empty();
        Fields reg = f.object("imageRegistry");
        if (reg != null) {
            String server = reg.string("server", true, "\\S+", "a registry host", null);
            String user = reg.string("username", true, null, null, null);
            String password = reg.string("password", true, null, null, null);
            reg.rejectUnknown();
            if (server != null && user != null && password != null) {
                registry = Optional.of(new ImageRegistry(server, user, password));
            }
        }
        List<String> pullSecrets = f.stringList("imagePullSecrets");
        for (int i = 0; i < pullSecrets.size(); i++) {
            if (!pullSecrets.get(i).matches("[a-z0-9]([-.a-z0-9]*[a-z0-9])?")) {
                f.problem("imagePullSecrets[" + i + "]", "\"" + pullSecrets.get(i) + "\" is not a valid Secret name");
            }
        }
        Optional<Path> keystore = Optional.ofNullable(f.file("keystore"));
        EtcdTls tls = EtcdTls.NONE;
        Fields t = f.object("etcdTls");
        if (t != null) {
            boolean peer = t.bool("peer", false);
            boolean client = t.bool("client", false);
            Optional<String> secret = Optional.ofNullable(t.string("secretName", false, DNS_LABEL, "a Secret name", null));
            t.rejectUnknown();
            tls = new EtcdTls(peer, client, secret);
        }
        f.rejectUnknown();

        if (!f.problems.isEmpty()) {
            throw new InvalidContextException(source, f.problems);
        }
        return new DeploymentContext(name, service, apiServer, token, ca, insecure, kubeContext, namespace, nodeLabels,
                networkId, protocol, endpoints, port, statePath, etcdPath, image, etcdImage, replicas, maxReplicas,
                storageSize, storageClass, exposure, registry, pullSecrets, keystore, tls);
    }

    /** Reads fields of one mapping, remembers which were read, and collects problems. */
    private static final class Fields {
        private final ObjectNode node;
        private final String prefix;
        private final Path baseDir;
        private final List<ContextProblem> problems;
        private final List<String> known = new ArrayList<>();

        Fields(ObjectNode node, String prefix, Path baseDir) {
            this(node, prefix, baseDir, new ArrayList<>());
        }

        private Fields(ObjectNode node, String prefix, Path baseDir, List<ContextProblem> problems) {
            this.node = node;
            this.prefix = prefix;
            this.baseDir = baseDir;
            this.problems = problems;
        }

        void problem(String field, String message) {
            problems.add(new ContextProblem(prefix + field, message));
        }

        boolean present(String field) {
            JsonNode v = node.get(field);
            return v != null && !v.isNull();
        }

        private JsonNode get(String field, boolean required) {
            known.add(field);
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    problem(field, "is missing");
                }
                return null;
            }
            return v;
        }

        String string(String field, boolean required, String pattern, String expected, String fallback) {
            JsonNode v = get(field, required);
            if (v == null) {
                return fallback;
            }
            if (!v.isValueNode() || v.isBoolean()) {
                problem(field, "must be a string");
                return fallback;
            }
            String s = v.asText().trim();
            if (s.isEmpty()) {
                problem(field, "is empty");
                return fallback;
            }
            if (pattern != null && !s.matches(pattern)) {
                problem(field, "is \"" + s + "\"; expected " + expected);
                return fallback;
            }
            return s;
        }

        long integer(String field, boolean required, long min, long max, long fallback) {
            JsonNode v = get(field, required);
            if (v == null) {
                return fallback;
            }
            long value;
            if (v.isIntegralNumber()) {
                value = v.asLong();
            } else if (v.isTextual() && v.asText().trim().matches("-?[0-9]+")) {
                value = Long.parseLong(v.asText().trim());
            } else {
                problem(field, "is \"" + v.asText() + "\"; expected a whole number");
                return fallback;
            }
            if (value < min || value > max) {
                problem(field, "is " + value + "; expected " + (max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max));
                return fallback;
            }
            return value;
        }

        boolean bool(String field, boolean fallback) {
            JsonNode v = get(field, false);
            if (v == null) {
                return fallback;
            }
            if (v.isBoolean()) {
                return v.asBoolean();
            }
            if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(v.asText());
            }
            problem(field, "is \"" + v.asText() + "\"; expected true or false");
            return fallback;
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
            String s = string(field, false, null, null, null);
            if (s == null) {
                return fallback;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s)) {
                    return e;
                }
            }
            problem(field, "is \"" + s + "\"; expected one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return fallback;
        }

        Path file(String field) {
            String s = string(field, false, null, null, null);
            if (s == null) {
                return null;
            }
            Path p = baseDir.resolve(s).normalize();
            if (!Files.isRegularFile(p)) {
                problem(field, "names " + p + ", which is not a readable file");
                return null;
            }
            return p;
        }

        Map<String, String> stringMap(String field) {
            JsonNode v = get(field, false);
            if (v == null) {
                return Map.of();
            }
            if (!v.isObject()) {
                problem(field, "must be a mapping of label to value, e.g. { br2k.dev/node: \"true\" }");
                return Map.of();
            }
            Map<String, String> out = new java.util.LinkedHashMap<>();
            v.fields().forEachRemaining(e -> {
                if (!e.getKey().matches("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
                    problem(field + "." + e.getKey(), "is not a valid label key");
                } else if (!e.getValue().isValueNode() || !e.getValue().asText().matches("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?")) {
                    problem(field + "." + e.getKey(), "has value \"" + e.getValue().asText() + "\", which is not a valid label value");
                } else {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
            return out;
        }

        List<String> stringList(String field) {
            JsonNode v = get(field, false);
            if (v == null) {
                return List.of();
            }
            if (!v.isArray()) {
                problem(field, "must be a list");
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
                    problem(field + "[" + i + "]", "must be a non-empty string");
                } else {
                    out.add(v.get(i).asText().trim());
                }
            }
            return out;
        }

        Fields object(String field) {
            JsonNode v = get(field, false);
            if (v == null) {
                return null;
            }
            if (!v.isObject()) {
                problem(field, "must be a mapping");
                return null;
            }
            return new Fields((ObjectNode) v, prefix + field + ".", baseDir, problems);
        }

        void rejectUnknown() {
            node.fieldNames().forEachRemaining(n -> {
                if (!known.contains(n)) {
                    problem(n, "is not a known field (known: " + String.join(", ", known) + ")");
                }
            });
        }
    }
}
