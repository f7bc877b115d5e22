package dev.br2k.testkit;

/** Something a real test component could not do: start, answer, change membership, stop. */
public class TestkitException extends RuntimeException {

    public TestkitException(String message) {
        super(message);
    }

    public TestkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
