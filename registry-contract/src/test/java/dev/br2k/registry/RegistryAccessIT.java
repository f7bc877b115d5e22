package dev.br2k.registry;

import dev.br2k.testkit.Anvil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Every state-changing function called by an account that may not call it is refused by the contract,
 * and the client reports the custom error's name and arguments; nothing changes.
 */
class RegistryAccessIT {
    /** etcd cluster ids are random unsigned 64-bit values: one with the top bit set reads negative in Java. */
    private static final long CLUSTER = 0xcdf818194e3a8c32L;

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    private static RegistryClient manager;
    private static RegistryClient operator;
    private static RegistryClient stranger;
    private static ServiceId id;

    @BeforeAll
    static void registerServiceWithOneOperator() {
        manager = RegistryClient.deploy(anvil.rpcUrl(), anvil.account(0));
        operator = RegistryClient.connect(anvil.rpcUrl(), manager.registryAddress(), anvil.account(1));
        stranger = RegistryClient.connect(anvil.rpcUrl(), manager.registryAddress(), anvil.account(2));
        id = manager.register(ServiceRegistration.builder("guarded").location("http://leader:8080").replicas(2, 3).build()).id();
        manager.setOperator(id, operator.account(), true);
    }

    @AfterAll
    static void close() {
        manager.close();
        operator.close();
        stranger.close();
    }

    static Stream<Arguments> managerOnlyFunctions() {
        return Stream.of(
                call("setReplicaCount", (c, s) -> c.setReplicaCount(s, 1)),
                call("setMaxReplicas", (c, s) -> c.setMaxReplicas(s, 9)),
                call("setDetails", (c, s) -> c.setDetails(ServiceDetails.builder("guarded").description("hijacked").build())),
                call("setOperator", (c, s) -> c.setOperator(s, c.account(), true)),
                call("transferManager", (c, s) -> c.transferManager(s, c.account())),
                call("cancelManagerTransfer", (c, s) -> c.cancelManagerTransfer(s)),
                call("setLocation", (c, s) -> c.setLocation(s, "http://evil:8080")));
    }

    static Stream<Arguments> managerOrOperatorFunctions() {
        return Stream.of(
                call("updateLocation", (c, s) -> c.updateLocation(s, "http://evil:8080", new LocationTerm(CLUSTER, 99, 999))),
                call("setRunState", (c, s) -> c.setRunState(s, RunState.RECOVERING)),
                call("appendBackupLog", (c, s) -> c.appendBackupLog(s, new byte[] {1, 2, 3})));
    }

    private static Arguments call(String name, BiConsumer<RegistryClient, ServiceId> call) {
        return Arguments.of(name, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"managerOnlyFunctions", "managerOrOperatorFunctions"})
    void a_stranger_is_refused_with_the_error_name_and_arguments(String function, BiConsumer<RegistryClient, ServiceId> call) {
        ServiceInfo before = manager.service(id);
        boolean managerOnly = managerOnlyFunctions().anyMatch(a -> a.get()[0].equals(function));

        assertThatThrownBy(() -> call.accept(stranger, id))
                .isInstanceOfSatisfying(RegistryAccessDeniedException.class, e -> {
                    assertThat(e.errorName()).isEqualTo(managerOnly ? "CallerNotManager" : "CallerNotManagerOrOperator");
                    assertThat(e.arguments()).containsExactly(entry("id", id.hex()), entry("caller", stranger.account()));
                    assertThat(e.caller()).isEqualTo(stranger.account());
                    assertThat(e.getMessage()).contains(e.errorName(), stranger.account());
                });
        assertThat(manager.service(id)).usingRecursiveComparison().ignoringFields("readAtBlock").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("managerOnlyFunctions")
    void an_operator_is_refused_what_only_the_manager_may_do(String function, BiConsumer<RegistryClient, ServiceId> call) {
        assertThatThrownBy(() -> call.accept(operator, id))
                .isInstanceOfSatisfying(RegistryAccessDeniedException.class, e -> {
                    assertThat(e.errorName()).isEqualTo("CallerNotManager");
                    assertThat(e.arguments()).containsExactly(entry("id", id.hex()), entry("caller", operator.account()));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"managerOnlyFunctions", "managerOrOperatorFunctions"})
    void any_function_on_an_unknown_service_is_refused_as_not_found(String function, BiConsumer<RegistryClient, ServiceId> call) {
        ServiceId unknown = ServiceId.ofName("unknown-" + function);
        if (function.equals("setDetails")) {
            assertThatThrownBy(() -> manager.setDetails(ServiceDetails.builder("unknown-setDetails").build()))
                    .isInstanceOfSatisfying(ServiceNotFoundException.class,
                            e -> assertThat(e.arguments()).containsExactly(entry("id", unknown.hex())));
            return;
        }
        assertThatThrownBy(() -> call.accept(manager, unknown))
                .isInstanceOfSatisfying(ServiceNotFoundException.class, e -> {
                    assertThat(e.errorName()).isEqualTo("ServiceNotFound");
                    assertThat(e.arguments()).containsExactly(entry("id", unknown.hex()));
                });
    }

    @Test
    void accepting_a_transfer_nobody_proposed_is_refused() {
        assertThatThrownBy(() -> stranger.acceptManager(id))
                .isInstanceOfSatisfying(RegistryAccessDeniedException.class, e -> {
                    assertThat(e.errorName()).isEqualTo("CallerNotPendingManager");
                    assertThat(e.arguments()).containsExactly(entry("id", id.hex()), entry("caller", stranger.account()));
                });
    }

    @Test
    void registering_a_taken_name_is_refused_even_for_its_manager() {
        assertThatThrownBy(() -> stranger.register(ServiceRegistration.builder("guarded").build()))
                .isInstanceOfSatisfying(ServiceAlreadyRegisteredException.class, e -> {
                    assertThat(e.errorName()).isEqualTo("ServiceAlreadyRegistered");
                    assertThat(e.arguments()).containsExactly(entry("id", id.hex()));
                });
        assertThatThrownBy(() -> manager.register(ServiceRegistration.builder("guarded").build()))
                .isInstanceOf(ServiceAlreadyRegisteredException.class);
        assertThat(manager.service(id).manager()).isEqualTo(manager.account());
    }

    @Test
    void a_claim_about_an_unknown_service_is_refused() {
        ServiceId unknown = ServiceId.ofName("nobody-runs-this");

        assertThatThrownBy(() -> stranger.sendClaim(unknown, "down?"))
                .isInstanceOfSatisfying(ServiceNotFoundException.class,
                        e -> assertThat(e.arguments()).containsExactly(entry("id", unknown.hex())));
    }

    @Test
    void invalid_arguments_are_refused_with_errors_that_say_why() {
        assertThatThrownBy(() -> manager.appendBackupLog(id, new byte[0]))
                .isInstanceOfSatisfying(RegistryRevertException.class, e -> {
                    assertThat(e.errorName()).isEqualTo("EmptyBackupRecord");
                    assertThat(e.arguments()).containsExactly(entry("id", id.hex()));
                });
        assertThatThrownBy(() -> manager.setOperator(id, "0x0000000000000000000000000000000000000000", true))
                .isInstanceOfSatisfying(RegistryRevertException.class, e -> assertThat(e.errorName()).isEqualTo("ZeroAddress"));
        assertThatThrownBy(() -> manager.setReplicaCount(id, 4))
                .isInstanceOfSatisfying(ReplicaCountOutOfRangeException.class, e -> assertThat(e.arguments())
                        .containsExactly(entry("id", id.hex()), entry("requested", BigInteger.valueOf(4)),
                                entry("maxReplicas", BigInteger.valueOf(3))));
    }

    @Test
    void a_refused_write_costs_no_gas_because_it_is_simulated_first() {
        BigInteger before = balance(stranger.account());

        assertThatThrownBy(() -> stranger.setReplicaCount(id, 1)).isInstanceOf(RegistryAccessDeniedException.class);

        assertThat(balance(stranger.account())).isEqualTo(before);
    }

    private static BigInteger balance(String account) {
        var web3 = org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService(anvil.rpcUrl()),
                100, java.util.concurrent.Executors.newSingleThreadScheduledExecutor());
        try {
            return web3.ethGetBalance(account, org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getBalance();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            web3.shutdown();
        }
    }
}
