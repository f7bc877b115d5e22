package dev.br2k.cli.pods;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.HostAliasBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a StatefulSet, as {@code KubernetesCluster} created it, into the Pod YAML that podman 4.3's
 * {@code kube play} runs: what the StatefulSet controller and the kubelet would do, and nothing else.
 *
 * <ul>
 *   <li>the controller: pod {@code <sts>-<i>} from the template, hostname and subdomain (the headless
 *       Service), a volume per claim template naming claim {@code <template>-<sts>-<i>} (podman makes
 *       it a named volume that outlives the pod, as a retained claim does);</li>
 *   <li>the kubelet: Secret volumes as the Secret's files (a {@code hostPath} to the directory the test wrote
 *       them to from the Secret on the API server); {@code $(VAR)} references in env values, command and args expanded (podman
 *       passes them through literally), and the headless Service's DNS names
 *       ({@code <pod>.<svc>.<ns>.svc} and {@code <svc>.<ns>.svc}) as {@code hostAliases} to each pod's
 *       static IP on the podman network (cluster DNS does this on a real cluster);</li>
 *   <li>left out: the {@code leader-label} sidecar, which needs a Kubernetes API server that no pod here
 *       can reach (its patch is tested against the mock server in the cluster module); and the containers'
 *       {@code ports}, which on Kubernetes only declare what the pod listens on, while podman 4.3 publishes
 *       each on the host (three pods would collide on 2379; the pods are reached at their own IPs).</li>
 * </ul>
 * Everything else of the template (images, env, fieldRef and configMapKeyRef variables, probes,
 * securityContext, resources, mounts) goes to podman unchanged.
 */
public final class StatefulSetPods {
    static final Set<String> LEFT_OUT = Set.of("leader-label");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final StatefulSet statefulSet;
    private final Map<Integer, String> ips;
    private final Map<String, java.nio.file.Path> secretFiles;

    /**
     * {@code ips}: the static IP each ordinal gets on the podman network; {@code secretFiles}: for each Secret a
     * volume names, the directory holding its keys as files.
     */
    public StatefulSetPods(StatefulSet statefulSet, Map<Integer, String> ips, Map<String, java.nio.file.Path> secretFiles) {
        this.statefulSet = statefulSet;
        this.ips = Map.copyOf(ips);
        this.secretFiles = Map.copyOf(secretFiles);
    }

    public String podName(int ordinal) {
        return statefulSet.getMetadata().getName() + "-" + ordinal;
    }

    /** The Pod of one ordinal. */
    public Pod pod(int ordinal) {
        String name = podName(ordinal);
        String namespace = statefulSet.getMetadata().getNamespace();
        PodSpec template = statefulSet.getSpec().getTemplate().getSpec();
        List<Volume> volumes = new ArrayList<>();
        for (Volume v : template.getVolumes() == null ? List.<Volume>of() : template.getVolumes()) {
            volumes.add(v.getSecret() == null ? v : new VolumeBuilder().withName(v.getName())
                    .withNewHostPath().withType("Directory").withPath(secretDir(v.getSecret().getSecretName()).toString()).endHostPath()
                    .build());
        }
        for (PersistentVolumeClaim claim : statefulSet.getSpec().getVolumeClaimTemplates()) {
            String volume = claim.getMetadata().getName();
            volumes.add(new VolumeBuilder().withName(volume)
                    .withNewPersistentVolumeClaim().withClaimName(volume + "-" + name).endPersistentVolumeClaim().build());
        }
        Map<String, String> fields = Map.of("metadata.name", name, "metadata.namespace", namespace);
        List<Container> containers = template.getContainers().stream()
                .filter(c -> !LEFT_OUT.contains(c.getName()))
                .map(c -> expanded(c, fields))
                .toList();
        Map<String, String> labels = new LinkedHashMap<>(statefulSet.getSpec().getTemplate().getMetadata().getLabels());
        labels.put("statefulset.kubernetes.io/pod-name", name);
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withSpec(template)
                .editSpec()
                    .withHostname(name)
                    .withSubdomain(statefulSet.getSpec().getServiceName())
                    .withContainers(containers)
                    .withVolumes(volumes)
                    .withHostAliases(hostAliases(namespace))
                .endSpec()
                .build();
    }

    private java.nio.file.Path secretDir(String secret) {
        java.nio.file.Path dir = secretFiles.get(secret);
        if (dir == null) {
            throw new IllegalArgumentException("the pod mounts the Secret " + secret + " and no files were given for it");
        }
        return dir;
    }

    public String podYaml(int ordinal) {
        return Serialization.asYaml(pod(ordinal));
    }

    public static String configMapYaml(ConfigMap configMap) {
        return Serialization.asYaml(configMap);
    }

    private List<HostAlias> hostAliases(String namespace) {
        String service = statefulSet.getSpec().getServiceName() + "." + namespace + ".svc";
        List<HostAlias> out = new ArrayList<>();
        ips.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.add(new HostAliasBuilder()
                .withIp(e.getValue())
                .withHostnames(podName(e.getKey()) + "." + service, podName(e.getKey()) + "." + service + ".cluster.local", service)
                .build()));
        return out;
    }

    /** The kubelet's expansion of {@code $(VAR)}: variables defined before, in order, by value or by a pod field. */
    private static Container expanded(Container c, Map<String, String> fields) {
        Map<String, String> defined = new LinkedHashMap<>();
        List<EnvVar> env = new ArrayList<>();
        for (EnvVar v : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
            if (v.getValue() != null) {
                String value = expand(v.getValue(), defined);
                defined.put(v.getName(), value);
                env.add(new EnvVar(v.getName(), value, null));
            } else {
                if (v.getValueFrom() != null && v.getValueFrom().getFieldRef() != null
                        && fields.containsKey(v.getValueFrom().getFieldRef().getFieldPath())) {
                    defined.put(v.getName(), fields.get(v.getValueFrom().getFieldRef().getFieldPath()));
                }
                env.add(v);
            }
        }
        return new ContainerBuilder(c)
                .withEnv(env)
                .withPorts(List.of())
                .withCommand(c.getCommand() == null ? null : c.getCommand().stream().map(s -> expand(s, defined)).toList())
                .withArgs(c.getArgs() == null ? null : c.getArgs().stream().map(s -> expand(s, defined)).toList())
                .build();
    }

    static String expand(String s, Map<String, String> defined) {
        Matcher m = REFERENCE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = defined.getOrDefault(m.group(1), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
