package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoveryPlan;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.ReplicaCountException;
import dev.br2k.cluster.ReplicaPhase;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.ReplicationKeys;
import dev.br2k.cluster.ServiceState;
import dev.br2k.cluster.admin.AdminToken;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.etcd.EtcdAccess;
import dev.br2k.cluster.internal.Steps;
import dev.br2k.cluster.internal.Wait;
import dev.br2k.cluster.status.ReplicationKeysReader;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.br2k.cluster.kubernetes.KubernetesNames.*;

/**
 * A BR2K service on Kubernetes: a StatefulSet whose pods each run the service and an etcd member, a
 * headless Service for stable peer names, a client Service, the etcd bootstrap ConfigMap, and the
 * keystore and image pull Secrets. The raw fabric8 {@link KubernetesClient} is injected; the caller
 * owns it.
 *
 * <pre>{@code
 * DeploymentContext ctx = DeploymentContextParser.parse(Path.of("lab.yaml"));
 * try (KubernetesClient client = new KubernetesClientBuilder().withConfig(KubeconfigMapping.clientConfig(ctx)).build();
 *      KubernetesCluster cluster = KubernetesCluster.builder().client(client).context(ctx).build()) {
 *     cluster.deploy(ctx.replicas(), event -> System.out.println(event.step() + " " + event.status()));
 *     cluster.add(1, ProgressListener.NONE);
 * }
 * }</pre>
 */
public final class KubernetesCluster implements Br2kCluster {

    private final KubernetesClient client;
    private final DeploymentContext ctx;
    private final EtcdAccess etcd;
    private final ReplicaStatusSource statusSource;
    private final Duration joinTimeout;
    private final Apply apply;
    private final List<LogStream> streams = new CopyOnWriteArrayList<>();

    private KubernetesCluster(Builder b) {
        this.client = b.client;
        this.ctx = b.context;
        this.etcd = b.etcd != null ? b.etcd : new PortForwardEtcd(b.client, b.context.namespace(), selector(b.context.service()),
                b.context.etcdTls().client() ? java.util.Optional.of(KubernetesNames.tlsSecret(b.context)) : java.util.Optional.empty());
        this.statusSource = b.statusSource != null ? b.statusSource : new ApiServerProxyStatus(b.client);
        this.joinTimeout = b.joinTimeout;
        this.apply = new Apply(client, ctx.namespace());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String service() {
        return ctx.service();
    }

    public DeploymentContext context() {
        return ctx;
    }

    /**
     * The replicas' admin token ({@code Authorization: Bearer <token>} for {@code GET /metrics} and
     * {@code POST /br2k/backup}), from the Secret {@code <svc>-admin}.
     *
     * @throws ClusterException if the Secret is missing (deploy the service first)
     */
    public String adminToken() {
        String name = KubernetesNames.adminSecret(ctx);
        io.fabric8.kubernetes.api.model.Secret secret = client.secrets().inNamespace(ctx.namespace()).withName(name).get();
        if (secret == null || secret.getData() == null || !secret.getData().containsKey(KubernetesNames.ADMIN_TOKEN_KEY)) {
            throw new ClusterException("No admin token: the Secret " + name + " in namespace " + ctx.namespace()
                    + " is missing or has no '" + KubernetesNames.ADMIN_TOKEN_KEY + "' key. Deploy the service to create it.");
        }
        return new String(java.util.Base64.getDecoder().decode(secret.getData().get(KubernetesNames.ADMIN_TOKEN_KEY)),
                java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    // ---------------------------------------------------------------- deploy

    /**
     * Creates what is missing and updates what drifted from the context. The replica count is used
     * only when the StatefulSet is created; later the count changes only through add, reduce and pause.
     */
    @Override
    public OperationResult deploy(int replicas, ProgressListener listener) {
        if (replicas < 1 || replicas > ctx.maxReplicas()) {
            throw new ReplicaCountException("A service needs between 1 and " + ctx.maxReplicas() + " replicas; "
                    + replicas + " were asked.");
        }
        Steps steps = new Steps(Operation.DEPLOY, listener);
        StatefulSet existing = statefulSet();
        int before = existing == null ? 0 : desiredReplicas(existing);
        applyObjects(ctx, steps, existing == null ? replicas : before, false);
        int after = resumeIfPaused(steps);
        return OperationResult.of(Operation.DEPLOY, before, after, steps.changes());
    }

    private void applyObjects(DeploymentContext c, Steps steps, int replicas, boolean freshEtcd) {
        List<String> refused = new java.util.ArrayList<>(DesiredState.refusals(c));
        if (c.etcdTls().enabled()) {
            refused.addAll(EtcdTlsSecretCheck.problems(c,
                    client.secrets().inNamespace(c.namespace()).withName(KubernetesNames.tlsSecret(c)).get()));
        }
        if (!refused.isEmpty()) {
            throw new ClusterException("The context " + c.name() + " asks for what cannot run yet: " + String.join("; ", refused));
        }
        StatefulSet desired = DesiredState.statefulSet(c, replicas);
        StatefulSet running = client.apps().statefulSets().inNamespace(c.namespace()).withName(KubernetesNames.statefulSet(c)).get();
        DesiredState.claimTemplateChange(running, desired).ifPresent(change -> {
            throw new ClusterException(change);
        });
        DesiredState.registrySecret(c).ifPresent(s ->
                steps.run("apply Secret " + s.getMetadata().getName(), () -> changed(apply.apply(s))));
        DesiredState.keystoreSecret(c).ifPresent(s ->
                steps.run("apply Secret " + s.getMetadata().getName(), () -> changed(apply.apply(s))));
        steps.run("create Secret " + KubernetesNames.adminSecret(c) + " (admin token)",
                () -> changed(apply.createIfMissing(DesiredState.adminSecret(c, AdminToken.random()))));
        // a random 256-bit key as 64 hex digits, the form of the runtime's backup log key file
        steps.run("create Secret " + KubernetesNames.backupLogKeySecret(c) + " (backup log key)",
                () -> changed(apply.createIfMissing(DesiredState.backupLogKeySecret(c, AdminToken.random()))));
        ConfigMap config = DesiredState.initialEtcdConfig(c, replicas);
        if (freshEtcd) {
            steps.run("reset ConfigMap " + etcdConfigMap(c) + " for a new etcd cluster", () -> {
                ConfigMap old = client.configMaps().inNamespace(c.namespace()).withName(etcdConfigMap(c)).get();
                if (old != null && config.getData().equals(old.getData())) {
                    return false;
                }
                if (old != null) {
                    client.configMaps().inNamespace(c.namespace()).withName(etcdConfigMap(c)).delete();
                }
                client.resource(config).inNamespace(c.namespace()).create();
                return true;
            });
        } else {
            steps.run("create ConfigMap " + etcdConfigMap(c), () -> changed(apply.createIfMissing(config)));
        }
        steps.run("create PersistentVolumeClaim " + KubernetesNames.backupClaim(c) + " (shared backup store)",
                () -> changed(apply.createIfMissing(DesiredState.backupClaim(c))));
        steps.run("apply ServiceAccount " + KubernetesNames.serviceAccount(c), () -> changed(apply.apply(DesiredState.serviceAccount(c))));
        steps.run("apply Role " + KubernetesNames.leaderLabelRole(c), () -> changed(apply.apply(DesiredState.leaderLabelRole(c))));
        steps.run("apply RoleBinding " + KubernetesNames.leaderLabelRole(c),
                () -> changed(apply.apply(DesiredState.leaderLabelRoleBinding(c))));
        steps.run("apply Service " + KubernetesNames.peerService(c), () -> changed(apply.apply(DesiredState.peerService(c))));
        steps.run("apply Service " + KubernetesNames.clientService(c), () -> changed(apply.apply(DesiredState.clientService(c))));
        steps.run("apply StatefulSet " + KubernetesNames.statefulSet(c),
                () -> changed(apply.apply(desired)));
        steps.run("apply PodDisruptionBudget " + KubernetesNames.statefulSet(c),
                () -> changed(apply.apply(DesiredState.disruptionBudget(c))));
        steps.run("apply NetworkPolicy " + KubernetesNames.statefulSet(c),
                () -> changed(apply.apply(DesiredState.networkPolicy(c))));
    }

    private int resumeIfPaused(Steps steps) {
        StatefulSet s = statefulSet();
        int desired = desiredReplicas(s);
        if (isPaused(s)) {
            steps.run("resume: scale StatefulSet to " + desired, () -> {
                client.apps().statefulSets().inNamespace(ctx.namespace()).withName(KubernetesNames.statefulSet(ctx))
                        .edit(x -> {
                            StatefulSet y = new StatefulSetBuilder(x).editSpec().withReplicas(desired).endSpec().build();
                            y.getMetadata().getAnnotations().remove(ANNOTATION_PAUSED);
                            y.getMetadata().getAnnotations().remove(ANNOTATION_REPLICAS);
                            return y;
                        });
                return true;
            });
        }
        return desired;
    }

    // ---------------------------------------------------------------- add / reduce

    @Override
    public OperationResult add(int count, ProgressListener listener) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        StatefulSet s = requireRunning();
        int before = s.getSpec().getReplicas();
        int target = before + count;
        if (target > ctx.maxReplicas()) {
            throw new ReplicaCountException(ctx.service() + " has " + before + " replicas and may have at most "
                    + ctx.maxReplicas() + "; adding " + count + " would exceed that.");
        }
        Steps steps = new Steps(Operation.ADD, listener);
        for (int i = before; i < target; i++) {
            int index = i;
            String pod = pod(ctx, index);
            steps.run("etcd member add " + pod, () -> {
                boolean existed = etcd.members().stream().anyMatch(m -> m.peerUrls().contains(peerUrl(ctx, index)));
                etcd.addMember(peerUrl(ctx, index));
                return !existed;
            });
            steps.run("update ConfigMap " + etcdConfigMap(ctx), this::syncEtcdConfig);
            steps.run("scale StatefulSet to " + (index + 1), () -> scale(index + 1));
            if (!joinTimeout.isZero()) {
                steps.run("wait for etcd member " + pod + " to join", () -> {
                    Wait.until("etcd member " + pod + " to join", joinTimeout,
                            () -> etcd.members().stream().anyMatch(m -> m.started() && m.name().equals(pod)));
                    return false;
                });
            }
        }
        return OperationResult.of(Operation.ADD, before, target, steps.changes());
    }

    @Override
    public OperationResult reduce(int count, ProgressListener listener) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        StatefulSet s = requireRunning();
        int before = s.getSpec().getReplicas();
        int target = before - count;
        if (target < 1) {
            throw new ReplicaCountException(ctx.service() + " has " + before + " replicas; it must keep at least 1.");
        }
        Steps steps = new Steps(Operation.REDUCE, listener);
        for (int i = before - 1; i >= target; i--) {
            int index = i;
            String pod = pod(ctx, index);
            steps.run("etcd member remove " + pod, () -> {
                Optional<MemberInfo> m = memberOf(index);
                return m.isPresent() && etcd.removeMember(m.get().id());
            });
            steps.run("update ConfigMap " + etcdConfigMap(ctx), this::syncEtcdConfig);
            steps.run("scale StatefulSet to " + index, () -> scale(index));
            steps.run("delete volume claims of " + pod, () -> deleteClaims(index));
        }
        return OperationResult.of(Operation.REDUCE, before, target, steps.changes());
    }

    private Optional<MemberInfo> memberOf(int index) {
        String pod = pod(ctx, index);
        String url = peerUrl(ctx, index);
        return etcd.members().stream().filter(m -> m.peerUrls().contains(url) || m.name().equals(pod)).findFirst();
    }

    /** Writes the current member list into the bootstrap ConfigMap that a new member reads. */
    private boolean syncEtcdConfig() {
        Map<String, String> members = new LinkedHashMap<>();
        for (MemberInfo m : etcd.members()) {
            String url = m.peerUrls().isEmpty() ? "" : m.peerUrls().get(0);
            String name = m.started() ? m.name()
                    : ordinal(ctx, url).map(i -> pod(ctx, i)).orElse("member-" + m.id());
            members.put(name, url);
        }
        ConfigMap desired = DesiredState.etcdConfig(ctx, members, false);
        ConfigMap existing = client.configMaps().inNamespace(ctx.namespace()).withName(etcdConfigMap(ctx)).get();
        if (existing != null && desired.getData().equals(existing.getData())) {
            return false;
        }
        if (existing == null) {
            client.resource(desired).inNamespace(ctx.namespace()).create();
        } else {
            client.configMaps().inNamespace(ctx.namespace()).withName(etcdConfigMap(ctx))
                    .edit(c -> { c.setData(desired.getData()); return c; });
        }
        return true;
    }

    private boolean scale(int replicas) {
        StatefulSet s = statefulSet();
        if (s.getSpec().getReplicas() == replicas) {
            return false;
        }
        client.apps().statefulSets().inNamespace(ctx.namespace()).withName(KubernetesNames.statefulSet(ctx))
                .edit(x -> new StatefulSetBuilder(x).editSpec().withReplicas(replicas).endSpec().build());
        return true;
    }

    private boolean deleteClaims(int index) {
        boolean changed = false;
        for (String volume : List.of(STATE_VOLUME, ETCD_VOLUME)) {
            changed |= deleteClaim(claim(volume, ctx, index));
        }
        return changed;
    }

    private boolean deleteClaim(String name) {
        var r = client.persistentVolumeClaims().inNamespace(ctx.namespace()).withName(name);
        if (r.get() == null) {
            return false;
        }
        r.delete();
        return true;
    }

    // ---------------------------------------------------------------- pause / recovery

    @Override
    public OperationResult pause(ProgressListener listener) {
        StatefulSet s = statefulSet();
        if (s == null) {
            throw notDeployed();
        }
        Steps steps = new Steps(Operation.PAUSE, listener);
        int desired = desiredReplicas(s);
        steps.run("scale StatefulSet to 0, keeping its volumes", () -> {
            if (isPaused(s) && s.getSpec().getReplicas() == 0) {
                return false;
            }
            client.apps().statefulSets().inNamespace(ctx.namespace()).withName(KubernetesNames.statefulSet(ctx))
                    .edit(x -> {
                        StatefulSet y = new StatefulSetBuilder(x).editSpec().withReplicas(0).endSpec().build();
                        Map<String, String> a = y.getMetadata().getAnnotations() == null ? new HashMap<>()
                                : new HashMap<>(y.getMetadata().getAnnotations());
                        a.put(ANNOTATION_PAUSED, "true");
                        a.put(ANNOTATION_REPLICAS, Integer.toString(desired));
                        y.getMetadata().setAnnotations(a);
                        return y;
                    });
            return true;
        });
        return OperationResult.of(Operation.PAUSE, desired, desired, steps.changes());
    }

    @Override
    public OperationResult recover(RecoverySource source, ProgressListener listener) {
        Steps steps = new Steps(Operation.RECOVERY, listener);
        StatefulSet s = statefulSet();
        if (s != null && isPaused(s)) {
            throw new ClusterException(ctx.service() + " is paused, not failed. Run deploy to resume it.");
        }
        List<Integer> etcdClaims = claimOrdinals(ETCD_VOLUME);
        if (s == null && etcdClaims.isEmpty()) {
            // Nothing of the service is left: redeploy from the registry's recovery information.
            Optional<RecoveryPlan> plan = source.plan(ctx.service());
            int replicas = plan.map(RecoveryPlan::replicas).orElse(ctx.replicas());
            DeploymentContext target = plan.flatMap(RecoveryPlan::image).map(ctx::withImage).orElse(ctx);
            steps.run("read recovery information of " + ctx.service(), () -> false);
            applyObjects(target, steps, replicas, true);
            plan.flatMap(RecoveryPlan::newestBackup).ifPresent(b -> steps.run("leave backup " + b + " in the store: the"
                    + " runtime cannot restore a backup into a new service yet, so " + ctx.service() + " starts empty", () -> false));
            return OperationResult.of(Operation.RECOVERY, 0, replicas, steps.changes());
        }
        int replicas = s != null ? desiredReplicas(s) : etcdClaims.stream().mapToInt(i -> i + 1).max().orElse(1);
        int before = s == null ? 0 : replicas;
        // Recovery restores what runs; it does not roll out a new image (deploy does).
        DeploymentContext running = imageOf(s).map(ctx::withImage).orElse(ctx);
        applyObjects(running, steps, replicas, false);
        for (Pod pod : pods()) {
            Optional<PodHealth.Failure> failure = PodHealth.failure(pod);
            String name = pod.getMetadata().getName();
            Optional<Integer> index = ordinal(ctx, name);
            if (failure.isEmpty() || index.isEmpty()) {
                continue;
            }
            if (ETCD_CONTAINER.equals(failure.get().container())) {
                int i = index.get();
                steps.run("replace etcd member of " + name + " (" + failure.get().reason() + ")", () -> {
                    memberOf(i).ifPresent(m -> etcd.removeMember(m.id()));
                    deleteClaim(claim(ETCD_VOLUME, ctx, i));
                    etcd.addMember(peerUrl(ctx, i));
                    syncEtcdConfig();
                    return true;
                });
            }
            steps.run("replace pod " + name + " (" + failure.get().reason() + ")", () -> {
                client.pods().inNamespace(ctx.namespace()).withName(name).delete();
                return true;
            });
        }
        steps.run("remove stray etcd members", () -> removeStrays(replicas));
        return OperationResult.of(Operation.RECOVERY, before, replicas, steps.changes());
    }

    /** Members added for replicas at or beyond the replica count (an add that never finished). */
    private boolean removeStrays(int replicas) {
        boolean changed = false;
        for (MemberInfo m : etcd.members()) {
            Optional<Integer> i = m.peerUrls().stream().map(u -> ordinal(ctx, u)).flatMap(Optional::stream).findFirst();
            if (i.isPresent() && i.get() >= replicas) {
                changed |= etcd.removeMember(m.id());
            }
        }
        if (changed) {
            syncEtcdConfig();
        }
        return changed;
    }

    // ---------------------------------------------------------------- state and logs

    @Override
    public ServiceState state() {
        StatefulSet s = statefulSet();
        List<Pod> pods = pods();
        boolean paused = s != null && isPaused(s);
        int desired = s == null ? 0 : desiredReplicas(s);
        List<MemberInfo> members = List.of();
        Optional<ReplicationKeys> keys = Optional.empty();
        if (!paused && !pods.isEmpty()) {
            try {
                members = etcd.members();
                keys = Optional.of(ReplicationKeysReader.read(etcd, ctx.service()));
            } catch (ClusterException e) {
                // etcd unreachable: members and keys stay empty; the pods tell why
            }
        }
        Map<Integer, Pod> byIndex = new HashMap<>();
        for (Pod p : pods) {
            ordinal(ctx, p.getMetadata().getName()).ifPresent(i -> byIndex.put(i, p));
        }
        int upTo = Math.max(desired, byIndex.keySet().stream().mapToInt(i -> i + 1).max().orElse(0));
        List<ReplicaState> replicas = new ArrayList<>();
        for (int i = 0; i < upTo; i++) {
            String name = pod(ctx, i);
            int index = i;
            Optional<String> memberId = members.stream()
                    .filter(m -> m.peerUrls().contains(peerUrl(ctx, index)) || m.name().equals(name))
                    .map(MemberInfo::id).findFirst();
            Pod p = byIndex.get(i);
            if (p == null) {
                replicas.add(new ReplicaState(name, i, paused ? ReplicaPhase.STOPPED : ReplicaPhase.MISSING, "", 0,
                        memberId, Optional.empty(), paused ? "paused" : "no pod"));
                continue;
            }
            ReplicaPhase phase = PodHealth.phase(p);
            Optional<ReplicaStatus> status = phase == ReplicaPhase.RUNNING || phase == ReplicaPhase.STARTING
                    ? statusSource.read(ctx.namespace(), name, ctx.port()) : Optional.empty();
            String detail = PodHealth.failure(p).map(f -> (f.container().isEmpty() ? "" : f.container() + ": ") + f.reason())
                    .orElse(p.getStatus() == null || p.getStatus().getPhase() == null ? "" : p.getStatus().getPhase());
            String node = p.getSpec() == null || p.getSpec().getNodeName() == null ? "" : p.getSpec().getNodeName();
            replicas.add(new ReplicaState(name, i, phase, node, PodHealth.restarts(p), memberId, status, detail));
        }
        return new ServiceState(ctx.service(), desired, paused, replicas, members, keys, Instant.now());
    }

    @Override
    public LogStream logs(String replica, LogOptions options, LogListener listener) {
        if (ordinal(ctx, replica).isEmpty()) {
            throw new ClusterException(replica + " is not a replica of " + ctx.service() + "; replicas are named "
                    + ctx.service() + "-<index>.");
        }
        PodLogStream stream = new PodLogStream(client, ctx.namespace(), replica, options, listener);
        streams.add(stream);
        stream.start();
        return stream;
    }

    @Override
    public void close() {
        streams.forEach(LogStream::close);
        streams.clear();
        etcd.close();
    }

    // ---------------------------------------------------------------- helpers

    private StatefulSet statefulSet() {
        return client.apps().statefulSets().inNamespace(ctx.namespace()).withName(KubernetesNames.statefulSet(ctx)).get();
    }

    private StatefulSet requireRunning() {
        StatefulSet s = statefulSet();
        if (s == null) {
            throw notDeployed();
        }
        if (isPaused(s)) {
            throw new ClusterException(ctx.service() + " is paused. Run deploy to resume it first.");
        }
        return s;
    }

    private List<Pod> pods() {
        return client.pods().inNamespace(ctx.namespace()).withLabels(selector(ctx.service())).list().getItems();
    }

    private List<Integer> claimOrdinals(String volume) {
        String prefix = volume + "-";
        List<Integer> out = new ArrayList<>();
        for (PersistentVolumeClaim c : client.persistentVolumeClaims().inNamespace(ctx.namespace()).list().getItems()) {
            String n = c.getMetadata().getName();
            if (n.startsWith(prefix)) {
                ordinal(ctx, n.substring(prefix.length())).ifPresent(out::add);
            }
        }
        return out;
    }

    private static boolean isPaused(StatefulSet s) {
        return s.getMetadata().getAnnotations() != null && "true".equals(s.getMetadata().getAnnotations().get(ANNOTATION_PAUSED));
    }

    private static int desiredReplicas(StatefulSet s) {
        if (isPaused(s)) {
            return Integer.parseInt(s.getMetadata().getAnnotations().getOrDefault(ANNOTATION_REPLICAS, "1"));
        }
        return s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
    }

    private static Optional<String> imageOf(StatefulSet s) {
        if (s == null) {
            return Optional.empty();
        }
        return s.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> SERVICE_CONTAINER.equals(c.getName())).map(c -> c.getImage()).findFirst();
    }

    private static boolean changed(Apply.Outcome outcome) {
        return outcome != Apply.Outcome.UNCHANGED;
    }

    private ClusterException notDeployed() {
        return new ClusterException(ctx.service() + " is not deployed in namespace " + ctx.namespace() + ". Deploy it first.");
    }

    /** Builder for {@link KubernetesCluster}. */
    public static final class Builder {
        private KubernetesClient client;
        private DeploymentContext context;
        private EtcdAccess etcd;
        private ReplicaStatusSource statusSource;
        private Duration joinTimeout = Duration.ofMinutes(5);

        private Builder() {
        }

        /** The client to use; the caller owns and closes it. */
        public Builder client(KubernetesClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        public Builder context(DeploymentContext context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        /** How to reach the service's etcd; defaults to a port-forward to a running pod. */
        public Builder etcd(EtcdAccess etcd) {
            this.etcd = Objects.requireNonNull(etcd, "etcd");
            return this;
        }

        /** How to read a replica's /br2k/status; defaults to the API server's pod proxy. */
        public Builder statusSource(ReplicaStatusSource statusSource) {
            this.statusSource = Objects.requireNonNull(statusSource, "statusSource");
            return this;
        }

        /** How long add waits for a new member's pod to join etcd before the next; zero to not wait. */
        public Builder joinTimeout(Duration joinTimeout) {
            this.joinTimeout = Objects.requireNonNull(joinTimeout, "joinTimeout");
            return this;
        }

        public KubernetesCluster build() {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(context, "context");
            return new KubernetesCluster(this);
        }
    }
}
