package dev.br2k.cluster.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of Kubernetes' Pod Security Standard "restricted" (v1.25+), as the API server's Pod Security
 * admission applies them to a namespace labelled {@code pod-security.kubernetes.io/enforce: restricted};
 * the mock server applies none. Each violation is a sentence naming the container and the field.
 */
final class PodSecurityRestricted {
    private static final Set<String> VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");

    private PodSecurityRestricted() {
    }

    static List<String> violations(PodSpec pod) {
        List<String> out = new ArrayList<>();
        PodSecurityContext psc = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
            out.add("the pod uses a host namespace");
        }
        for (Volume v : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
            String type = v.getSecret() != null ? "secret" : v.getConfigMap() != null ? "configMap"
                    : v.getPersistentVolumeClaim() != null ? "persistentVolumeClaim" : v.getEmptyDir() != null ? "emptyDir"
                    : v.getProjected() != null ? "projected" : v.getDownwardAPI() != null ? "downwardAPI" : "other";
            if (!VOLUME_TYPES.contains(type)) {
                out.add("volume " + v.getName() + " is of a type the restricted profile forbids");
            }
        }
        String podSeccomp = psc.getSeccompProfile() == null ? null : psc.getSeccompProfile().getType();
        for (Container c : pod.getContainers()) {
            SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
            String name = "container " + c.getName();
            if (Boolean.TRUE.equals(sc.getPrivileged())) {
                out.add(name + " is privileged");
            }
            if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                out.add(name + ": securityContext.allowPrivilegeEscalation must be false");
            }
            boolean nonRoot = Boolean.TRUE.equals(sc.getRunAsNonRoot())
                    || (sc.getRunAsNonRoot() == null && Boolean.TRUE.equals(psc.getRunAsNonRoot()));
            if (!nonRoot) {
                out.add(name + ": runAsNonRoot must be true (on the container or the pod)");
            }
            Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : psc.getRunAsUser();
            if (uid != null && uid == 0) {
                out.add(name + ": runAsUser must not be 0");
            }
            String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType() : podSeccomp;
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                out.add(name + ": seccompProfile.type must be RuntimeDefault or Localhost");
            }
            List<String> drop = sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null ? List.of()
                    : sc.getCapabilities().getDrop();
            if (!drop.contains("ALL")) {
                out.add(name + ": capabilities.drop must include ALL");
            }
            List<String> add = sc.getCapabilities() == null || sc.getCapabilities().getAdd() == null ? List.of()
                    : sc.getCapabilities().getAdd();
            if (add.stream().anyMatch(a -> !a.equals("NET_BIND_SERVICE"))) {
                out.add(name + ": capabilities.add may only hold NET_BIND_SERVICE");
            }
        }
        return out;
    }
}
