package dev.br2k.cluster.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a deployment context from YAML or JSON and validates every field with {@link FieldReader}; all
 * problems are reported at once, each naming its field.
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
        FieldReader f;
        try {
            f = FieldReader.parse(text, InvalidContextException.WHAT, source, baseDir);
        } catch (InvalidFileException e) {
            throw new InvalidContextException(source, e.problems().get(0).message(), e.getCause());
        }
        String service = f.string("service", true, DNS_LABEL, "a lower-case DNS label such as \"infodid\"").orElse(null);
        String name = f.string("name", false, null, null).orElse(service);
        Optional<String> apiServer = f.string("apiServer", false, "https?://.+", "an http(s):// URL");
        Optional<String> token = f.string("token", false, null, null);
        Optional<Path> ca = f.file("certificateAuthority");
        boolean insecure = f.bool("insecureSkipTlsVerify", false);
        Optional<String> kubeContext = f.string("kubeconfigContext", false, null, null);
        if (apiServer.isEmpty() && kubeContext.isEmpty() && !f.present("apiServer")) {
            f.problem("apiServer", "is missing: give the API server URL, or kubeconfigContext to use an existing kubeconfig context");
        }
        String namespace = f.string("namespace", false, DNS_LABEL, "a lower-case DNS label").orElse("default");
        Map<String, String> nodeLabels = f.labels("nodeLabels");
        long networkId = f.number("networkId", true, 1, Long.MAX_VALUE).orElse(0L);
        Protocol protocol = f.enumValue("protocol", Protocol.class).orElse(Protocol.HTTP);
        List<String> endpoints = f.strings("endpoints");
        int port = f.integer("port", true, 1, 65535).orElse(0);
        String statePath = f.string("stateMountPath", true, "/.*", "an absolute path").orElse(null);
        String etcdPath = f.string("etcdMountPath", true, "/.*", "an absolute path").orElse(null);
        if (statePath != null && statePath.equals(etcdPath)) {
            f.problem("etcdMountPath", "must differ from stateMountPath");
        }
        String image = f.string("image", true, "\\S+", "an image reference without spaces").orElse(null);
        String etcdImage = f.string("etcdImage", false, "\\S+", "an image reference without spaces").orElse(DeploymentContext.DEFAULT_ETCD_IMAGE);
        int maxReplicas = f.integer("maxReplicas", true, 1, 99).orElse(0);
        int replicas = f.integer("replicas", false, 1, 99).orElse(3);
        if (maxReplicas > 0 && replicas > maxReplicas && f.present("maxReplicas")) {
            f.problem("replicas", "is " + replicas + ", more than maxReplicas " + maxReplicas);
        }
        String storageSize = f.string("storageSize", false, QUANTITY, "a quantity such as 1Gi").orElse("1Gi");
        Optional<String> storageClass = f.string("storageClass", false, null, null);
        Optional<String> backupStorageClass = f.string("backupStorageClass", false, null, null);
        ServiceExposure exposure = ServiceExposure.CLUSTER_IP;
        Optional<String> type = f.string("serviceType", false, null, null);
        if (type.isPresent()) {
            try {
                exposure = ServiceExposure.fromKubernetesType(type.get());
            } catch (IllegalArgumentException e) {
                f.problem("serviceType", "is \"" + type.get() + "\"; expected ClusterIP, NodePort or LoadBalancer");
            }
        }
        Optional<ImageRegistry> registry = Optional.empty();
        Optional<FieldReader> reg = f.object("imageRegistry");
        if (reg.isPresent()) {
            Optional<String> server = reg.get().string("server", true, "\\S+", "a registry host");
            Optional<String> user = reg.get().string("username", true, null, null);
            Optional<String> password = reg.get().string("password", true, null, null);
            reg.get().rejectUnknown();
            if (server.isPresent() && user.isPresent() && password.isPresent()) {
                registry = Optional.of(new ImageRegistry(server.get(), user.get(), password.get()));
            }
        }
        List<String> pullSecrets = f.strings("imagePullSecrets");
        for (int i = 0; i < pullSecrets.size(); i++) {
            if (!pullSecrets.get(i).matches("[a-z0-9]([-.a-z0-9]*[a-z0-9])?")) {
                f.problem("imagePullSecrets[" + i + "]", "is \"" + pullSecrets.get(i) + "\", which is not a valid Secret name");
            }
        }
        Optional<Path> keystore = f.file("keystore");
        EtcdTls tls = EtcdTls.NONE;
        Optional<FieldReader> t = f.object("etcdTls");
        if (t.isPresent()) {
            boolean peer = t.get().bool("peer", false);
            boolean client = t.get().bool("client", false);
            Optional<String> secret = t.get().string("secretName", false, DNS_LABEL, "a Secret name");
            t.get().rejectUnknown();
            tls = new EtcdTls(peer, client, secret);
        }
        f.rejectUnknown();

        if (f.hasProblems()) {
            throw new InvalidContextException(source, f.problems());
        }
        return new DeploymentContext(name, service, apiServer, token, ca, insecure, kubeContext, namespace, nodeLabels,
                networkId, protocol, endpoints, port, statePath, etcdPath, image, etcdImage, replicas, maxReplicas,
                storageSize, storageClass, backupStorageClass, exposure, registry, pullSecrets, keystore, tls);
    }
}
