package dev.br2k.infodid;

import java.util.Map;

/**
 * Chooses the logging configuration a service replica's {@code main} runs with, before the first
 * logger is made: {@code br2k-service-file-logback.xml} (a size-capped rolling file) when
 * {@code BR2K_LOG_FILE} names a file, as LocalCluster sets it, else
 * {@code br2k-service-console-logback.xml} (the console, for containers). Either logs BR2K at INFO and
 * libraries at WARN; {@code BR2K_LOG_LEVEL} changes BR2K's level and {@code BR2K_LOG_DEBUG} names one logger
 * to log at DEBUG. A {@code -Dlogback.configurationFile} given on the command line wins.
 */
public final class ServiceLogging {
    public static final String LOG_FILE = "BR2K_LOG_FILE";
    static final String FILE_CONFIG = "br2k-service-file-logback.xml";
    static final String CONSOLE_CONFIG = "br2k-service-console-logback.xml";

    private ServiceLogging() {
    }

    /** Sets {@code logback.configurationFile} from {@code env} unless it is set already; returns the one in force. */
    public static String configure(Map<String, String> env) {
        String given = System.getProperty("logback.configurationFile");
        if (given != null && !given.isBlank()) {
            return given;
        }
        String file = env.get(LOG_FILE);
        String chosen = file == null || file.isBlank() ? CONSOLE_CONFIG : FILE_CONFIG;
        System.setProperty("logback.configurationFile", chosen);
        return chosen;
    }
}
