package dev.br2k.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything the registry knows about one service, read at one block.
 *
 * @param id              the service's id
 * @param details         name, description, context, image (from the newest {@code DetailsChanged} event)
 * @param location        where it is served now; empty if no leader has published yet
 * @param manager         the account that manages it
 * @param pendingManager  the account proposed as the next manager, if a transfer is under way
 * @param deployer        the account that registered it
 * @param runState        what it is doing, as last reported
 * @param replicaCount    how many replicas it should run
 * @param maxReplicas     how many it may run at most
 * @param operators       accounts that may publish the location, append backups and set the run state
 * @param backupCount     how many backup records it has
 * @param lastBackupBlock the block of the newest backup record, if any
 * @param lastClaimBlock  the block of the newest claim, if any
 * @param readAtBlock     the block this was read at
 */
public record ServiceInfo(
        ServiceId id,
        ServiceDetails details,
        String location,
        String manager,
        Optional<String> pendingManager,
        String deployer,
        RunState runState,
        int replicaCount,
        int maxReplicas,
        List<String> operators,
        long backupCount,
        OptionalLong lastBackupBlock,
        OptionalLong lastClaimBlock,
        long readAtBlock) {

    public ServiceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(pendingManager, "pendingManager");
        Objects.requireNonNull(deployer, "deployer");
        Objects.requireNonNull(runState, "runState");
        Objects.requireNonNull(lastBackupBlock, "lastBackupBlock");
        Objects.requireNonNull(lastClaimBlock, "lastClaimBlock");
        operators = List.copyOf(operators);
    }

    public String name() {
        return details.name();
    }

    /** True if {@code account} is the manager or an operator (compared case-insensitively). */
    public boolean mayOperate(String account) {
        return manager.equalsIgnoreCase(account) || operators.stream().anyMatch(o -> o.equalsIgnoreCase(account));
    }
}
