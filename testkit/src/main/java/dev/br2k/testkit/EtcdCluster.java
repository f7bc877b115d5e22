package dev.br2k.testkit;

import dev.br2k.testkit.internal.ComponentExtension;
import dev.br2k.testkit.internal.EtcdHttp;
import dev.br2k.testkit.internal.FreePorts;
import dev.br2k.testkit.internal.ManagedProcess;
import dev.br2k.testkit.internal.Poll;
import dev.br2k.testkit.internal.ProcessReaper;
import dev.br2k.testkit.tls.CertificateAuthority;
import dev.br2k.testkit.tls.KeyStyle;
import dev.br2k.testkit.tls.TlsFiles;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A real etcd cluster of Debian's etcd on free loopback ports, for tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();
 *
 * @Test
 * void survives_the_leader_being_killed() {
 *     EtcdMember old = etcd.leader();
 *     etcd.kill(old);
 *     assertThat(etcd.leader()).isNotEqualTo(old);
 * }
 * }</pre>
 *
 * With {@link Builder#tls()} the members serve clients and each other over TLS and require a client
 * certificate signed by the cluster's own test CA ({@link #clientTls()} has the files a client needs); with
 * {@link Builder#auth} etcd's authentication is on, with a {@code root} user and one user whose role may read
 * and write one key prefix.
 *
 * <p>Outside JUnit, {@code EtcdCluster.builder().members(3).build().start()} and {@link #close()}.
 * Every member's data directory is deleted on close, and no process outlives the JVM.
 */
public final class EtcdCluster extends ComponentExtension {

    private static final Duration STARTUP = Duration.ofSeconds(45);

    private final int initialMembers;
    private final int heartbeatMillis;
    private final int electionTimeoutMillis;
    private final boolean tls;
    private final Optional<Auth> auth;
    private CertificateAuthority authority;
    private TlsFiles serverTls;
    private TlsFiles clientTls;
    private volatile EtcdHttp gateway = EtcdHttp.PLAIN;
    private final List<EtcdMember> members = new CopyOnWriteArrayList<>();
    private Path baseDir;
    private int nextOrdinal = 1;
    private volatile boolean started;

    private EtcdCluster(Builder builder) {
        this.initialMembers = builder.members;
        this.heartbeatMillis = builder.heartbeatMillis;
        this.electionTimeoutMillis = builder.electionTimeoutMillis;
        this.tls = builder.tls;
        this.auth = builder.auth;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts every member and waits until they agree on a leader. */
    public synchronized EtcdCluster start() {
        if (started) {
            return this;
        }
        Tools.etcd();
        baseDir = ProcessReaper.get().newDirectory("etcd");
        if (tls) {
            authority = CertificateAuthority.create("br2k test etcd CA");
            serverTls = authority.issue(baseDir.resolve("tls-server"), "etcd", KeyStyle.EC_SEC1, "127.0.0.1", "localhost");
            // Client certificates without a Common Name: with auth on, etcd's JSON gateway refuses any that has one
            // (HTTP 400 "CommonName of client sending a request against gateway will be ignored"); the user comes
            // from the password log-in instead.
            clientTls = authority.issue(baseDir.resolve("tls-client"), "", KeyStyle.EC_PKCS8, "br2k-client");
            gateway = EtcdHttp.tls(authority.sslContext(authority.issueInMemory("", KeyStyle.EC_PKCS8, "br2k-testkit")));
        }
        List<EtcdMember> created = new ArrayList<>();
        for (int i = 0; i < initialMembers; i++) {
            created.add(newMember());
        }
        String initialCluster = created.stream().map(m -> m.name() + "=" + m.peerUrl())
                .collect(Collectors.joining(","));
        members.addAll(created);
        started = true;
        try {
            for (EtcdMember member : created) {
                spawn(member, initialCluster, "new");
            }
            for (EtcdMember member : created) {
                awaitAnswer(member);
            }
            awaitHealthy(STARTUP);
            auth.ifPresent(this::enableAuth);
        } catch (RuntimeException e) {
            String logs = diagnostics();
            close();
            throw new TestkitException(e.getMessage() + "\n" + logs, e);
        }
        return this;
    }

    /** The files a client needs (the CA, a client certificate and its key) when the cluster was built with TLS. */
    public Optional<TlsFiles> clientTls() {
        return Optional.ofNullable(clientTls);
    }

    /** The test CA that signed the members' and {@link #clientTls()}'s certificates, when built with TLS. */
    public Optional<CertificateAuthority> authority() {
        return Optional.ofNullable(authority);
    }

    /** This cluster's JSON gateway client: HTTPS with a client certificate under TLS, etcd's root user under auth. */
    public EtcdHttp gateway() {
        return gateway;
    }

    /** Every member not removed, running or not. */
    public List<EtcdMember> members() {
        return List.copyOf(members);
    }

    /** The client URLs of the running members, comma separated, as etcd clients take them. */
    public String endpoints() {
        return clientUrls().stream().map(URI::toString).collect(Collectors.joining(","));
    }

    /** The client URLs of the running members. */
    public List<URI> clientUrls() {
        return members.stream().filter(EtcdMember::isRunning).map(EtcdMember::clientUrl).toList();
    }

    /** The leader the running, unpaused members agree on, waiting up to 30 s for one. */
    public EtcdMember leader() {
        return Poll.until(Duration.ofSeconds(30), "an etcd leader that every running member agrees on",
                this::currentLeader);
    }

    /** The leader, if the running, unpaused members agree on one right now. */
    public Optional<EtcdMember> currentLeader() {
        List<EtcdMember> live = members.stream().filter(m -> m.isRunning() && !m.isPaused()).toList();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        long leaderId = -1;
        for (EtcdMember member : live) {
            EtcdHttp.Status status;
            try {
                status = gateway.status(member.clientUrl());
            } catch (TestkitException e) {
                return Optional.empty();
            }
            if (status.leaderId() == 0 || (leaderId != -1 && status.leaderId() != leaderId)) {
                return Optional.empty();
            }
            leaderId = status.leaderId();
        }
        long agreed = leaderId;
        return live.stream().filter(m -> m.memberId() == agreed).findFirst();
    }

    /** The member list as etcd itself reports it, asked of a running member. */
    public List<Long> memberIdsReportedByEtcd() {
        return gateway.members(anyLiveMember().clientUrl()).stream().map(EtcdHttp.Member::id).toList();
    }

    /** SIGKILL: the member dies at once, as on a crash. Its data directory stays. */
    public void kill(EtcdMember member) {
        requireRunning(member).process().kill();
    }

    /** A graceful stop (SIGTERM): a leader hands leadership over first. Its data directory stays. */
    public void stop(EtcdMember member) {
        requireRunning(member).process().stop(Duration.ofSeconds(15));
    }

    /** SIGSTOP: the member is frozen, as a machine whose disk or CPU stalls. */
    public void pause(EtcdMember member) {
        requireRunning(member).process().pause();
        member.paused(true);
    }

    /** SIGCONT after {@link #pause}. */
    public void resume(EtcdMember member) {
        requireRunning(member).process().resume();
        member.paused(false);
    }

    /** Starts a killed or stopped member again on its old data; waits until it answers. */
    public void restart(EtcdMember member) {
        if (member.isRunning()) {
            member.process().stop(Duration.ofSeconds(15));
        }
        String initialCluster = members.stream().map(m -> m.name() + "=" + m.peerUrl())
                .collect(Collectors.joining(","));
        launch(member, initialCluster, "existing");
    }

    /** Adds a member (etcd member add, then a new process) and waits until it answers. */
    public synchronized EtcdMember addMember() {
        EtcdMember member = newMember();
        List<EtcdHttp.Member> after = Poll.until(Duration.ofSeconds(30),
                "etcd to accept a new member (it refuses while the cluster is young or unhealthy)",
                () -> Optional.of(gateway.addMember(anyLiveMember().clientUrl(), member.peerUrl().toString())));
        String initialCluster = after.stream()
                .map(m -> (m.name().isEmpty() ? member.name() : m.name()) + "=" + m.peerUrls().get(0))
                .collect(Collectors.joining(","));
        members.add(member);
        launch(member, initialCluster, "existing");
        return member;
    }

    /** Removes a member from the cluster (etcd member remove), stops it and deletes its data. */
    public synchronized void removeMember(EtcdMember member) {
        EtcdMember via = members.stream().filter(m -> m != member && m.isRunning() && !m.isPaused()).findFirst()
                .orElseThrow(() -> new TestkitException("No other running member to remove " + member + " through"));
        Poll.until(Duration.ofSeconds(30), "etcd to remove member " + member, () -> {
            gateway.removeMember(via.clientUrl(), member.memberId());
            return Optional.of(true);
        });
        if (member.isRunning()) {
            member.process().stop(Duration.ofSeconds(10));
        }
        members.remove(member);
        DirectoryTree.delete(member.dataDir());
    }

    /** Waits until every running member answers and they agree on a leader. */
    public void awaitHealthy(Duration timeout) {
        Poll.until(timeout, "every running etcd member to answer and agree on a leader", this::currentLeader);
    }

    @Override
    public synchronized void close() {
        if (!started) {
            return;
        }
        started = false;
        for (EtcdMember member : members) {
            if (member.process() != null) {
                member.process().kill();
            }
        }
        members.clear();
        if (baseDir != null) {
            DirectoryTree.delete(baseDir);
        }
    }

    @Override
    protected void startComponent() {
        start();
    }

    @Override
    protected boolean isStarted() {
        return started;
    }

    @Override
    protected String diagnostics() {
        StringBuilder out = new StringBuilder();
        for (EtcdMember member : members) {
            out.append("== ").append(member).append(" ==\n");
            if (member.process() != null) {
                out.append(member.process().tail(15)).append('\n');
            }
        }
        return out.toString();
    }

    private EtcdMember newMember() {
        String name = "m" + nextOrdinal++;
        String scheme = tls ? "https" : "http";
        URI client = URI.create(scheme + "://127.0.0.1:" + FreePorts.next());
        URI peer = URI.create(scheme + "://127.0.0.1:" + FreePorts.next());
        return new EtcdMember(name, client, peer, baseDir.resolve(name + ".data"));
    }

    private void launch(EtcdMember member, String initialCluster, String clusterState) {
        spawn(member, initialCluster, clusterState);
        awaitAnswer(member);
    }

    private void spawn(EtcdMember member, String initialCluster, String clusterState) {
        List<String> command = new ArrayList<>(List.of(Tools.etcd().toString(),
                "--name", member.name(),
                "--data-dir", member.dataDir().toString(),
                "--listen-client-urls", member.clientUrl().toString(),
                "--advertise-client-urls", member.clientUrl().toString(),
                "--listen-peer-urls", member.peerUrl().toString(),
                "--initial-advertise-peer-urls", member.peerUrl().toString(),
                "--initial-cluster", initialCluster,
                "--initial-cluster-token", baseDir.getFileName().toString(),
                "--initial-cluster-state", clusterState,
                "--heartbeat-interval", Integer.toString(heartbeatMillis),
                "--election-timeout", Integer.toString(electionTimeoutMillis),
                "--logger", "zap",
                "--log-outputs", "stderr"));
        if (tls) {
            command.addAll(List.of("--client-cert-auth", "--trusted-ca-file", serverTls.caFile().toString(),
                    "--cert-file", serverTls.certFile().toString(), "--key-file", serverTls.keyFile().toString(),
                    "--peer-client-cert-auth", "--peer-trusted-ca-file", serverTls.caFile().toString(),
                    "--peer-cert-file", serverTls.certFile().toString(), "--peer-key-file", serverTls.keyFile().toString()));
        }
        member.attach(ManagedProcess.start("etcd " + member.name(), command, baseDir, member.logFile(), Map.of()));
    }

    /** Waits until the member answers a status request, which it does once it has joined the cluster. */
    private void awaitAnswer(EtcdMember member) {
        long id = Poll.until(STARTUP, "etcd member " + member.name() + " to answer on " + member.clientUrl(), () -> {
            if (!member.isRunning()) {
                throw new TestkitException("etcd member " + member.name() + " exited:\n" + member.process().tail(20));
            }
            return Optional.of(gateway.status(member.clientUrl()).memberId());
        });
        member.memberId(id);
    }

    /**
     * etcd's authentication as its guide sets it up: user {@code root} with role {@code root}, the given user with a
     * role of the same name that may read and write keys under the prefix, then {@code auth enable}. From then on the
     * cluster's gateway calls as root.
     */
    private void enableAuth(Auth a) {
        URI url = anyLiveMember().clientUrl();
        EtcdHttp g = gateway;
        g.call(url, "/v3/auth/user/add", json("name", "root", "password", a.rootPassword()));
        g.call(url, "/v3/auth/role/add", json("name", "root"));
        g.call(url, "/v3/auth/user/grant", json("user", "root", "role", "root"));
        g.call(url, "/v3/auth/user/add", json("name", a.user(), "password", a.password()));
        g.call(url, "/v3/auth/role/add", json("name", a.user()));
        byte[] key = a.prefix().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] end = key.clone();
        end[end.length - 1]++;
        var grant = json("name", a.user());
        grant.putObject("perm").put("permType", "READWRITE")
                .put("key", java.util.Base64.getEncoder().encodeToString(key))
                .put("range_end", java.util.Base64.getEncoder().encodeToString(end));
        g.call(url, "/v3/auth/role/grant", grant);
        g.call(url, "/v3/auth/user/grant", json("user", a.user(), "role", a.user()));
        g.call(url, "/v3/auth/enable", json());
        gateway = g.authenticated(url, "root", a.rootPassword());
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode json(String... pairs) {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node;
    }

    /** etcd auth settings: the root password, and a user with read-write rights on a key prefix. */
    public record Auth(String rootPassword, String user, String password, String prefix) {
        public Auth {
            if (rootPassword.isEmpty() || user.isEmpty() || password.isEmpty() || prefix.isEmpty()) {
                throw new IllegalArgumentException("rootPassword, user, password and prefix must not be empty");
            }
        }
    }

    private EtcdMember requireRunning(EtcdMember member) {
        if (!members.contains(member)) {
            throw new TestkitException(member + " is not a member of this cluster");
        }
        if (!member.isRunning()) {
            throw new TestkitException(member + " is not running; restart it first");
        }
        return member;
    }

    private EtcdMember anyLiveMember() {
        return members.stream().filter(m -> m.isRunning() && !m.isPaused()).findFirst()
                .orElseThrow(() -> new TestkitException("No etcd member is running"));
    }

    /** Options for an {@link EtcdCluster}; checked when set. */
    public static final class Builder {
        private int members = 3;
        private int heartbeatMillis = 100;
        private int electionTimeoutMillis = 1000;
        private boolean tls;
        private Optional<Auth> auth = Optional.empty();

        private Builder() {
        }

        /**
         * Clients and peers over TLS with certificates of a CA made for this cluster; clients must present a
         * certificate it signed ({@code --client-cert-auth}, {@code --peer-client-cert-auth}).
         */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /**
         * etcd authentication on: user {@code root} (password {@code rootPassword}) and {@code user} whose role may
         * read and write keys under {@code prefix}.
         */
        public Builder auth(String rootPassword, String user, String password, String prefix) {
            this.auth = Optional.of(new Auth(rootPassword, user, password, prefix));
            return this;
        }

        /** How many members to start with (default 3). */
        public Builder members(int members) {
            if (members < 1 || members > 9) {
                throw new IllegalArgumentException("members must be between 1 and 9, was " + members);
            }
            this.members = members;
            return this;
        }

        /** etcd's --heartbeat-interval (default 100 ms). */
        public Builder heartbeatMillis(int heartbeatMillis) {
            if (heartbeatMillis < 10) {
                throw new IllegalArgumentException("heartbeatMillis must be at least 10, was " + heartbeatMillis);
            }
            this.heartbeatMillis = heartbeatMillis;
            return this;
        }

        /** etcd's --election-timeout (default 1000 ms); at least 5 heartbeats, as etcd requires. */
        public Builder electionTimeoutMillis(int electionTimeoutMillis) {
            if (electionTimeoutMillis < 50) {
                throw new IllegalArgumentException("electionTimeoutMillis must be at least 50, was " + electionTimeoutMillis);
            }
            this.electionTimeoutMillis = electionTimeoutMillis;
            return this;
        }

        public EtcdCluster build() {
            if (electionTimeoutMillis < 5 * heartbeatMillis) {
                throw new IllegalArgumentException("electionTimeoutMillis (" + electionTimeoutMillis
                        + ") must be at least 5 x heartbeatMillis (" + heartbeatMillis + ")");
            }
            return new EtcdCluster(this);
        }
    }
}
