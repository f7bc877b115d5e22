package dev.br2k.cluster.context;

import java.util.List;

/** A deployment context file is unreadable or invalid; {@link #problems()} names every bad field. */
public final class InvalidContextException extends InvalidFileException {

    static final String WHAT = "deployment context";

    public InvalidContextException(String source, List<ContextProblem> problems) {
        super(WHAT, source, problems);
    }

    public InvalidContextException(String source, String message, Throwable cause) {
        super(WHAT, source, message, cause);
    }
}
