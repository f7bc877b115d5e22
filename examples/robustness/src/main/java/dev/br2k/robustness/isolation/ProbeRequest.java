package dev.br2k.robustness.isolation;

import dev.br2k.robustness.workload.PreparedRequest;

/** One request for the {@link IsolatedClient}, and whether it is a (replicated) write or a read. */
public record ProbeRequest(boolean write, PreparedRequest request) {
}
