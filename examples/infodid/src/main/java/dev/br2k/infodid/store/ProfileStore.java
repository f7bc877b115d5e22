package dev.br2k.infodid.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.infodid.Consent;
import dev.br2k.infodid.Did;
import dev.br2k.infodid.Profile;
import dev.br2k.infodid.ProfileDraft;
import dev.br2k.infodid.ProfileRead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One replica's InfoDID database: a SQLite file in the replica's state directory. Every change runs in
 * one transaction ({@link #inTransaction}), so a request that fails leaves nothing behind — replicas
 * skip failed entries, and their state must stay identical to the leader's.
 */
public final class ProfileStore implements AutoCloseable {
    public static final String FILE_NAME = "infodid.db";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final Path file;
    private Connection connection;

    private ProfileStore(Path file) {
        this.file = file;
    }

    /** Opens (or creates) the database in {@code stateDir}. */
    public static ProfileStore open(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the state directory " + stateDir + ": " + e.getMessage(), e);
        }
        ProfileStore store = new ProfileStore(stateDir.resolve(FILE_NAME));
        store.connect();
        return store;
    }

    private void connect() {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                // WAL with synchronous=FULL: a commit is on disk when it returns, so lpi in etcd is never ahead of
                // what survives a power loss (spec I5; SqliteStateHooks.durable() says so)
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS profiles (address TEXT PRIMARY KEY, name TEXT NOT NULL, photo TEXT,"
                        + " education TEXT NOT NULL, career TEXT NOT NULL, valid_until INTEGER, updated_at INTEGER NOT NULL)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS consents (owner TEXT NOT NULL, reader TEXT NOT NULL,"
                        + " granted_at INTEGER NOT NULL, until INTEGER, PRIMARY KEY (owner, reader))");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS reads (id INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL,"
                        + " reader TEXT NOT NULL, at INTEGER NOT NULL, request_id TEXT NOT NULL)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS nonces (address TEXT PRIMARY KEY, nonce INTEGER NOT NULL)");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the InfoDID database " + file + ": " + e.getMessage(), e);
        }
    }

    /** SQLite's {@code PRAGMA synchronous} of the open connection (2 = FULL). */
    synchronized int synchronousMode() throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("PRAGMA synchronous")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    public Path file() {
        return file;
    }

    /** A unit of work on the database. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProfileStore store) throws Exception;
    }

    /** Runs {@code work} in one transaction: all of it is kept, or (when it throws) none of it. */
    public synchronized <T> T inTransaction(Work<T> work) throws Exception {
        connection.setAutoCommit(false);
        try {
            T result = work.run(this);
            connection.commit();
            return result;
        } catch (Exception | Error e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The newest nonce this signer has used on a state-changing request. */
    public synchronized OptionalLong lastNonce(Did signer) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT nonce FROM nonces WHERE address = ?")) {
            p.setString(1, signer.address());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    public synchronized void saveNonce(Did signer, long nonce) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO nonces (address, nonce) VALUES (?, ?) ON CONFLICT(address) DO UPDATE SET nonce = excluded.nonce")) {
            p.setString(1, signer.address());
            p.setLong(2, nonce);
            p.executeUpdate();
        }
    }

    public synchronized Profile putProfile(Did owner, ProfileDraft draft, Instant at) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO profiles"
                + " (address, name, photo, education, career, valid_until, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT(address) DO UPDATE SET name = excluded.name, photo = excluded.photo,"
                + " education = excluded.education, career = excluded.career, valid_until = excluded.valid_until,"
                + " updated_at = excluded.updated_at")) {
            p.setString(1, owner.address());
            p.setString(2, draft.name());
            p.setString(3, draft.photo().orElse(null));
            p.setString(4, json(draft.education()));
            p.setString(5, json(draft.career()));
            setInstant(p, 6, draft.validUntil());
            p.setLong(7, at.toEpochMilli());
            p.executeUpdate();
        }
        return new Profile(owner, draft.name(), draft.photo(), draft.education(), draft.career(), draft.validUntil(), at);
    }

    public synchronized Optional<Profile> profile(Did owner) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT name, photo, education, career, valid_until, updated_at FROM profiles WHERE address = ?")) {
            p.setString(1, owner.address());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Profile(owner, r.getString(1), Optional.ofNullable(r.getString(2)),
                        strings(r.getString(3)), strings(r.getString(4)), instant(r, 5), Instant.ofEpochMilli(r.getLong(6))));
            }
        }
    }

    /** Deletes the profile with its consents; the read log stays (it is the owner's record of who saw what). */
    public synchronized boolean deleteProfile(Did owner) throws SQLException {
        try (PreparedStatement c = connection.prepareStatement("DELETE FROM consents WHERE owner = ?");
             PreparedStatement p = connection.prepareStatement("DELETE FROM profiles WHERE address = ?")) {
            c.setString(1, owner.address());
            c.executeUpdate();
            p.setString(1, owner.address());
            return p.executeUpdate() > 0;
        }
    }

    public synchronized Consent putConsent(Did owner, Did reader, Instant at, Optional<Instant> until) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO consents (owner, reader, granted_at, until)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT(owner, reader) DO UPDATE SET granted_at = excluded.granted_at,"
                + " until = excluded.until")) {
            p.setString(1, owner.address());
            p.setString(2, reader.address());
            p.setLong(3, at.toEpochMilli());
            setInstant(p, 4, until);
            p.executeUpdate();
        }
        return new Consent(owner, reader, at, until);
    }

    public synchronized boolean deleteConsent(Did owner, Did reader) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM consents WHERE owner = ? AND reader = ?")) {
            p.setString(1, owner.address());
            p.setString(2, reader.address());
            return p.executeUpdate() > 0;
        }
    }

    public synchronized Optional<Consent> consent(Did owner, Did reader) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT granted_at, until FROM consents WHERE owner = ? AND reader = ?")) {
            p.setString(1, owner.address());
            p.setString(2, reader.address());
            try (ResultSet r = p.executeQuery()) {
                return r.next()
                        ? Optional.of(new Consent(owner, reader, Instant.ofEpochMilli(r.getLong(1)), instant(r, 2)))
                        : Optional.empty();
            }
        }
    }

    public synchronized List<Consent> consents(Did owner) throws SQLException {
        List<Consent> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT reader, granted_at, until FROM consents WHERE owner = ? ORDER BY reader")) {
            p.setString(1, owner.address());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Consent(owner, new Did(r.getString(1)), Instant.ofEpochMilli(r.getLong(2)), instant(r, 3)));
                }
            }
        }
        return out;
    }

    public synchronized ProfileRead logRead(Did owner, Did reader, Instant at, String requestId) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO reads (owner, reader, at, request_id) VALUES (?, ?, ?, ?)")) {
            p.setString(1, owner.address());
            p.setString(2, reader.address());
            p.setLong(3, at.toEpochMilli());
            p.setString(4, requestId);
            p.executeUpdate();
        }
        return new ProfileRead(owner, reader, at, requestId);
    }

    /** Reads of {@code owner}'s profile, oldest first. */
    public synchronized List<ProfileRead> reads(Did owner) throws SQLException {
        List<ProfileRead> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT reader, at, request_id FROM reads WHERE owner = ? ORDER BY id")) {
            p.setString(1, owner.address());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new ProfileRead(owner, new Did(r.getString(1)), Instant.ofEpochMilli(r.getLong(2)), r.getString(3)));
                }
            }
        }
        return out;
    }

    /** Writes a consistent copy of the database to {@code target} (SQLite's VACUUM INTO). */
    public synchronized void backupTo(Path target) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        }
    }

    /** Replaces the whole database with the copy in {@code source} (sqlite-jdbc's restore). */
    public synchronized void restoreFrom(Path source) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("restore from '" + source.toAbsolutePath().toString().replace("'", "''") + "'");
        }
    }

    /** Empties every table: the initial state. */
    public synchronized void clear() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String table : List.of("profiles", "consents", "reads", "nonces")) {
                s.executeUpdate("DELETE FROM " + table);
            }
            s.executeUpdate("DELETE FROM sqlite_sequence");
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot close the InfoDID database " + file + ": " + e.getMessage(), e);
        }
    }

    private static String json(List<String> items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StoreException("the database holds a malformed list: " + json, e);
        }
    }

    private static void setInstant(PreparedStatement p, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            p.setLong(index, value.get().toEpochMilli());
        } else {
            p.setNull(index, java.sql.Types.INTEGER);
        }
    }

    private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
