package dev.br2k.cli.deploy;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.operations.ClusterStepFailedException;
import dev.br2k.operations.OperationOutcome;
import dev.br2k.operations.OperationRefusedException;
import dev.br2k.operations.OperationsException;
import java.util.function.Supplier;

/** Runs one of the service operations for a command: prints its result and turns its failures into exit codes. */
final class OperationRunner {
    private OperationRunner() {
    }

    static OperationOutcome run(Common common, ClusterTarget target, String command, Supplier<OperationOutcome> operation) {
        OperationOutcome outcome;
        try {
            outcome = target.run(command, operation);
        } catch (OperationRefusedException e) {
            int code = switch (e.refusal()) {
                case OUT_OF_RANGE -> ExitCode.USAGE;
                case NOT_REGISTERED, NOT_MANAGER, WRONG_CHAIN -> ExitCode.NOT_CONFIGURED;
                case CHAIN_UNREACHABLE -> ExitCode.UNREACHABLE;
                case WOULD_REVERT -> ExitCode.FAILED;
            };
            String skip = switch (e.refusal()) {
                case NOT_REGISTERED, NOT_MANAGER, WOULD_REVERT, CHAIN_UNREACHABLE -> " (or " + RegistryConnection.SKIP + ")";
                default -> "";
            };
            throw new CliException(code, e.getMessage() + skip, e);
        } catch (ClusterStepFailedException e) {
            throw CliException.failed(e.getMessage(), e);
        } catch (OperationsException e) {
            throw CliException.failed(e.getMessage(), e);
        }
        outcome.cluster().ifPresent(r -> ProgressPrinter.result(common.out(), r));
        return outcome;
    }
}
