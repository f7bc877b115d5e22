package dev.br2k.registry.replication;

import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.crypto.Ecies;
import dev.br2k.registry.event.BackupAppended;
import dev.br2k.replication.backup.BackupLog;
import dev.br2k.replication.backup.BackupRecord;
import org.web3j.crypto.Credentials;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service's backup log in the registry ({@code appendBackupLog}, event {@code Backup}), spec
 * §1.6/§1.7. Each record is written as JSON, signed by the service account ({@link SignedBackupRecord}) and
 * encrypted with ECIES to the service account's public key; reading decrypts it with that account's key and
 * refuses (with a {@link dev.br2k.replication.BackupVerificationException}) a record that account did not
 * sign. The record carries the key of the encrypted artifacts, so it must never be stored in clear. The client must sign as the service's manager or
 * an operator (normally the service account itself) to append.
 *
 * <p>{@link #append} returns once the transaction is mined, so a reader on the same chain sees the
 * record. Failures are {@link IOException}s whose cause is the registry's exception; a record that
 * was changed or encrypted to another key fails with a
 * {@link dev.br2k.registry.crypto.DecryptionFailedException} cause and is never half-read.
 */
public final class RegistryBackupLog implements BackupLog {

    /** How many of the newest records {@link #newestOf} reads. */
    static final int SEARCHED = 4;

    private final RegistryClient client;
    private final String service;
    private final ServiceId id;
    private final Credentials serviceAccount;

    /**
     * @param client         connected to the registry; signs the appends
     * @param service        the service's name
     * @param serviceAccount the account records are encrypted to and decrypted with
     */
    public RegistryBackupLog(RegistryClient client, String service, Credentials serviceAccount) {
        this.client = Objects.requireNonNull(client, "client");
        this.service = Objects.requireNonNull(service, "service");
        this.id = ServiceId.ofName(service);
        this.serviceAccount = Objects.requireNonNull(serviceAccount, "serviceAccount");
    }

    @Override
    public void append(BackupRecord record) throws IOException {
        Objects.requireNonNull(record, "record");
        if (!record.service().equals(service)) {
            throw new IllegalArgumentException("This backup log is for service '" + service + "', the record is for '"
                    + record.service() + "'");
        }
        byte[] encrypted = Ecies.encrypt(serviceAccount, SignedBackupRecord.write(record, serviceAccount));
        try {
            client.appendBackupLog(id, encrypted);
        } catch (RegistryException e) {
            throw new IOException("Cannot append backup version " + record.version() + " of " + service
                    + " to the registry: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<BackupRecord> newest() throws IOException {
        Optional<BackupAppended> newest;
        try {
            newest = client.latestBackup(id);
        } catch (RegistryException e) {
            throw new IOException("Cannot read the newest backup of " + service + " from the registry: " + e.getMessage(), e);
        }
        return newest.isEmpty() ? Optional.empty() : Optional.of(open(newest.get()));
    }

    /** Looks at the newest {@value #SEARCHED} records, newest first; a record that is not authentic stops the search. */
    @Override
    public Optional<BackupRecord> newestOf(long version) throws IOException {
        List<BackupAppended> recent;
        try {
            recent = client.backups(id, SEARCHED);
        } catch (RegistryException e) {
            throw new IOException("Cannot read the backups of " + service + " from the registry: " + e.getMessage(), e);
        }
        for (BackupAppended appended : recent) {
            BackupRecord record = open(appended);
            if (record.version() == version) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    private BackupRecord open(BackupAppended appended) throws IOException {
        byte[] plain;
        try {
            plain = appended.decrypt(serviceAccount);
        } catch (RegistryException e) {
            throw new IOException("Backup #" + appended.sequence() + " of " + service + " cannot be decrypted with "
                    + serviceAccount.getAddress() + ": " + e.getMessage(), e);
        }
        return SignedBackupRecord.read(plain, serviceAccount.getAddress());
    }
}
