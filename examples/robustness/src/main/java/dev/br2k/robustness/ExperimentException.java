package dev.br2k.robustness;

/** The experiment could not be set up or run; the message says what failed and what to do. */
public class ExperimentException extends RuntimeException {
    public ExperimentException(String message) {
        super(message);
    }

    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
    }
}
