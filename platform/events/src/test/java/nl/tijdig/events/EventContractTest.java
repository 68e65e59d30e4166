package nl.tijdig.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples are the contract: each validates against its schema and is exactly its record's JSON. */
class EventContractTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<EventType> types() {
        return EventCatalogue.standard().all().stream();
    }

    static Schema schema(EventType type) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()));
    }

    @ParameterizedTest
    @MethodSource("types")
    void the_example_is_valid_against_the_schema(EventType type) {
        List<Error> errors = schema(type).validate(EventExamples.tree(type));
        assertThat(errors).as("%s example against its schema", type).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void the_example_is_the_serialized_form_of_its_record(EventType type) throws Exception {
        // given the example document
        JsonNode example = EventExamples.tree(type);

        // when it is read into its record and written again
        PublicEvent event = EventJson.mapper().treeToValue(example, type.javaType());
        JsonNode written = EventJson.mapper().valueToTree(event);

        // then nothing was lost or added, and the record's form is valid against the schema
        assertThat(written).as(type.type()).isEqualTo(example);
        assertThat(schema(type).validate(written)).isEmpty();
        assertThat(EventCatalogue.standard().of(event)).isEqualTo(type);
    }

    @ParameterizedTest
    @MethodSource("types")
    void the_schema_rejects_a_document_without_the_tenant_or_with_a_float_amount(EventType type) {
        ObjectNode withoutTenant = ((ObjectNode) EventExamples.tree(type)).deepCopy();
        withoutTenant.remove("tenantId");
        assertThat(schema(type).validate(withoutTenant)).isNotEmpty();

        ObjectNode unknownField = ((ObjectNode) EventExamples.tree(type)).deepCopy();
        unknownField.put("notInTheContract", true);
        assertThat(schema(type).validate(unknownField)).isNotEmpty();
    }
}
