package nl.tijdig.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

    private static final Path DOCS = Path.of("..", "..", "docs");

    @Test
    void every_record_of_the_sealed_hierarchy_is_in_the_catalogue() {
        assertThat(records(PublicEvent.class))
                .containsExactlyInAnyOrderElementsOf(EventCatalogue.standard().all().stream()
                        .map(EventType::javaType).toList());
    }

    @Test
    void type_names_follow_the_convention_and_topics_are_one_per_context() {
        for (EventType type : EventCatalogue.standard().all()) {
            assertThat(type.type()).matches("nl\\.tijdig\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+");
            assertThat(type.topic()).isEqualTo("tijdig." + type.context().id() + ".v1");
        }
        assertThat(EventCatalogue.standard().byType("nl.tijdig.invoice.InvoiceIssued.v1"))
                .map(EventType::javaType).contains(InvoiceIssued.class);
        assertThat(BoundedContext.deadLetterTopic("tijdig.invoice.v1", "dunning-service"))
                .isEqualTo("tijdig.invoice.v1.dlq.dunning-service");
    }

    @Test
    void every_event_type_is_documented_in_events_md_and_asyncapi() throws IOException {
        String events = Files.readString(DOCS.resolve("events.md"));
        String asyncapi = Files.readString(DOCS.resolve("asyncapi.yaml"));
        for (EventType type : EventCatalogue.standard().all()) {
            assertThat(events).as("docs/events.md").contains(type.type());
            assertThat(asyncapi).as("docs/asyncapi.yaml").contains(type.type());
        }
        for (BoundedContext context : BoundedContext.values()) {
            assertThat(events).as("docs/events.md").contains(context.topic());
            assertThat(asyncapi).as("docs/asyncapi.yaml").contains(context.topic());
        }
    }

    @Test
    void asyncapi_is_valid_yaml_with_a_message_per_event_type_on_its_channel() throws IOException {
        var asyncapi = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(DOCS.resolve("asyncapi.yaml").toFile());
        for (EventType type : EventCatalogue.standard().all()) {
            assertThat(asyncapi.at("/components/messages/" + type.name() + "/name").asText()).isEqualTo(type.type());
            assertThat(asyncapi.at("/channels/" + type.context().id() + "/messages/" + type.name()).isMissingNode())
                    .as("%s on channel %s", type.name(), type.context().id()).isFalse();
            assertThat(asyncapi.at("/channels/" + type.context().id() + "/address").asText()).isEqualTo(type.topic());
        }
    }

    @Test
    void every_record_field_is_documented_in_events_md() throws IOException {
        String events = Files.readString(DOCS.resolve("events.md"));
        for (EventType type : EventCatalogue.standard().all()) {
            int start = events.indexOf("### " + type.name());
            assertThat(start).as("a section ### %s in docs/events.md", type.name()).isNotNegative();
            int end = events.indexOf("\n### ", start + 4);
            String section = events.substring(start, end < 0 ? events.length() : end);
            for (var component : type.javaType().getRecordComponents()) {
                assertThat(section).as("field %s of %s in docs/events.md", component.getName(), type.name())
                        .contains("`" + component.getName() + "`");
            }
        }
    }

    private static Set<Class<?>> records(Class<?> root) {
        Set<Class<?>> records = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(Set.of(root));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (type.isRecord()) {
                records.add(type);
            } else if (type.isSealed()) {
                todo.addAll(Set.of(type.getPermittedSubclasses()));
            }
        }
        return records;
    }
}
