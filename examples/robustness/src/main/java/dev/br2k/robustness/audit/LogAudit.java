package dev.br2k.robustness.audit;

import java.util.Map;

/**
 * What the service's etcd keys say at the end of a run.
 *
 * @param logSize          {@code log-size}
 * @param serviceState     {@code service-state} (SSI)
 * @param statusCounts     how many entries have each status (NULL, IN_PROCESS, SUCCESS, FAILED, IGNORE)
 * @param successes        per client request id, how many log entries with that id are SUCCESS
 * @param leaderTakeovers  how many times the {@code leader} key was written (its etcd version)
 */
public record LogAudit(long logSize, long serviceState, Map<String, Long> statusCounts, Map<String, Integer> successes,
                       long leaderTakeovers) {
    public long count(String status) {
        return statusCounts.getOrDefault(status, 0L);
    }
}
