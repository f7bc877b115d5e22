package dev.br2k.robustness.fault;

import dev.br2k.robustness.isolation.IsolatedAnswer;
import java.util.List;
import java.util.Optional;

/**
 * One fault the attacker applied.
 *
 * @param number    1-based, in order
 * @param kind      what was done
 * @param victim    the replica hit: the leader when the fault began, or the follower of {@link FaultKind#FAIL_FOLLOWER}
 * @param injected  run time when the fault began (ns)
 * @param healed    run time when the replica was let back (link up, process restarted, SIGCONT, handlers work) (ns)
 * @param recovered run time when a leader served and every replica answered again; empty if that did
 *                  not happen within the attacker's patience
 * @param leaderAfter the leader then
 * @param isolatedAnswers what the client inside an isolated leader's namespace was answered ({@link FaultKind#ISOLATE_LEADER})
 * @param note      what else is worth knowing about this fault, e.g. how far into the backup the kill came; may be empty
 */
public record FaultRecord(int number, FaultKind kind, String victim, long injected, long healed,
                          Optional<Long> recovered, Optional<String> leaderAfter, List<IsolatedAnswer> isolatedAnswers,
                          String note) {
    public FaultRecord {
        isolatedAnswers = List.copyOf(isolatedAnswers);
    }
}
