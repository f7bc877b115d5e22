package dev.br2k.registry.event;

import dev.br2k.registry.ServiceId;
import dev.br2k.registry.crypto.Ecies;
import org.web3j.crypto.Credentials;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The contract's {@code Backup}: a backup record was appended to the service's backup log.
 *
 * @param sequence        1 for the service's first backup, then 2, 3, ...
 * @param record          the record as stored, ECIES-encrypted to the service account's key
 * @param by              the account that appended it
 * @param previousChange  the block of the previous backup of this service, if any
 */
public record BackupAppended(ServiceId serviceId, long sequence, byte[] record, String by, OptionalLong previousChange,
                             LogPosition position) implements RegistryEvent {

    public BackupAppended {
        record = Objects.requireNonNull(record, "record").clone();
    }

    @Override
    public byte[] record() {
        return record.clone();
    }

    /**
     * The plain record.
     *
     * @throws dev.br2k.registry.crypto.DecryptionFailedException if it was changed or is for another key
     */
    public byte[] decrypt(Credentials serviceAccount) {
        return Ecies.decrypt(serviceAccount, record);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackupAppended b && serviceId.equals(b.serviceId) && sequence == b.sequence
                && Arrays.equals(record, b.record) && by.equals(b.by) && previousChange.equals(b.previousChange)
                && position.equals(b.position);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serviceId, sequence, Arrays.hashCode(record), by, previousChange, position);
    }

    @Override
    public String toString() {
        return "BackupAppended[serviceId=" + serviceId + ", sequence=" + sequence + ", record=" + record.length
                + " bytes, by=" + by + ", previousChange=" + previousChange + ", position=" + position + "]";
    }
}
