package nl.tijdig.testing.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import nl.tijdig.testing.process.Ports;
import nl.tijdig.testing.process.SupervisedServer;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node), from the Kafka Maven
 * artifacts, in a child JVM on free loopback ports. Settings fit one node: replication factors and
 * minimum in-sync replicas of 1, no initial rebalance delay; topics are created on first use.
 */
public final class KafkaBroker extends SupervisedServer {

    private final int port;
    private final int controllerPort;
    private final String clusterId;

    private KafkaBroker() {
        super("kafka");
        this.port = Ports.free();
        this.controllerPort = Ports.free();
        this.clusterId = Uuid.randomUuid().toString();
        writeConfig();
    }

    private KafkaBroker(Path workDir, int port, int controllerPort) {
        super("kafka", workDir);
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId(workDir.resolve("cluster-id"));
        writeConfig();
    }

    /**
     * Starts a broker in {@code workDir} on these ports and waits until it accepts clients; its topics and
     * offsets stay there for the next start (the cluster id is kept beside them).
     */
    public static KafkaBroker startAt(Path workDir, int port, int controllerPort) {
        KafkaBroker broker = new KafkaBroker(workDir, port, controllerPort);
        broker.start();
        return broker;
    }

    private static String clusterId(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(file.getParent());
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new broker and waits until it accepts clients. */
    public static KafkaBroker startNew() {
        KafkaBroker broker = new KafkaBroker();
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public List<ProcessHandle> serverProcesses() {
        return child() == null ? List.of() : ProcessHandle.of(child().pid()).stream().toList();
    }

    @Override
    protected String mainClass() {
        return "nl.tijdig.testing.servers.KafkaBrokerMain"; // by name: its libraries are not on this classpath
    }

    @Override
    protected List<String> arguments() {
        return List.of(workDir.resolve("server.properties").toString(), clusterId);
    }

    @Override
    protected void ready(String readyLine) {
        // the broker answers once startup() returned
    }

    private void writeConfig() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir().toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        try (Writer out = Files.newBufferedWriter(workDir.resolve("server.properties"))) {
            p.store(out, "Tijdig test broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
