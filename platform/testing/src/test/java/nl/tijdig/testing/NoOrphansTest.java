package nl.tijdig.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.tijdig.testing.process.ChildJvm;
import nl.tijdig.testing.servers.Signals;
import org.junit.jupiter.api.Test;

class NoOrphansTest {

    @Test
    void no_broker_or_postmaster_outlives_a_test_jvm_killed_with_sigkill() {
        // given a test JVM (a child process here) that started a broker and a database
        ChildJvm testJvm = ChildJvm.start("orphan-harness", System.getProperty("java.class.path"), List.of(),
                OrphanHarness.class.getName(), List.of(),
                Path.of("target", "tijdig-infrastructure", "orphan-harness-" + ProcessHandle.current().pid() + ".log"));
        String line = testJvm.awaitLine(OrphanHarness.PIDS, 0, Duration.ofMinutes(3));
        List<ProcessHandle> servers = Arrays.stream(line.substring(OrphanHarness.PIDS.length() + 1).split(","))
                .map(Long::parseLong).map(ProcessHandle::of).flatMap(Optional::stream).toList();
        assertThat(servers).as("broker JVM, postgres supervisor JVM, postmaster and its backends").hasSizeGreaterThanOrEqualTo(4);
        assertThat(servers).allMatch(ProcessHandle::isAlive);

        // when that JVM is killed with SIGKILL, so that no shutdown hook runs
        testJvm.kill();

        // then every server process ends by itself
        assertThat(Signals.awaitGone(servers, Duration.ofSeconds(60)))
                .as("still alive: %s", servers.stream().filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + p.info().command().orElse("?")).toList())
                .isTrue();
    }
}
