package nl.tijdig.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The producers' check of their own contract, on the published schemas. */
class EventSchemasTest {

    private static ObjectNode example(String type) {
        return (ObjectNode) EventExamples.tree(EventCatalogue.standard().byType(type).orElseThrow());
    }

    @Test
    void every_example_passes_the_check_of_its_producer() {
        for (EventType type : EventCatalogue.standard().all()) {
            EventSchemas.check(type, EventExamples.tree(type));
        }
    }

    @Test
    void a_pay_link_is_a_web_address_https_in_production_and_http_where_the_operator_allows_it() {
        // given a reminder as the dunning-service publishes it, with the pay link of a local run's provider
        ObjectNode reminder = example("nl.tijdig.dunning.ReminderDue.v1");
        EventType type = EventCatalogue.standard().byType("nl.tijdig.dunning.ReminderDue.v1").orElseThrow();
        reminder.put("payLink", "http://127.0.0.1:8090/checkout/tr_1");
        assertThat(EventSchemas.violations(type, reminder)).isEmpty();
        // but never something that is no web address
        reminder.put("payLink", "javascript:alert(1)");
        assertThatThrownBy(() -> EventSchemas.check(type, reminder)).isInstanceOf(EventSchemas.ContractViolation.class)
                .hasMessageContaining("/payLink");
    }
}
