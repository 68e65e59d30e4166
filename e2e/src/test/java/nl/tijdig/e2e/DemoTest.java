package nl.tijdig.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.tijdig.launcher.demo.Demo;
import org.junit.jupiter.api.Test;

/** The demo (./tijdig demo) on the platform, passing its own checks. */
class DemoTest {

    @Test
    void the_demo_passes_its_own_checks() {
        List<Demo.Check> checks = Demo.run(Stack.target(), System.out);

        assertThat(checks).hasSizeGreaterThanOrEqualTo(10);
        assertThat(checks).allSatisfy(check -> assertThat(check.passed()).as(check.what() + " " + check.detail()).isTrue());
    }
}
