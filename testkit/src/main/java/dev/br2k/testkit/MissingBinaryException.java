package dev.br2k.testkit;

/**
 * A program a test needs is not installed. The message names the program and the install step
 * that provides it; tests never skip silently because of a missing binary.
 */
public final class MissingBinaryException extends TestkitException {

    public MissingBinaryException(String binary, String installHint) {
        super("'" + binary + "' is not installed. " + installHint);
    }
}
