package dev.br2k.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceIdTest {

    @Test
    void the_id_of_a_name_is_the_keccak256_of_its_utf8_bytes() {
        // keccak256("infodid"), as `cast keccak infodid` prints it
        assertThat(ServiceId.ofName("infodid").hex())
                .isEqualTo(org.web3j.crypto.Hash.sha3String("infodid"));
        assertThat(ServiceId.ofName("infodid")).isEqualTo(ServiceId.fromHex(ServiceId.ofName("infodid").hex().substring(2).toUpperCase()));
    }

    @Test
    void an_id_round_trips_through_bytes() {
        ServiceId id = ServiceId.ofName("kv");

        assertThat(ServiceId.fromBytes(id.toBytes())).isEqualTo(id);
    }

    @Test
    void malformed_ids_and_empty_names_are_refused() {
        assertThatThrownBy(() -> ServiceId.fromHex("0x1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceId.ofName("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceId.fromBytes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
