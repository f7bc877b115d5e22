package dev.br2k.watch.logs;

import java.util.Locale;

/**
 * The level of a log line, read from its text: logback's {@code %-5level} word ({@code 2026-… WARN [main] …})
 * or etcd's JSON field ({@code "level":"warn"}). A line without one (a stack trace's {@code at …}) is
 * {@link #NONE}; the log pane gives it the level of the line before it from the same replica.
 */
public enum LogLevel {
    NONE, TRACE, DEBUG, INFO, WARN, ERROR;

    /** How far into a line the level is looked for: past a timestamp, a thread name and a little more. */
    private static final int SEARCH = 120;

    /** The level named in {@code text}, or {@link #NONE}. */
    public static LogLevel of(String text) {
        int end = Math.min(text.length(), SEARCH);
        int json = text.indexOf("\"level\":\"");
        if (json >= 0 && json < end) {
            int from = json + 9;
            int to = text.indexOf('"', from);
            return to > from ? named(text.substring(from, to)) : NONE;
        }
        int i = 0;
        while (i < end) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                int j = i;
                while (j < text.length() && Character.isUpperCase(text.charAt(j))) {
                    j++;
                }
                if (j - i >= 4 && j - i <= 7 && (j == text.length() || !Character.isLetterOrDigit(text.charAt(j)))) {
                    LogLevel level = named(text.substring(i, j));
                    if (level != NONE) {
                        return level;
                    }
                }
                i = j;
            } else {
                i++;
            }
        }
        return NONE;
    }

    private static LogLevel named(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "TRACE" -> TRACE;
            case "DEBUG" -> DEBUG;
            case "INFO" -> INFO;
            case "WARN", "WARNING" -> WARN;
            case "ERROR", "FATAL", "PANIC" -> ERROR;
            default -> NONE;
        };
    }

    /** True for WARN and ERROR: the lines an operator jumps between. */
    public boolean isProblem() {
        return this == WARN || this == ERROR;
    }
}
