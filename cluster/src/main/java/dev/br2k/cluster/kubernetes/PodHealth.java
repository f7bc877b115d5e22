package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ReplicaPhase;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a pod's phase, restarts and failure from its status; pure functions. */
public final class PodHealth {

    private static final Set<String> FAILING_WAIT_REASONS = Set.of("CrashLoopBackOff", "Error", "RunContainerError",
            "CreateContainerError");

    private PodHealth() {
    }

    /** A failed container and why, if one has failed: phase Failed/Unknown, a crash loop, or a terminated container. */
    public record Failure(String container, String reason) {
    }

    public static Optional<Failure> failure(Pod pod) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        String phase = pod.getStatus().getPhase();
        for (ContainerStatus c : statuses(pod)) {
            if (c.getState() != null && c.getState().getWaiting() != null
                    && FAILING_WAIT_REASONS.contains(c.getState().getWaiting().getReason())) {
                return Optional.of(new Failure(c.getName(), c.getState().getWaiting().getReason()));
            }
            if (c.getState() != null && c.getState().getTerminated() != null) {
                return Optional.of(new Failure(c.getName(), "terminated: "
                        + Optional.ofNullable(c.getState().getTerminated().getReason()).orElse("exit "
                        + c.getState().getTerminated().getExitCode())));
            }
        }
        if ("Failed".equals(phase) || "Unknown".equals(phase)) {
            return Optional.of(new Failure("", "pod " + phase.toLowerCase()
                    + Optional.ofNullable(pod.getStatus().getReason()).map(r -> ": " + r).orElse("")));
        }
        return Optional.empty();
    }

    public static ReplicaPhase phase(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return ReplicaPhase.STOPPED;
        }
        if (failure(pod).isPresent()) {
            return ReplicaPhase.FAILED;
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Running".equals(phase)) {
            List<ContainerStatus> statuses = statuses(pod);
            boolean ready = !statuses.isEmpty() && statuses.stream().allMatch(c -> Boolean.TRUE.equals(c.getReady()));
            return ready ? ReplicaPhase.RUNNING : ReplicaPhase.STARTING;
        }
        if ("Succeeded".equals(phase)) {
            return ReplicaPhase.FAILED;
        }
        return ReplicaPhase.STARTING;
    }

    public static int restarts(Pod pod) {
        return statuses(pod).stream().mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
    }

    public static int restarts(Pod pod, String container) {
        return statuses(pod).stream().filter(c -> container.equals(c.getName()))
                .mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
    }

    private static List<ContainerStatus> statuses(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
    }
}
