package dev.br2k.testkit;

import dev.br2k.testkit.internal.PlainEtcdHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TcpProxyIT {

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(1).build();

    @Test
    void a_write_through_a_proxy_that_drops_answers_lands_while_its_client_times_out() {
        EtcdMember member = etcd.members().get(0);
        try (TcpProxy proxy = TcpProxy.start(member.clientUrl())) {
            PlainEtcdHttp.put(proxy.url(), "through", "passes");
            assertThat(PlainEtcdHttp.get(member.clientUrl(), "through")).contains("passes");

            proxy.dropAnswers();
            assertThatThrownBy(() -> PlainEtcdHttp.put(proxy.url(), "lost-answer", "landed"))
                    .isInstanceOf(TestkitException.class).hasMessageContaining("did not answer");
            assertThat(PlainEtcdHttp.get(member.clientUrl(), "lost-answer")).as("the write landed").contains("landed");

            proxy.heal();
            PlainEtcdHttp.put(proxy.url(), "after-heal", "passes");
            assertThat(PlainEtcdHttp.get(proxy.url(), "after-heal")).contains("passes");
        }
    }
}
