package dev.br2k.watch.dashboard;

import dev.br2k.registry.ServiceId;

import java.util.Objects;

/**
 * A claim a user sent: please recover this service.
 *
 * @param serviceId   the service
 * @param serviceName its name, as far as the Watch knows it
 * @param claimant    the account that sent it
 * @param reason      its reason, as sent
 * @param block       the block it was mined in
 */
public record ClaimItem(ServiceId serviceId, String serviceName, String claimant, String reason, long block) {

    public ClaimItem {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(claimant, "claimant");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line for a notification or a list. */
    public String summary() {
        String who = claimant.length() > 10 ? claimant.substring(0, 6) + "…" + claimant.substring(claimant.length() - 4) : claimant;
        return who + " asks to recover " + serviceName + (reason.isBlank() ? "" : ": " + reason);
    }
}
