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
 * @param stateVersion     {@code state-version}: 1 until the first backup compacted the log
 */
public record LogAudit(long logSize, long serviceState, Map<String, Long> statusCounts, Map<String, Integer> successes,
                       long leaderTakeovers, long stateVersion) {
    /** True when backups compacted the log: it then holds only the entries since the newest backup. */
    public boolean compacted() {
        return stateVersion > 1;
    }

    public long count(String status) {
        return statusCounts.getOrDefault(status, 0L);
    }
}
