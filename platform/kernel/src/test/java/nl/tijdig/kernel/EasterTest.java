package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EasterTest {

    @Test
    void easter_of_known_years() {
        assertThat(Easter.sunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(Easter.sunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(Easter.sunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25)); // the latest possible
        assertThat(Easter.sunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22)); // the earliest possible
    }
}
