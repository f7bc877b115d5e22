package dev.br2k.replication.sample;

import dev.br2k.replication.BadRequestResponse;
import dev.br2k.replication.Br2kApp;
import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.HttpMethod;
import dev.br2k.replication.NotFoundResponse;
import dev.br2k.replication.StateHooks;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The sample BR2K service: a key-value store and counters in SQLite ({@code <stateDir>/kv.db}).
 *
 * <ul>
 *   <li>{@code PUT /kv/{key}} (replicate): body is the value; answers {@code {"key","value","index"}}</li>
 *   <li>{@code DELETE /kv/{key}} (replicate)</li>
 *   <li>{@code POST /items} (replicate): JSON {@code {"key":..,"value":..}}</li>
 *   <li>{@code POST /counter/{name}} (replicate): adds 1 (not idempotent: shows exactly-once retries)</li>
 *   <li>{@code POST /random/{key}} (replicate): stores {@code ctx.random()} and {@code ctx.timestamp()}</li>
 *   <li>{@code GET /kv/{key}}, {@code GET /kv}, {@code GET /counter/{name}} (only-once, leader)</li>
 *   <li>{@code POST /notify} (only-once): counts calls, standing for an e-mail or chain call</li>
 *   <li>{@code POST /txlog} (external-txn): JSON {@code {"txHash":"0x<64 hex>"}}, logged and processed by no one</li>
 * </ul>
 *
 * <p>Run it as a process with the BR2K_* environment variables (see the module README):
 * {@code java -cp <classpath> dev.br2k.replication.sample.KvService}.
 */
public final class KvService implements AutoCloseable {
    private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

    /** The JSON body of {@code POST /items}. */
    public record Item(String key, String value) { }

    /** The JSON body of {@code POST /txlog}. */
    public record TxLog(String txHash) { }

    private final Br2kApp app;
    private final Path db;
    private final AtomicLong onlyOnceCalls = new AtomicLong();
    private volatile boolean failWrites;
    private volatile long slowWritesMillis;
    private final AtomicLong slowWritesStarted = new AtomicLong();
    private Connection conn;

    private KvService(Consumer<Br2kConfig> configurer) {
        this.app = Br2kApp.create(config -> {
            configurer.accept(config);
            config.stateHooks(new SqliteHooks());
        });
        Path stateDir = app.config().stateDir();
        if (stateDir == null) {
            throw new IllegalStateException("KvService needs a state directory (BR2K_STATE_DIR)");
        }
        this.db = stateDir.resolve("kv.db");
        app.replicate(HttpMethod.PUT, "/kv/{key}", ctx -> {
            put(ctx.pathParam("key"), ctx.body());
            ctx.json(Map.of("key", ctx.pathParam("key"), "value", ctx.body(), "index", ctx.index()));
        });
        app.replicate(HttpMethod.DELETE, "/kv/{key}", ctx -> {
            update("DELETE FROM kv WHERE k = ?", ctx.pathParam("key"));
            ctx.status(204);
        });
        app.replicate(HttpMethod.POST, "/items", ctx -> {
            Item item = ctx.bodyAsClass(Item.class);
            if (item.key() == null || item.key().isBlank()) {
                throw new BadRequestResponse("an item needs a non-empty \"key\"");
            }
            put(item.key(), item.value() == null ? "" : item.value());
            ctx.status(201).json(item);
        });
        app.replicate(HttpMethod.POST, "/counter/{name}", ctx -> {
            long value = increment(ctx.pathParam("name"));
            ctx.json(Map.of("name", ctx.pathParam("name"), "value", value));
        });
        app.replicate(HttpMethod.POST, "/random/{key}", ctx -> {
            String value = ctx.random().nextLong() + "@" + ctx.timestamp().toEpochMilli();
            put(ctx.pathParam("key"), value);
            ctx.json(Map.of("key", ctx.pathParam("key"), "value", value));
        });
        app.onlyOnce(HttpMethod.GET, "/kv/{key}", ctx -> ctx.result(get(ctx.pathParam("key"))
                .orElseThrow(() -> new NotFoundResponse("no key '" + ctx.pathParam("key") + "'"))));
        app.onlyOnce(HttpMethod.GET, "/kv", ctx -> ctx.json(entries()));
        app.onlyOnce(HttpMethod.GET, "/counter/{name}", ctx ->
                ctx.json(Map.of("name", ctx.pathParam("name"), "value", counter(ctx.pathParam("name")))));
        app.onlyOnce(HttpMethod.POST, "/notify", ctx -> ctx.json(Map.of("calls", onlyOnceCalls.incrementAndGet())));
        app.externalTxn(HttpMethod.POST, "/txlog", ctx -> {
            TxLog tx = ctx.bodyAsClass(TxLog.class);
            if (tx.txHash() == null || !TX_HASH.matcher(tx.txHash()).matches()) {
                throw new BadRequestResponse("txHash must be 0x followed by 64 hex digits");
            }
        });
    }

    /** Creates the service; {@code configurer} fills in the replica's settings. Call {@link #start()}. */
    public static KvService create(Consumer<Br2kConfig> configurer) {
        return new KvService(configurer);
    }

    public KvService start() {
        try {
            Files.createDirectories(db.getParent());
            open();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot open " + db + ": " + e.getMessage(), e);
        }
        app.start();
        return this;
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "br2k-sample-logback.xml");
        }
        KvService service = create(config -> config.fromEnvironment(System.getenv())).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "kv-shutdown"));
        stopped.await();
    }

    public Br2kApp app() {
        return app;
    }

    public URI url() {
        return app.url();
    }

    /** How many times an only-once handler ran in this replica. */
    public long onlyOnceCalls() {
        return onlyOnceCalls.get();
    }

    /**
     * A fault for tests: while on, every write to the database fails as on a full disk, and the handler that
     * made it throws (leaving the database unchanged).
     */
    public void failWrites(boolean on) {
        failWrites = on;
    }

    /** A fault for tests: every write first waits this long (a slow disk), so a test can act while a handler runs. */
    public void slowWrites(java.time.Duration delay) {
        slowWritesMillis = delay.toMillis();
    }

    /** How many injected slow writes have begun: a test waits for this to know a handler is running. */
    public long slowWritesStarted() {
        return slowWritesStarted.get();
    }

    /** Every key and value, sorted by key: compare replicas with this. */
    public synchronized Map<String, String> entries() throws SQLException {
        return readAll(conn);
    }

    /** Reads a kv.db file (of a stopped replica). */
    public static Map<String, String> readDatabase(Path dbFile) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile)) {
            return readAll(c);
        }
    }

    private static Map<String, String> readAll(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT k, v FROM kv ORDER BY k")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT name, value FROM counter ORDER BY name")) {
                while (rs.next()) {
                    out.put("counter:" + rs.getString(1), String.valueOf(rs.getLong(2)));
                }
            }
        }
        return out;
    }

    private synchronized void open() throws SQLException {
        conn = DriverManager.getConnection("jdbc:sqlite:" + db);
        try (Statement s = conn.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
        }
    }

    private synchronized void put(String key, String value) throws SQLException {
        update("INSERT INTO kv (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v", key, value);
    }

    private synchronized long increment(String name) throws SQLException {
        update("INSERT INTO counter (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1", name);
        return counter(name);
    }

    private synchronized long counter(String name) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM counter WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private synchronized java.util.Optional<String> get(String key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT v FROM kv WHERE k = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    private synchronized void update(String sql, String... args) throws SQLException {
        if (failWrites) {
            throw new SQLException("database or disk is full (a fault injected with failWrites)");
        }
        if (slowWritesMillis > 0) {
            slowWritesStarted.incrementAndGet();
            try {
                Thread.sleep(slowWritesMillis); // the injected fault itself, not a wait for something
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted during an injected slow write", e);
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    /** Snapshot with SQLite's backup API; restore in place through the open connection. */
    private final class SqliteHooks implements StateHooks {
        @Override
        public void snapshot(Path stateDir, Path target) throws IOException {
            synchronized (KvService.this) {
                try (Statement s = conn.createStatement()) {
                    s.executeUpdate("backup to '" + target.resolve("kv.db").toString().replace("'", "''") + "'");
                } catch (SQLException e) {
                    throw new IOException("SQLite backup failed: " + e.getMessage(), e);
                }
            }
        }

        @Override
        public void restore(Path source, Path stateDir) throws IOException {
            synchronized (KvService.this) {
                try (Statement s = conn.createStatement()) {
                    Path file = source.resolve("kv.db");
                    if (Files.exists(file)) {
                        s.executeUpdate("restore from '" + file.toString().replace("'", "''") + "'");
                    } else {
                        s.execute("DELETE FROM kv");
                        s.execute("DELETE FROM counter");
                    }
                } catch (SQLException e) {
                    throw new IOException("SQLite restore failed: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        app.close();
        synchronized (this) {
            try {
                if (conn != null) {
                    conn.close();
                }
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
