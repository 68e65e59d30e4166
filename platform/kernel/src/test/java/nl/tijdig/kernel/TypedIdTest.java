package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypedIdTest {

    @Test
    void an_id_round_trips_through_its_text_form() {
        UUID uuid = UUID.fromString("0193a6f2-7c1e-7b3a-9f00-1234567890ab");
        InvoiceId id = new InvoiceId(uuid);
        assertThat(id).hasToString("0193a6f2-7c1e-7b3a-9f00-1234567890ab");
        assertThat(InvoiceId.of(id.toString())).isEqualTo(id);
    }

    @Test
    void ids_of_different_types_with_the_same_uuid_are_not_equal() {
        UUID uuid = UUID.randomUUID();
        assertThat((Object) new InvoiceId(uuid)).isNotEqualTo(new DebtorId(uuid));
    }

    @Test
    void malformed_text_names_what_was_expected() {
        assertThatThrownBy(() -> TenantId.of("tenant-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'tenant-1' is not a valid tenant id (a UUID)");
        // UUID.fromString accepts short groups; an id in text must be canonical
        assertThatThrownBy(() -> CaseId.of("1-2-3-4-5")).hasMessageContaining("is not a valid case id");
        assertThatThrownBy(() -> new PaymentId(null)).isInstanceOf(NullPointerException.class).hasMessage("payment id");
    }
}
