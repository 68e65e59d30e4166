package nl.tijdig.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.tijdig.kernel.Segment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A query or path parameter is a value of its Java type, or the refusal says what it should be. */
class ParameterKindsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            uuid    | 0193a6f2-0000-7000-8000-00000000000a | true
            uuid    | not-a-uuid                           | false
            uuid    | 1-1-1-1-1                            | false
            int     | 50                                   | true
            int     | -3                                   | true
            int     | abc                                  | false
            int     | 99999999999999                       | false
            int     | 1.5                                  | false
            long    | 99999999999999                       | true
            long    | 99999999999999999999                 | false
            date    | 2027-01-31                           | true
            date    | 2026-99-99                           | false
            date    | 9999-01-01                           | false
            instant | 2027-01-10T09:00:00Z                 | true
            instant | yesterday                            | false
            boolean | true                                 | true
            boolean | yes                                  | false
            segment | B2B                                  | true
            segment | b2b                                  | false
            text    | anything                             | true
            """)
    void a_parameter_is_a_value_of_its_type_or_refused(String kind, String text, boolean taken) {
        Class<?> type = switch (kind) {
            case "uuid" -> UUID.class;
            case "int" -> int.class;
            case "long" -> Long.class;
            case "date" -> LocalDate.class;
            case "instant" -> Instant.class;
            case "boolean" -> boolean.class;
            case "segment" -> Segment.class;
            default -> String.class;
        };
        String refusal = ParameterKinds.refusal(type, text);
        if (taken) {
            assertThat(refusal).isNull();
        } else {
            assertThat(refusal).isNotBlank();
        }
    }
}
