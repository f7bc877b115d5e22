package dev.br2k.robustness.client;

import java.time.Duration;

/**
 * How the clients load the service.
 *
 * @param clients          how many clients run at once
 * @param ratePerSecond    requests each client starts per second (at most; a client waits for each answer)
 * @param requestsPerClient how many requests each client sends; 0 = until the experiment stops them
 * @param attemptTimeout   how long one attempt may take before the client retries elsewhere
 * @param finishTimeout    how long a stopping client keeps retrying its last request
 */
public record ClientSettings(int clients, double ratePerSecond, long requestsPerClient, Duration attemptTimeout,
                             Duration finishTimeout) {
    public ClientSettings {
        if (clients < 1 || ratePerSecond <= 0 || requestsPerClient < 0) {
            throw new IllegalArgumentException("need clients >= 1, rate > 0 and requests >= 0, was "
                    + clients + ", " + ratePerSecond + ", " + requestsPerClient);
        }
    }
}
