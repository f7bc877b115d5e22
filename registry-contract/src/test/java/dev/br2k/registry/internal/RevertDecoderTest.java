package dev.br2k.registry.internal;

import dev.br2k.registry.RegistryAccessDeniedException;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.RegistryRevertException;
import dev.br2k.registry.ReplicaCountOutOfRangeException;
import dev.br2k.registry.ServiceId;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RevertDecoderTest {

    private final RevertDecoder decoder = RevertDecoder.forServiceRegistry();
    private final ServiceId id = ServiceId.ofName("infodid");

    @Test
    void an_access_error_is_decoded_with_its_name_and_named_arguments() {
        String caller = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
        String data = error("CallerNotManager(bytes32,address)", new Bytes32(id.toBytes()), new Address(caller));

        RegistryException e = decoder.decode("setReplicaCount", data);

        assertThat(e).isInstanceOfSatisfying(RegistryAccessDeniedException.class, denied -> {
            assertThat(denied.function()).isEqualTo("setReplicaCount");
            assertThat(denied.errorName()).isEqualTo("CallerNotManager");
            assertThat(denied.arguments()).containsExactly(entry("id", id.hex()), entry("caller", caller));
        });
        assertThat(e.getMessage()).contains("CallerNotManager", caller, "manager");
    }

    @Test
    void a_range_error_carries_the_numbers() {
        String data = error("ReplicaCountOutOfRange(bytes32,uint256,uint256)", new Bytes32(id.toBytes()),
                new Uint256(9), new Uint256(5));

        assertThat(decoder.decode("setReplicaCount", data)).isInstanceOfSatisfying(ReplicaCountOutOfRangeException.class,
                e -> assertThat(e.arguments()).containsExactly(entry("id", id.hex()),
                        entry("requested", BigInteger.valueOf(9)), entry("maxReplicas", BigInteger.valueOf(5))));
    }

    @Test
    void a_require_message_and_unknown_errors_are_still_reported() {
        String message = error("Error(string)", new Utf8String("boom"));

        assertThat(decoder.decode("f", message)).isInstanceOfSatisfying(RegistryRevertException.class,
                e -> assertThat(e.arguments()).containsExactly(entry("message", "boom")));
        assertThat(decoder.decode("f", "0xdeadbeef")).hasMessageContaining("does not know");
        assertThat(decoder.decode("f", "0x")).hasMessageContaining("without saying why");
    }

    @Test
    void revert_data_is_found_however_the_node_quotes_it() {
        assertThat(RevertDecoder.revertData("\"0x97c1c13b00\"")).hasValue("0x97c1c13b00");
        assertThat(RevertDecoder.revertData("{\"data\":\"0x97c1c13b00\"}")).hasValue("0x97c1c13b00");
        assertThat(RevertDecoder.revertData(null)).isEmpty();
        assertThat(RevertDecoder.revertData("execution reverted")).isEmpty();
    }

    private static String error(String signature, Type<?>... args) {
        return Hash.sha3String(signature).substring(0, 10) + FunctionEncoder.encodeConstructor(List.of(args));
    }
}
