package nl.tijdig.collection.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.tijdig.kernel.TenantId;
import org.junit.jupiter.api.Test;

class CallbackSecretsTest {

    static final Instant UNTIL = Instant.parse("2026-11-24T12:00:00Z");
    static final byte[] CURRENT = {1};
    static final byte[] PREVIOUS = {2};

    @Test
    void the_previous_secret_verifies_until_the_overlap_ends_and_not_after() {
        Partners.Connection rotated = new Partners.Connection(new TenantId(java.util.UUID.randomUUID()), null, null, null, CURRENT, PREVIOUS,
                UNTIL);
        assertThat(rotated.callbackSecrets(UNTIL.minusSeconds(1))).containsExactly(CURRENT, PREVIOUS);
        assertThat(rotated.callbackSecrets(UNTIL)).containsExactly(CURRENT);
        Partners.Connection never = new Partners.Connection(new TenantId(java.util.UUID.randomUUID()), null, null, null, CURRENT, null, null);
        assertThat(never.callbackSecrets(UNTIL)).containsExactly(CURRENT);
    }
}
