package nl.tijdig.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.tijdig.testing.kafka.KafkaBroker;
import nl.tijdig.testing.postgres.PostgresServer;

/** A stand-in test JVM for {@link NoOrphansTest}: starts both servers, prints every pid, waits. */
public final class OrphanHarness {

    public static final String PIDS = "PIDS";

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.startNew();
        PostgresServer postgres = PostgresServer.startNew();
        postgres.createDatabase("invoice");
        List<ProcessHandle> processes = new ArrayList<>(broker.serverProcesses());
        processes.addAll(postgres.serverProcesses());
        ProcessHandle.current().children().forEach(processes::add); // the supervisor JVMs
        System.out.println(PIDS + " " + processes.stream().map(p -> Long.toString(p.pid())).distinct()
                .collect(Collectors.joining(",")));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
