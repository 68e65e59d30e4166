package nl.tijdig.payment;

import java.util.Set;
import nl.tijdig.testing.architecture.HouseRules;
import org.junit.jupiter.api.Test;

/** The house rules (platform/testing's HouseRules), checked on this service's classes by every build. */
class ArchitectureTest {

    /** Classes that predate a rule and still break it; the list can only shrink. */
    static final Set<String> KNOWN = Set.of();

    @Test
    void the_house_rules_hold() {
        HouseRules.check("payment", KNOWN);
    }
}
