package dev.br2k.robustness.fault;

import java.util.Optional;

/**
 * One fault the attacker applied.
 *
 * @param number    1-based, in order
 * @param kind      what was done
 * @param victim    the replica that led when the fault began
 * @param injected  run time when the fault began (ns)
 * @param healed    run time when the replica was let back (link up, process restarted, SIGCONT) (ns)
 * @param recovered run time when a leader served and every replica answered again; empty if that did
 *                  not happen within the attacker's patience
 * @param leaderAfter the leader then
 */
public record FaultRecord(int number, FaultKind kind, String victim, long injected, long healed,
                          Optional<Long> recovered, Optional<String> leaderAfter) {
}
