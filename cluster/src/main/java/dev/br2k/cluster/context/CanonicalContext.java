package dev.br2k.cluster.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.TreeMap;

/**
 * The one canonical form of a deployment context: what {@code spray} keeps beside the service (ConfigMap
 * {@code <svc>-context}) and what {@code br2k register} hashes into the registry's {@code contextHash}, so the two
 * can be compared. JSON with sorted keys and no white space, holding what the service's objects are built from and
 * nothing secret or machine-bound:
 * <ul>
 *   <li>no credentials: the keystore file and the image registry's user and password stay in the Secrets
 *       {@code <svc>-keystore} and {@code <svc>-registry}; only whether they exist ({@code keystore: true},
 *       {@code imageRegistry: "<server>"}) is recorded;</li>
 *   <li>no connection (API server, token, CA, kubeconfig context, context name): another machine reaches the same
 *       namespace its own way;</li>
 *   <li>no replica count: it changes with every ADD and REDUCE, and the StatefulSet and the registry hold it.</li>
 * </ul>
 */
public final class CanonicalContext {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CanonicalContext() {
    }

    /** The canonical text of {@code ctx}. */
    public static String of(DeploymentContext ctx) {
        ObjectNode o = JSON.createObjectNode();
        o.put("service", ctx.service());
        o.put("namespace", ctx.namespace());
        o.putPOJO("nodeLabels", new TreeMap<>(ctx.nodeLabels()));
        o.put("networkId", ctx.networkId());
        o.put("protocol", ctx.protocol().name());
        ArrayNode endpoints = o.putArray("endpoints");
        ctx.endpoints().forEach(endpoints::add);
        o.put("port", ctx.port());
        o.put("stateMountPath", ctx.stateMountPath());
        o.put("etcdMountPath", ctx.etcdMountPath());
        o.put("image", ctx.image());
        o.put("etcdImage", ctx.etcdImage());
        o.put("maxReplicas", ctx.maxReplicas());
        o.put("storageSize", ctx.storageSize());
        ctx.storageClass().ifPresent(c -> o.put("storageClass", c));
        ctx.backupStorageClass().ifPresent(c -> o.put("backupStorageClass", c));
        o.put("serviceType", ctx.exposure().kubernetesType());
        ctx.imageRegistry().ifPresent(r -> o.put("imageRegistry", r.server()));
        ArrayNode pull = o.putArray("imagePullSecrets");
        ctx.imagePullSecrets().forEach(pull::add);
        o.put("keystore", ctx.keystore().isPresent());
        ObjectNode tls = o.putObject("etcdTls");
        tls.put("peer", ctx.etcdTls().peer());
        tls.put("client", ctx.etcdTls().client());
        ctx.etcdTls().secretName().ifPresent(s -> tls.put("secretName", s));
        return write(o);
    }

    /** SHA-256 of the canonical text (UTF-8): the registry's {@code contextHash}. */
    public static byte[] hash(DeploymentContext ctx) {
        return hash(of(ctx));
    }

    /** SHA-256 of a canonical text as kept (UTF-8). */
    public static byte[] hash(String canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Reads a canonical text back into a context for a caller that reaches the namespace through the kubeconfig
     * context {@code kubeContext}. The Secrets are referred to by name and not rewritten: the image registry's
     * becomes the first image pull Secret (as deploy puts it), and {@link StoredContext#keystoreSecret()} says the
     * keystore Secret is to stay mounted.
     *
     * @param registrySecret the name of the image registry's Secret ({@code <svc>-registry})
     * @param replicas       the replica count the cluster holds now (1 when none)
     * @throws InvalidContextException naming the field when the text is not a context
     */
    public static StoredContext read(String canonical, String source, String kubeContext, String registrySecret, int replicas) {
        ObjectNode o;
        try {
            o = (ObjectNode) JSON.readTree(canonical);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new InvalidContextException(source, "it is not the JSON object spray writes (" + e.getMessage() + ")", e);
        }
        boolean keystore = o.path("keystore").asBoolean(false);
        o.remove("keystore");
        ArrayNode pull = JSON.createArrayNode();
        if (o.hasNonNull("imageRegistry")) {
            pull.add(registrySecret);
        }
        o.remove("imageRegistry");
        o.path("imagePullSecrets").forEach(pull::add);
        o.set("imagePullSecrets", pull);
        o.put("name", kubeContext);
        o.put("kubeconfigContext", kubeContext);
        o.put("replicas", Math.max(1, Math.min(replicas, o.path("maxReplicas").asInt(1))));
        DeploymentContext ctx = DeploymentContextParser.parse(write(o), source, Path.of("."));
        return new StoredContext(ctx, keystore, canonical);
    }

    private static String write(ObjectNode o) {
        try {
            // sort the object's own fields too: the text must not depend on the order they were put in
            return JSON.writeValueAsString(JSON.treeToValue(o, TreeMap.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
