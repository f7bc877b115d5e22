package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.ImageRegistry;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.br2k.cluster.kubernetes.KubernetesNames.*;

/**
 * The Kubernetes objects a service should have, built from its context with fabric8's fluent
 * builders. Pure functions (the keystore Secret reads the keystore file): no client, no cluster.
 */
public final class DesiredState {

    /** A StatefulSet's name goes into its pods' controller-revision-hash label (63 characters) with an 11-character suffix. */
    static final int MAX_STATEFULSET_NAME = 52;
    private static final java.util.regex.Pattern DNS_1035 = java.util.regex.Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    /** The user the pods run as: the non-root user of the images {@code br2k build} makes; fsGroup lets it write the volumes. */
    static final long POD_USER = 10001;
    /** Requests and memory limits (a JVM sizes its heap from the limit: a quarter of it by default). */
    static final String SERVICE_CPU = "250m";
    static final String SERVICE_MEMORY = "512Mi";
    static final String SERVICE_MEMORY_LIMIT = "1Gi";
    static final String ETCD_CPU = "100m";
    static final String ETCD_MEMORY = "256Mi";
    /** etcd maps its whole database (quota 2 GiB by default) into memory. */
    static final String ETCD_MEMORY_LIMIT = "2Gi";

    static final String LEADER_LABEL_CONTAINER = "leader-label";
    /** Where {@code br2k build} puts the labeller's classes and the Java runtime in the image. */
    static final String LEADER_LABEL_CLASSPATH = "/opt/br2k/leader-label"; // as ImageBuilder puts it
    static final String IMAGE_JAVA = "/opt/java/bin/java";

    private DesiredState() {
    }

    /**
     * What the context asks for that a real cluster would refuse or that could not run, each as a sentence
     * that says what to change; empty when the objects can be applied.
     */
    public static List<String> refusals(DeploymentContext ctx) {
        List<String> out = new ArrayList<>();
        if (!DNS_1035.matcher(ctx.service()).matches()) {
            out.add("the service name '" + ctx.service() + "' names Kubernetes Services, which must start with a letter"
                    + " and hold only lower-case letters, digits and '-' (DNS-1035): rename the service");
        }
        if (KubernetesNames.statefulSet(ctx).length() > MAX_STATEFULSET_NAME) {
            out.add("the service name '" + ctx.service() + "' is " + ctx.service().length() + " characters; a StatefulSet"
                    + " name may have at most " + MAX_STATEFULSET_NAME + " (its pods' revision label adds 11): shorten it");
        }
        if (ctx.protocol() == dev.br2k.cluster.context.Protocol.HTTPS) {
            out.add("protocol HTTPS: the BR2K runtime serves plain HTTP, so HTTPS probes would never pass and no pod would"
                    + " become Ready; set protocol: HTTP and terminate TLS in front of the Service (an Ingress or load balancer)");
        }
        return out;
    }

    /**
     * Why {@code desired} cannot replace {@code running}: the volume claim templates of a StatefulSet are
     * immutable (the API server answers 422), so a changed storage size, class or claim list is refused
     * here with what to do instead. Empty when nothing runs yet or the templates are unchanged.
     */
    public static Optional<String> claimTemplateChange(StatefulSet running, StatefulSet desired) {
        if (running == null) {
            return Optional.empty();
        }
        Map<String, String> before = claimSummary(running);
        Map<String, String> after = claimSummary(desired);
        if (before.equals(after)) {
            return Optional.empty();
        }
        return Optional.of("The volume claims of StatefulSet " + running.getMetadata().getName() + " cannot change on a"
                + " running service (Kubernetes refuses any change to volumeClaimTemplates): the cluster has " + before
                + ", the context asks for " + after + ". Put storageSize and storageClass back to the running values; to"
                + " grow the volumes, expand each claim with kubectl (kubectl patch pvc ... where the storage class allows"
                + " expansion), or deploy the service anew under another name.");
    }

    private static Map<String, String> claimSummary(StatefulSet s) {
        Map<String, String> out = new java.util.TreeMap<>();
        List<PersistentVolumeClaim> claims = s.getSpec().getVolumeClaimTemplates() == null ? List.of() : s.getSpec().getVolumeClaimTemplates();
        for (PersistentVolumeClaim c : claims) {
            Quantity size = c.getSpec().getResources() == null || c.getSpec().getResources().getRequests() == null ? null
                    : c.getSpec().getResources().getRequests().get("storage");
            out.put(c.getMetadata().getName(), (size == null ? "no size" : size.toString()) + " of storage class "
                    + (c.getSpec().getStorageClassName() == null ? "(the default)" : c.getSpec().getStorageClassName())
                    + " " + c.getSpec().getAccessModes());
        }
        return out;
    }

    /**
     * The StatefulSet: one pod per replica with the service container and an etcd container, node
     * affinity from the context's labels, pod anti-affinity on the host, a volume claim each for the
     * service state and etcd, kept when scaled down or deleted. The service container gets only the
     * variables the runtime reads ({@code Br2kEnvironment.VARIABLES} in core-replication).
     */
    public static StatefulSet statefulSet(DeploymentContext ctx, int replicas) {
        return statefulSet(ctx, replicas, ctx.keystore().isPresent());
    }

    /**
     * The StatefulSet, mounting the keystore Secret when {@code keystoreMounted}: also for a context read back from
     * the namespace, which names the Secret but does not hold the keystore.
     */
    public static StatefulSet statefulSet(DeploymentContext ctx, int replicas, boolean keystoreMounted) {
        List<VolumeMount> serviceMounts = new ArrayList<>();
        serviceMounts.add(mount(STATE_VOLUME, ctx.stateMountPath(), false));
        List<VolumeMount> etcdMounts = new ArrayList<>();
        etcdMounts.add(mount(ETCD_VOLUME, ctx.etcdMountPath(), false));
        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder().withName(BACKUP_VOLUME)
                .withNewPersistentVolumeClaim().withClaimName(KubernetesNames.backupClaim(ctx)).endPersistentVolumeClaim().build());
        serviceMounts.add(mount(BACKUP_VOLUME, BACKUP_MOUNT, false));
        if (keystoreMounted) {
            volumes.add(new VolumeBuilder().withName(KEYSTORE_VOLUME)
                    .withNewSecret().withSecretName(KubernetesNames.keystoreSecret(ctx)).withDefaultMode(0400).endSecret().build());
            serviceMounts.add(mount(KEYSTORE_VOLUME, KEYSTORE_MOUNT, true));
        }
        volumes.add(new VolumeBuilder().withName(KubernetesNames.ADMIN_VOLUME)
                .withNewSecret().withSecretName(KubernetesNames.adminSecret(ctx)).withDefaultMode(0400).endSecret().build());
        serviceMounts.add(mount(KubernetesNames.ADMIN_VOLUME, KubernetesNames.ADMIN_MOUNT, true));
        volumes.add(new VolumeBuilder().withName(KubernetesNames.BACKUP_LOG_KEY_VOLUME)
                .withNewSecret().withSecretName(KubernetesNames.backupLogKeySecret(ctx)).withDefaultMode(0400).endSecret().build());
        serviceMounts.add(mount(KubernetesNames.BACKUP_LOG_KEY_VOLUME, KubernetesNames.BACKUP_LOG_KEY_MOUNT, true));
        if (ctx.etcdTls().enabled()) {
            volumes.add(new VolumeBuilder().withName(TLS_VOLUME)
                    .withNewSecret().withSecretName(tlsSecret(ctx)).withDefaultMode(0400).endSecret().build());
            etcdMounts.add(mount(TLS_VOLUME, TLS_MOUNT, true));
            if (ctx.etcdTls().client()) {
                serviceMounts.add(mount(TLS_VOLUME, TLS_MOUNT, true)); // the runtime's client certificate
            }
        }
        List<LocalObjectReference> pullSecrets = new ArrayList<>();
        ctx.imageRegistry().ifPresent(r -> pullSecrets.add(new LocalObjectReference(KubernetesNames.registrySecret(ctx))));
        ctx.imagePullSecrets().forEach(s -> pullSecrets.add(new LocalObjectReference(s)));

        List<NodeSelectorRequirement> nodeRequirements = ctx.nodeLabels().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new NodeSelectorRequirementBuilder().withKey(e.getKey()).withOperator("In")
                        .withValues(e.getValue()).build())
                .toList();

        StatefulSetBuilder b = new StatefulSetBuilder()
                .withNewMetadata()
                    .withName(KubernetesNames.statefulSet(ctx))
                    .withNamespace(ctx.namespace())
                    .withLabels(labels(ctx.service()))
                .endMetadata()
                .withNewSpec()
                    .withReplicas(replicas)
                    .withServiceName(KubernetesNames.peerService(ctx))
                    .withPodManagementPolicy("Parallel")
                    .withNewSelector().withMatchLabels(selector(ctx.service())).endSelector()
                    .withNewPersistentVolumeClaimRetentionPolicy()
                        .withWhenScaled("Retain").withWhenDeleted("Retain")
                    .endPersistentVolumeClaimRetentionPolicy()
                    .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels(ctx.service())).endMetadata()
                        .withNewSpec()
                            .withContainers(serviceContainer(ctx, serviceMounts), etcdContainer(ctx, etcdMounts),
                                    leaderLabelContainer(ctx))
                            .withServiceAccountName(KubernetesNames.serviceAccount(ctx))
                            .withVolumes(volumes)
                            .withImagePullSecrets(pullSecrets)
                            .withTerminationGracePeriodSeconds(30L)
                            .withNewSecurityContext()
                                .withRunAsNonRoot(true).withRunAsUser(POD_USER).withRunAsGroup(POD_USER)
                                .withFsGroup(POD_USER).withFsGroupChangePolicy("OnRootMismatch")
                                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                            .endSecurityContext()
                            .withNewAffinity()
                                .withNewPodAntiAffinity()
                                    .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                                        .withNewLabelSelector().withMatchLabels(selector(ctx.service())).endLabelSelector()
                                        .withTopologyKey("kubernetes.io/hostname")
                                    .endRequiredDuringSchedulingIgnoredDuringExecution()
                                .endPodAntiAffinity()
                            .endAffinity()
                        .endSpec()
                    .endTemplate()
                    .withVolumeClaimTemplates(claimTemplate(ctx, STATE_VOLUME), claimTemplate(ctx, ETCD_VOLUME))
                .endSpec();
        if (!nodeRequirements.isEmpty()) {
            b.editSpec().editTemplate().editSpec().editAffinity()
                    .withNewNodeAffinity()
                        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
                            .addNewNodeSelectorTerm().withMatchExpressions(nodeRequirements).endNodeSelectorTerm()
                        .endRequiredDuringSchedulingIgnoredDuringExecution()
                    .endNodeAffinity()
                    .endAffinity().endSpec().endTemplate().endSpec();
        }
        return b.build();
    }

    static Container serviceContainer(DeploymentContext ctx, List<VolumeMount> mounts) {
        String advertiseScheme = "http";
        String etcdScheme = clientScheme(ctx);
        List<EnvVar> env = new ArrayList<>();
        env.add(fieldEnv("POD_NAME", "metadata.name"));
        env.add(env("BR2K_SERVICE", ctx.service()));
        env.add(env("BR2K_REPLICA_ID", "$(POD_NAME)"));
        env.add(env("BR2K_ETCD_ENDPOINTS", etcdScheme + "://127.0.0.1:" + ETCD_CLIENT_PORT + ","
                + etcdScheme + "://" + KubernetesNames.peerService(ctx) + "." + ctx.namespace() + ".svc:" + ETCD_CLIENT_PORT));
        env.add(env("BR2K_HTTP_HOST", "0.0.0.0"));
        env.add(env("BR2K_HTTP_PORT", Integer.toString(ctx.port())));
        env.add(env("BR2K_ADVERTISE_URL", advertiseScheme + "://$(POD_NAME)." + KubernetesNames.peerService(ctx) + "."
                + ctx.namespace() + ".svc:" + ctx.port()));
        env.add(env("BR2K_STATE_DIR", ctx.stateMountPath() + "/state"));
        // Every replica must reach every backup (a new or replaced one restores the newest): a shared claim.
        env.add(env("BR2K_BACKUP_DIR", BACKUP_MOUNT));
        env.add(env("BR2K_BACKUP_LOG_FILE", BACKUP_MOUNT + "/backup-log.jsonl"));
        env.add(env("BR2K_BACKUP_LOG_KEY_FILE", KubernetesNames.BACKUP_LOG_KEY_MOUNT + "/" + KubernetesNames.BACKUP_LOG_KEY_KEY));
        env.add(env("BR2K_ADMIN_TOKEN_FILE", KubernetesNames.ADMIN_MOUNT + "/" + KubernetesNames.ADMIN_TOKEN_KEY));
        if (ctx.etcdTls().client()) {
            // etcd requires a client certificate: the runtime presents the Secret's (etcd's own, serverAuth + clientAuth)
            env.add(env("BR2K_ETCD_CA_FILE", TLS_MOUNT + "/ca.crt"));
            env.add(env("BR2K_ETCD_CERT_FILE", TLS_MOUNT + "/tls.crt"));
            env.add(env("BR2K_ETCD_KEY_FILE", TLS_MOUNT + "/tls.key"));
        }
        return new ContainerBuilder()
                .withName(SERVICE_CONTAINER)
                .withImage(ctx.image())
                .withImagePullPolicy("IfNotPresent")
                .addNewPort().withName("http").withContainerPort(ctx.port()).withProtocol("TCP").endPort()
                .withEnv(env)
                .withVolumeMounts(mounts)
                .withSecurityContext(containerSecurity())
                .withResources(resources(SERVICE_CPU, SERVICE_MEMORY, SERVICE_MEMORY_LIMIT))
                .withNewReadinessProbe()
                    .withNewHttpGet().withPath("/br2k/status").withNewPort(ctx.port())
                        .withScheme(ctx.protocol() == dev.br2k.cluster.context.Protocol.HTTPS ? "HTTPS" : "HTTP").endHttpGet()
                    .withPeriodSeconds(5).withFailureThreshold(3)
                .endReadinessProbe()
                .build();
    }

    /** The sidecar that labels the pod while its replica leads ({@code LeaderLabeller}), from the service's own image. */
    static Container leaderLabelContainer(DeploymentContext ctx) {
        return new ContainerBuilder()
                .withName(LEADER_LABEL_CONTAINER)
                .withImage(ctx.image())
                .withImagePullPolicy("IfNotPresent")
                .withCommand(IMAGE_JAVA, "-Xmx24m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-cp", LEADER_LABEL_CLASSPATH, dev.br2k.cluster.kubernetes.leaderlabel.LeaderLabeller.class.getName())
                .withEnv(fieldEnv("POD_NAME", "metadata.name"), fieldEnv("POD_NAMESPACE", "metadata.namespace"),
                        env("BR2K_HTTP_PORT", Integer.toString(ctx.port())))
                .withSecurityContext(containerSecurity())
                .withResources(resources("10m", "48Mi", "96Mi"))
                .build();
    }

    /** The identity the pods run as: the labeller patches its own pod with its token. */
    public static io.fabric8.kubernetes.api.model.ServiceAccount serviceAccount(DeploymentContext ctx) {
        return new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                .withNewMetadata().withName(KubernetesNames.serviceAccount(ctx)).withNamespace(ctx.namespace())
                    .withLabels(labels(ctx.service())).endMetadata()
                .build();
    }

    /** May read and patch pods in the namespace (RBAC cannot name pods that do not exist yet). */
    public static io.fabric8.kubernetes.api.model.rbac.Role leaderLabelRole(DeploymentContext ctx) {
        return new io.fabric8.kubernetes.api.model.rbac.RoleBuilder()
                .withNewMetadata().withName(KubernetesNames.leaderLabelRole(ctx)).withNamespace(ctx.namespace())
                    .withLabels(labels(ctx.service())).endMetadata()
                .addNewRule().withApiGroups("").withResources("pods").withVerbs("get", "patch").endRule()
                .build();
    }

    public static io.fabric8.kubernetes.api.model.rbac.RoleBinding leaderLabelRoleBinding(DeploymentContext ctx) {
        return new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder()
                .withNewMetadata().withName(KubernetesNames.leaderLabelRole(ctx)).withNamespace(ctx.namespace())
                    .withLabels(labels(ctx.service())).endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
                    .withName(KubernetesNames.leaderLabelRole(ctx)).endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName(KubernetesNames.serviceAccount(ctx))
                    .withNamespace(ctx.namespace()).endSubject()
                .build();
    }

    static Container etcdContainer(DeploymentContext ctx, List<VolumeMount> mounts) {
        String peerScheme = ctx.etcdTls().peer() ? "https" : "http";
        String clientScheme = clientScheme(ctx);
        String host = "$(POD_NAME)." + KubernetesNames.peerService(ctx) + "." + ctx.namespace() + ".svc";
        List<String> args = new ArrayList<>(List.of(
                "--name=$(POD_NAME)",
                "--data-dir=" + ctx.etcdMountPath() + "/data",
                "--listen-peer-urls=" + peerScheme + "://0.0.0.0:" + ETCD_PEER_PORT,
                "--listen-client-urls=" + clientScheme + "://0.0.0.0:" + ETCD_CLIENT_PORT,
                "--advertise-client-urls=" + clientScheme + "://" + host + ":" + ETCD_CLIENT_PORT,
                "--initial-advertise-peer-urls=" + peerScheme + "://" + host + ":" + ETCD_PEER_PORT,
                "--initial-cluster-token=" + ctx.namespace() + "-" + ctx.service(),
                // The replication log deletes its keys; without compaction their history fills the quota (NOSPACE).
                "--auto-compaction-mode=periodic", "--auto-compaction-retention=1h"));
        if (ctx.etcdTls().peer()) {
            args.addAll(List.of("--peer-client-cert-auth=true", "--peer-trusted-ca-file=" + TLS_MOUNT + "/ca.crt",
                    "--peer-cert-file=" + TLS_MOUNT + "/tls.crt", "--peer-key-file=" + TLS_MOUNT + "/tls.key"));
        }
        if (ctx.etcdTls().client()) {
            args.addAll(List.of("--client-cert-auth=true", "--trusted-ca-file=" + TLS_MOUNT + "/ca.crt",
                    "--cert-file=" + TLS_MOUNT + "/tls.crt", "--key-file=" + TLS_MOUNT + "/tls.key",
                    // the kubelet has no client certificate: /health for the readiness probe on a plain metrics port
                    "--listen-metrics-urls=http://0.0.0.0:" + ETCD_METRICS_PORT));
        }
        int healthPort = ctx.etcdTls().client() ? ETCD_METRICS_PORT : ETCD_CLIENT_PORT;
        return new ContainerBuilder()
                .withName(ETCD_CONTAINER)
                .withImage(ctx.etcdImage())
                .withImagePullPolicy("IfNotPresent")
                .withCommand("etcd")
                .withArgs(args)
                .addNewPort().withName("etcd-client").withContainerPort(ETCD_CLIENT_PORT).withProtocol("TCP").endPort()
                .addNewPort().withName("etcd-peer").withContainerPort(ETCD_PEER_PORT).withProtocol("TCP").endPort()
                .withEnv(fieldEnv("POD_NAME", "metadata.name"),
                        configEnv("ETCD_INITIAL_CLUSTER", etcdConfigMap(ctx), CONFIG_INITIAL_CLUSTER),
                        configEnv("ETCD_INITIAL_CLUSTER_STATE", etcdConfigMap(ctx), CONFIG_INITIAL_CLUSTER_STATE))
                .withVolumeMounts(mounts)
                .withSecurityContext(containerSecurity())
                .withResources(resources(ETCD_CPU, ETCD_MEMORY, ETCD_MEMORY_LIMIT))
                // Ready when it is healthy (has a leader); up to 5 minutes to start and catch up; restarted only
                // when it stops listening for a minute: /health fails on every member while quorum is lost.
                .withNewReadinessProbe()
                    .withNewHttpGet().withPath("/health").withNewPort(healthPort).withScheme("HTTP").endHttpGet()
                    .withPeriodSeconds(5).withFailureThreshold(3)
                .endReadinessProbe()
                .withNewStartupProbe()
                    .withNewTcpSocket().withNewPort(ETCD_CLIENT_PORT).endTcpSocket()
                    .withPeriodSeconds(5).withFailureThreshold(60)
                .endStartupProbe()
                .withNewLivenessProbe()
                    .withNewTcpSocket().withNewPort(ETCD_CLIENT_PORT).endTcpSocket()
                    .withPeriodSeconds(10).withFailureThreshold(6).withTimeoutSeconds(5)
                .endLivenessProbe()
                .build();
    }

    static PersistentVolumeClaim claimTemplate(DeploymentContext ctx, String volume) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(volume).withLabels(labels(ctx.service())).endMetadata()
                .withNewSpec()
                    .withAccessModes("ReadWriteOnce")
                    .withStorageClassName(ctx.storageClass().orElse(null))
                    .withNewResources().addToRequests("storage", new Quantity(ctx.storageSize())).endResources()
                .endSpec()
                .build();
    }

    /**
     * The shared backup store: one ReadWriteMany claim of the context's storage size that every pod mounts
     * (not a claim template, which would give each pod its own), of the context's {@code backupStorageClass}
     * or else the cluster's default class. Where neither can provision ReadWriteMany, the operator makes the
     * claim first (any class that can, e.g. NFS or CephFS) and deploy leaves it as it is.
     */
    public static PersistentVolumeClaim backupClaim(DeploymentContext ctx) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(KubernetesNames.backupClaim(ctx)).withNamespace(ctx.namespace())
                    .withLabels(labels(ctx.service())).endMetadata()
                .withNewSpec()
                    .withAccessModes("ReadWriteMany")
                    .withStorageClassName(ctx.backupStorageClass().orElse(null))
                    .withNewResources().addToRequests("storage", new Quantity(ctx.storageSize())).endResources()
                .endSpec()
                .build();
    }

    /** The headless Service that gives each pod a stable DNS name for etcd peers and the service's own URL. */
    public static Service peerService(DeploymentContext ctx) {
        return new ServiceBuilder()
                .withNewMetadata().withName(KubernetesNames.peerService(ctx)).withNamespace(ctx.namespace())
                    .withLabels(labels(ctx.service())).endMetadata()
                .withNewSpec()
                    .withClusterIP("None")
                    .withPublishNotReadyAddresses(true)
                    .withSelector(selector(ctx.service()))
                    .addNewPort().withName("etcd-client").withPort(ETCD_CLIENT_PORT).withNewTargetPort(ETCD_CLIENT_PORT).withProtocol("TCP").endPort()
                    .addNewPort().withName("etcd-peer").withPort(ETCD_PEER_PORT).withNewTargetPort(ETCD_PEER_PORT).withProtocol("TCP").endPort()
                    .addNewPort().withName("http").withPort(ctx.port()).withNewTargetPort(ctx.port()).withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }

    /**
     * The Service clients use. It selects the pod the leader-label sidecar marks {@code br2k.dev/role=leader},
     * so it reaches the leader; during a fail-over (no pod labelled for about a second) it has no endpoint.
     */
    public static Service clientService(DeploymentContext ctx) {
        return new ServiceBuilder()
                .withNewMetadata().withName(KubernetesNames.clientService(ctx)).withNamespace(ctx.namespace())
                    .withLabels(labels(ctx.service())).endMetadata()
                .withNewSpec()
                    .withType(ctx.exposure().kubernetesType())
                    .withSelector(leaderSelector(ctx.service()))
                    .addNewPort().withName(ctx.protocol() == dev.br2k.cluster.context.Protocol.GRPC ? "grpc" : "http")
                        .withPort(ctx.port()).withNewTargetPort(ctx.port()).withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }

    /** At most one replica down by a voluntary disruption (node drain, upgrade): quorum and a leader stay. */
    public static io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget disruptionBudget(DeploymentContext ctx) {
        return new io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder()
                .withNewMetadata().withName(KubernetesNames.statefulSet(ctx)).withNamespace(ctx.namespace())
                    .withLabels(labels(ctx.service())).endMetadata()
                .withNewSpec()
                    .withMaxUnavailable(new io.fabric8.kubernetes.api.model.IntOrString(1))
                    .withNewSelector().withMatchLabels(selector(ctx.service())).endSelector()
                .endSpec()
                .build();
    }

    /**
     * Ingress to the service's pods: etcd's client and peer ports from the service's own pods only, the
     * service port from anywhere (clients, the API server's pod proxy). Port-forwards (the operator's
     * etcd access) enter the pod's own network namespace and are not subject to it. Takes effect where the
     * cluster's network plugin enforces NetworkPolicy.
     */
    public static io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy networkPolicy(DeploymentContext ctx) {
        return new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder()
                .withNewMetadata().withName(KubernetesNames.statefulSet(ctx)).withNamespace(ctx.namespace())
                    .withLabels(labels(ctx.service())).endMetadata()
                .withNewSpec()
                    .withNewPodSelector().withMatchLabels(selector(ctx.service())).endPodSelector()
                    .withPolicyTypes("Ingress")
                    .addNewIngress()
                        .addNewFrom().withNewPodSelector().withMatchLabels(selector(ctx.service())).endPodSelector().endFrom()
                        .addNewPort().withProtocol("TCP").withNewPort(ETCD_CLIENT_PORT).endPort()
                        .addNewPort().withProtocol("TCP").withNewPort(ETCD_PEER_PORT).endPort()
                    .endIngress()
                    .addNewIngress()
                        .addNewPort().withProtocol("TCP").withNewPort(ctx.port()).endPort()
                    .endIngress()
                .endSpec()
                .build();
    }

    /** The etcd bootstrap settings every new member reads when its data directory is empty. */
    public static ConfigMap etcdConfig(DeploymentContext ctx, Map<String, String> membersByName, boolean newCluster) {
        StringBuilder initial = new StringBuilder();
        new java.util.TreeMap<>(membersByName).forEach((name, url) ->
                initial.append(initial.length() == 0 ? "" : ",").append(name).append('=').append(url));
        return new ConfigMapBuilder()
                .withNewMetadata().withName(etcdConfigMap(ctx)).withNamespace(ctx.namespace())
                    .withLabels(labels(ctx.service())).endMetadata()
                .addToData(CONFIG_INITIAL_CLUSTER, initial.toString())
                .addToData(CONFIG_INITIAL_CLUSTER_STATE, newCluster ? "new" : "existing")
                .build();
    }

    /** The bootstrap settings of a new cluster of {@code replicas} members. */
    public static ConfigMap initialEtcdConfig(DeploymentContext ctx, int replicas) {
        Map<String, String> members = new LinkedHashMap<>();
        for (int i = 0; i < replicas; i++) {
            members.put(pod(ctx, i), peerUrl(ctx, i));
        }
        return etcdConfig(ctx, members, true);
    }

    /** The service account's keystore, mounted read-only into the service container. */
    public static Optional<Secret> keystoreSecret(DeploymentContext ctx) {
        return ctx.keystore().map(path -> {
            byte[] content;
            try {
                content = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the keystore " + path, e);
            }
            return opaqueSecret(ctx, KubernetesNames.keystoreSecret(ctx), path.getFileName().toString(), content);
        });
    }

    /**
     * The Secret holding the replicas' admin token {@code token} (pure: the caller draws the random token). Created
     * only when missing: an existing token, maybe rotated by an operator, is kept.
     */
    public static Secret adminSecret(DeploymentContext ctx, String token) {
        return opaqueSecret(ctx, KubernetesNames.adminSecret(ctx), KubernetesNames.ADMIN_TOKEN_KEY, token.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The Secret holding the key that seals the backup log's records ({@code hexKey}: 64 hex digits, the form of
     * the runtime's key file; pure: the caller draws it). Created only when missing: the key that sealed the
     * records so far must outlive every deploy.
     */
    public static Secret backupLogKeySecret(DeploymentContext ctx, String hexKey) {
        return opaqueSecret(ctx, KubernetesNames.backupLogKeySecret(ctx), KubernetesNames.BACKUP_LOG_KEY_KEY,
                hexKey.getBytes(StandardCharsets.UTF_8));
    }

    /** An {@code Opaque} Secret of the service holding one file, {@code key}, with {@code content}. */
    private static Secret opaqueSecret(DeploymentContext ctx, String name, String key, byte[] content) {
        return new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(ctx.namespace()).withLabels(labels(ctx.service())).endMetadata()
                .withType("Opaque")
                .addToData(key, Base64.getEncoder().encodeToString(content))
                .build();
    }

    /** The image pull Secret for the context's image registry. */
    public static Optional<Secret> registrySecret(DeploymentContext ctx) {
        return ctx.imageRegistry().map(r -> new SecretBuilder()
                .withNewMetadata().withName(KubernetesNames.registrySecret(ctx)).withNamespace(ctx.namespace())
                    .withLabels(labels(ctx.service())).endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .addToData(".dockerconfigjson", Base64.getEncoder().encodeToString(dockerConfigJson(r).getBytes(StandardCharsets.UTF_8)))
                .build());
    }

    static String dockerConfigJson(ImageRegistry r) {
        String auth = Base64.getEncoder().encodeToString((r.username() + ":" + r.password()).getBytes(StandardCharsets.UTF_8));
        return "{\"auths\":{\"" + jsonEscape(r.server()) + "\":{\"username\":\"" + jsonEscape(r.username())
                + "\",\"password\":\"" + jsonEscape(r.password()) + "\",\"auth\":\"" + auth + "\"}}}";
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Map<String, String> leaderSelector(String service) {
        Map<String, String> out = new java.util.TreeMap<>(selector(service));
        out.put(dev.br2k.cluster.kubernetes.leaderlabel.LeaderLabeller.LABEL, "leader");
        return out;
    }

    private static io.fabric8.kubernetes.api.model.SecurityContext containerSecurity() {
        return new io.fabric8.kubernetes.api.model.SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.ResourceRequirements resources(String cpu, String memory, String memoryLimit) {
        return new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(cpu)).addToRequests("memory", new Quantity(memory))
                .addToLimits("memory", new Quantity(memoryLimit))
                .build();
    }

    private static VolumeMount mount(String name, String path, boolean readOnly) {
        return new VolumeMountBuilder().withName(name).withMountPath(path).withReadOnly(readOnly ? Boolean.TRUE : null).build();
    }

    private static EnvVar env(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static EnvVar fieldEnv(String name, String fieldPath) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewFieldRef().withFieldPath(fieldPath)
                .endFieldRef().endValueFrom().build();
    }

    private static EnvVar configEnv(String name, String configMap, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewConfigMapKeyRef().withName(configMap)
                .withKey(key).endConfigMapKeyRef().endValueFrom().build();
    }
}
