package nl.tijdig.dunning.api;

import jakarta.inject.Inject;
import java.time.Clock;
import nl.tijdig.runtime.clock.MovableClock;
import org.junit.jupiter.api.AfterEach;

/** A test that moves the service's clock (dev/test profile: movable) and puts it back after each test. */
abstract class ClockedTest {

    @Inject
    Clock clock;

    @AfterEach
    void realTime() {
        ((MovableClock) clock).reset();
    }
}
