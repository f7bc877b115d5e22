package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.etcd.EtcdAccess;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.br2k.cluster.kubernetes.KubernetesNames.*;

/** The service's etcd members by replica ordinal, and the bootstrap ConfigMap that a new member reads. */
final class EtcdMembership {

    private final EtcdAccess etcd;
    private final KubernetesClient client;
    private final DeploymentContext ctx;

    EtcdMembership(EtcdAccess etcd, ServiceObjects objects) {
        this.etcd = etcd;
        this.client = objects.client();
        this.ctx = objects.context();
    }

    EtcdAccess etcd() {
        return etcd;
    }

    Optional<MemberInfo> memberOf(int index) {
        String pod = pod(ctx, index);
        String url = peerUrl(ctx, index);
        return etcd.members().stream().filter(m -> m.peerUrls().contains(url) || m.name().equals(pod)).findFirst();
    }

    /** Writes the current member list into the bootstrap ConfigMap that a new member reads. */
    boolean syncEtcdConfig() {
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

    /**
     * Turns the bootstrap ConfigMap from {@code new} to {@code existing} once every member it names has started:
     * from then on a member that starts with an empty data directory (a lost or replaced volume) must join the
     * running cluster, never bootstrap a second one. Nothing changes while etcd cannot be reached or a member
     * has not started yet; the next deploy or recovery tries again (add and reduce write {@code existing} anyway).
     */
    boolean markExistingOnceStarted() {
        ConfigMap config = client.configMaps().inNamespace(ctx.namespace()).withName(etcdConfigMap(ctx)).get();
        if (config == null || config.getData() == null || !"new".equals(config.getData().get(CONFIG_INITIAL_CLUSTER_STATE))) {
            return false;
        }
        List<MemberInfo> members;
        try {
            members = etcd.members();
        } catch (ClusterException e) {
            return false; // no etcd reachable yet: its pods are still starting
        }
        Set<String> started = members.stream().filter(MemberInfo::started).map(MemberInfo::name).collect(Collectors.toSet());
        String initial = config.getData().getOrDefault(CONFIG_INITIAL_CLUSTER, "");
        List<String> names = Arrays.stream(initial.split(",")).filter(e -> e.contains("="))
                .map(e -> e.substring(0, e.indexOf('='))).toList();
        if (names.isEmpty() || !started.containsAll(names)) {
            return false;
        }
        client.configMaps().inNamespace(ctx.namespace()).withName(etcdConfigMap(ctx))
                .edit(c -> { c.getData().put(CONFIG_INITIAL_CLUSTER_STATE, "existing"); return c; });
        return true;
    }

    /** Removes members added for replicas at or beyond the replica count (an add that never finished). */
    boolean removeStrays(int replicas) {
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
}
