package nl.tijdig.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    private static final Path ROOT = Path.of("/checkout");

    @Test
    void without_options_the_documented_ports_and_the_data_folder_in_the_checkout_are_used() {
        Settings settings = Main.parse(new String[0], ROOT);

        assertThat(settings.ports()).isEqualTo(Settings.DEFAULT_PORTS);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/checkout/.tijdig"));
    }

    @Test
    void a_port_and_the_data_folder_can_be_chosen() {
        Settings settings = Main.parse(new String[] {"--port", "postgres=15432", "--data", "/var/tijdig"}, ROOT);

        assertThat(settings.port("postgres")).isEqualTo(15432);
        assertThat(settings.port("kafka")).isEqualTo(9092);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/tijdig"));
    }

    @Test
    void a_wrong_option_is_named_in_a_plain_message() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "kafak=1"}, ROOT)).isInstanceOf(LaunchException.class)
                .hasMessageContaining("no port called 'kafak'").hasMessageContaining("kafka-controller");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "kafka=x"}, ROOT)).isInstanceOf(LaunchException.class)
                .hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "kafka=70000"}, ROOT))
                .isInstanceOf(LaunchException.class).hasMessageContaining("not a TCP port");
        assertThatThrownBy(() -> Main.parse(new String[] {"--data"}, ROOT)).isInstanceOf(LaunchException.class)
                .hasMessageContaining("--data needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--verbose"}, ROOT)).isInstanceOf(LaunchException.class)
                .hasMessageContaining("unknown option '--verbose'").hasMessageContaining("Usage");
    }

    @Test
    void help_asks_for_the_usage() {
        assertThat(Main.parse(new String[] {"--help"}, ROOT)).isNull();
    }

    @Test
    void a_taken_port_is_named_with_what_to_do() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, Integer> ports = new java.util.HashMap<>();
            Settings.DEFAULT_PORTS.keySet().forEach(name -> ports.put(name, nl.tijdig.testing.process.Ports.free()));
            ports.put("smtp", taken.getLocalPort());
            Settings settings = Settings.defaults(ROOT).withPorts(ports);

            assertThatThrownBy(() -> Platform.checkPorts(settings)).isInstanceOf(LaunchException.class)
                    .hasMessageContaining(taken.getLocalPort() + " (smtp)")
                    .hasMessageContaining("./tijdig --port smtp=").hasMessageNotContaining("(kafka)");
        }
    }
}
