package dev.br2k.testkit;

import dev.br2k.testkit.internal.ManagedProcess;

import java.net.URI;
import java.nio.file.Path;

/** One member of an {@link EtcdCluster}: a real etcd process with its own ports and data directory. */
public final class EtcdMember {

    private final String name;
    private final URI clientUrl;
    private final URI peerUrl;
    private final Path dataDir;
    private volatile long memberId;
    private volatile ManagedProcess process;
    private volatile boolean paused;

    EtcdMember(String name, URI clientUrl, URI peerUrl, Path dataDir) {
        this.name = name;
        this.clientUrl = clientUrl;
        this.peerUrl = peerUrl;
        this.dataDir = dataDir;
    }

    public String name() {
        return name;
    }

    /** Where clients connect, e.g. {@code http://127.0.0.1:23791}. */
    public URI clientUrl() {
        return clientUrl;
    }

    public URI peerUrl() {
        return peerUrl;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** etcd's own id of this member (as in {@code etcdctl member list}). */
    public long memberId() {
        return memberId;
    }

    /** The member id in etcd's hexadecimal notation. */
    public String memberIdHex() {
        return Long.toHexString(memberId);
    }

    /** The pid of the running etcd process. */
    public long pid() {
        ManagedProcess p = process;
        if (p == null) {
            throw new TestkitException("etcd member " + name + " is not running");
        }
        return p.pid();
    }

    /** True while the process is alive (a paused process is alive). */
    public boolean isRunning() {
        ManagedProcess p = process;
        return p != null && p.isAlive();
    }

    /** True between {@code pause} and {@code resume}. */
    public boolean isPaused() {
        return paused && isRunning();
    }

    public Path logFile() {
        return dataDir.resolveSibling(name + ".log");
    }

    ManagedProcess process() {
        return process;
    }

    void attach(ManagedProcess process) {
        this.process = process;
        this.paused = false;
    }

    void memberId(long id) {
        this.memberId = id;
    }

    void paused(boolean paused) {
        this.paused = paused;
    }

    @Override
    public String toString() {
        return name + "(" + memberIdHex() + " @ " + clientUrl + (isRunning() ? "" : ", down") + ")";
    }
}
