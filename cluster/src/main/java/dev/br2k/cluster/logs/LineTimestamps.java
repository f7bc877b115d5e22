package dev.br2k.cluster.logs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the timestamp a log line starts with: ISO-8601 with or without offset, or {@code yyyy-MM-dd HH:mm:ss.SSS} (local time). */
public final class LineTimestamps {

    private static final Pattern LEADING = Pattern.compile(
            "^\\[?(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?)(Z|[+-]\\d{2}:?\\d{2})?");

    /** Logback's default {@code HH:mm:ss.SSS}: a time of day, taken as today's in the local zone. */
    private static final Pattern TIME_OF_DAY = Pattern.compile("^(\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?)\\s");

    private LineTimestamps() {
    }

    public static Optional<Instant> leading(String line) {
        Matcher m = LEADING.matcher(line);
        if (!m.find()) {
            Matcher t = TIME_OF_DAY.matcher(line);
            if (!t.find()) {
                return Optional.empty();
            }
            try {
                return Optional.of(java.time.LocalDate.now().atTime(java.time.LocalTime.parse(t.group(1).replace(',', '.')))
                        .atZone(ZoneId.systemDefault()).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        String dateTime = m.group(1) + "T" + m.group(2).replace(',', '.');
        try {
            if (m.group(3) == null) {
                return Optional.of(LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant());
            }
            String offset = m.group(3).equals("Z") ? "Z"
                    : m.group(3).contains(":") ? m.group(3) : m.group(3).substring(0, 3) + ":" + m.group(3).substring(3);
            return Optional.of(OffsetDateTime.parse(dateTime + offset).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
