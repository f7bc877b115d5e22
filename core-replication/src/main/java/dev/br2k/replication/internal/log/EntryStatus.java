package dev.br2k.replication.internal.log;

/** The status of a log entry (spec §1.3, RS). */
public enum EntryStatus {
    NULL, IN_PROCESS, SUCCESS, FAILED, IGNORE
}
