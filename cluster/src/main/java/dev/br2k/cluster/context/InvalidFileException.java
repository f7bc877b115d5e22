package dev.br2k.cluster.context;

import dev.br2k.cluster.ClusterException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A file of fields ({@link FieldReader}) is unreadable or invalid; {@link #problems()} names every bad
 * field. The message says which file and what to fix.
 */
public class InvalidFileException extends ClusterException {

    private final String source;
    private final List<ContextProblem> problems;

    public InvalidFileException(String what, String source, List<ContextProblem> problems) {
        super("The " + what + " " + source + " is invalid: "
                + problems.stream().map(ContextProblem::toString).collect(Collectors.joining("; "))
                + ". Fix " + (problems.size() == 1 ? "this field" : "these fields") + " and try again.");
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public InvalidFileException(String what, String source, String message, Throwable cause) {
        super("The " + what + " " + source + " cannot be read: " + message, cause);
        this.source = source;
        this.problems = List.of(new ContextProblem("(file)", message));
    }

    /** Where the file comes from (its path). */
    public String source() {
        return source;
    }

    public List<ContextProblem> problems() {
        return problems;
    }

    /** The first bad field. */
    public String field() {
        return problems.get(0).field();
    }
}
