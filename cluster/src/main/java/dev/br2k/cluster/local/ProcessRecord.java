package dev.br2k.cluster.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A process this module started, identified by pid and start time so that a recycled pid is never
 * taken for it.
 *
 * @param pid       process id
 * @param startedAt the process's start time as the OS reports it
 */
public record ProcessRecord(long pid, Instant startedAt) {

    public static ProcessRecord of(ProcessHandle handle) {
        return new ProcessRecord(handle.pid(), handle.info().startInstant().orElse(Instant.EPOCH));
    }

    /** The live process, if this one still runs. */
    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().startInstant()
                        .map(s -> Duration.between(s, startedAt).abs().toMillis() < 2000)
                        .orElse(true));
    }

    public boolean alive() {
        return handle().isPresent();
    }
}
