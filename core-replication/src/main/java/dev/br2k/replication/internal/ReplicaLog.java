package dev.br2k.replication.internal;

import dev.br2k.protocol.Role;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SLF4J logging with the replica id and its current role at the start of every line. */
public final class ReplicaLog {
    private final Logger log;
    private final String id;
    private final Supplier<Role> role;

    public ReplicaLog(Class<?> owner, String id, Supplier<Role> role) {
        this.log = LoggerFactory.getLogger(owner);
        this.id = id;
        this.role = role;
    }

    private String p(String msg) {
        return "[" + id + " " + role.get() + "] " + msg;
    }

    public void debug(String msg, Object... args) {
        if (log.isDebugEnabled()) {
            log.debug(p(msg), args);
        }
    }

    public void info(String msg, Object... args) {
        log.info(p(msg), args);
    }

    public void warn(String msg, Object... args) {
        log.warn(p(msg), args);
    }

    public void error(String msg, Object... args) {
        log.error(p(msg), args);
    }
}
