package nl.tijdig.testing.servers;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * Runs in the broker's child JVM: formats the KRaft storage (once), starts a combined broker and
 * controller, prints the ready line and ends with the parent. Arguments: config file, cluster id.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        String configFile = args[0];
        String clusterId = args[1];
        int formatted = StorageTool.execute(
                new String[] {"format", "--cluster-id", clusterId, "--config", configFile, "--ignore-formatted"},
                System.out);
        if (formatted != 0) {
            System.out.println("formatting the storage failed: " + formatted);
            Runtime.getRuntime().halt(2);
        }
        Properties properties = new Properties();
        try (InputStream in = new FileInputStream(configFile)) {
            properties.load(in);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        ParentLink.ready("pid=" + ProcessHandle.current().pid());
        ParentLink.serve(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, () -> { });
    }
}
