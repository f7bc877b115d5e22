package dev.br2k.protocol;

import java.util.Arrays;

/** The status field of {@code status/<index>} (spec §1.3, RS). */
public enum EntryStatus {
    /** Appended, not yet run (older logs; a Register turns it into {@link #IGNORE}). */
    NULL,
    /** An only-once entry whose handler may be running. */
    IN_PROCESS,
    /** Run, and its effect is part of the service state. */
    SUCCESS,
    /** Run, and its handler failed: it changed nothing. */
    FAILED,
    /** Never to be run: its outcome is unknown or it was never confirmed. */
    IGNORE;

    /** The status named exactly as the runtime writes it. */
    public static EntryStatus parse(String text) {
        for (EntryStatus status : values()) {
            if (status.name().equals(text)) {
                return status;
            }
        }
        throw new ProtocolException("'" + text + "' is not an entry status; expected one of " + Arrays.toString(values()));
    }
}
