package dev.br2k.replication;

/** A backup artifact is missing, truncated or does not match the SHA-256 in its backup record. */
public class BackupVerificationException extends Br2kException {
    public BackupVerificationException(String message) {
        super(message);
    }
}
