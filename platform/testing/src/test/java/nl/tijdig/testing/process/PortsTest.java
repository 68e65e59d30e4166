package nl.tijdig.testing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void given_many_calls_in_a_row_when_ports_are_handed_out_then_no_port_is_handed_out_twice() {
        Set<Integer> ports = new HashSet<>();

        for (int i = 0; i < 200; i++) {
            ports.add(Ports.free());
        }

        assertThat(ports).hasSize(200);
    }

    @Test
    void given_a_handed_out_port_when_a_server_binds_it_then_the_bind_succeeds() throws IOException {
        int port = Ports.free();

        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
