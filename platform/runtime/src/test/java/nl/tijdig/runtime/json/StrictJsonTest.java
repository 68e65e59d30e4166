package nl.tijdig.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.EventJson;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict request binding: each value binds only to a field of its own kind and within its limits. */
class StrictJsonTest {

    enum Kind { BUSINESS, CONSUMER }

    record Address(@Text(max = 20) String street, String countryCode) {
    }

    record Request(Kind kind, String name, Address address, @Text(max = 50, lines = true) String notes,
            @Decimal(scale = 4, min = "0", max = "1000000") BigDecimal quantity, BigDecimal amount, LocalDate date,
            Instant at, Integer days, int count, boolean agreed, UUID id, List<String> tags, Money money) {
    }

    private final ObjectMapper mapper = mapper();

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule()); // as Quarkus registers it, before the customizer
        mapper.registerModule(EventJson.kernelModule());
        return StrictJson.apply(mapper);
    }

    private Request read(String json) throws JsonProcessingException {
        return mapper.readValue(json, Request.class);
    }

    /** The field the refusal names, as the problem would, and its message. */
    private String refusal(String json) {
        try {
            read(json);
        } catch (JsonMappingException e) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                if (r.getIndex() >= 0) {
                    field.append('[').append(r.getIndex()).append(']');
                } else {
                    field.append(field.isEmpty() ? "" : ".").append(r.getFieldName());
                }
            }
            return field + ": " + (e instanceof RefusedValue r ? r.reason() : e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return "(body): " + e.getOriginalMessage();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void a_well_formed_request_binds() throws Exception {
        Request r = read("""
                {"kind": "BUSINESS", "name": "Helder B.V.", "address": {"street": "Kerkstraat 1", "countryCode": "NL"},
                 "notes": "line one\\nline two", "quantity": 2.5, "amount": "12.50", "date": "2027-01-31",
                 "at": "2027-01-10T09:00:00+01:00", "days": 30, "count": 3, "agreed": true,
                 "id": "0190b3c2-7c3e-7000-8000-000000000001", "tags": ["a", "b"],
                 "money": {"amount": "12.50", "currency": "EUR"}}""");
        assertThat(r.kind()).isEqualTo(Kind.BUSINESS);
        assertThat(r.amount()).isEqualByComparingTo("12.50");
        assertThat(r.quantity()).isEqualByComparingTo("2.5");
        assertThat(r.at()).isEqualTo(Instant.parse("2027-01-10T08:00:00Z"));
        assertThat(r.money()).isEqualTo(Money.eur("12.50"));
    }

    @Test
    void absent_fields_are_null_or_the_primitive_default() throws Exception {
        Request r = read("{}");
        assertThat(r.name()).isNull();
        assertThat(r.count()).isZero();
        assertThat(r.agreed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an enum given as a number            | {"kind": 0}                          | kind
            an enum not among the constants      | {"kind": "NEITHER"}                  | kind
            a text given as a number             | {"name": 12}                         | name
            a text given as a boolean            | {"name": true}                       | name
            a text given as an object            | {"name": {"a": 1}}                   | name
            a NUL in a text                      | {"name": "a\\u0000b"}                | name
            a line break in a one-line text      | {"name": "a\\nb"}                    | name
            a DEL in a text                      | {"address": {"street": "a\\u007fb"}} | address.street
            half a surrogate pair                | {"name": "a\\ud800b"}                | name
            a text over its field's limit        | {"address": {"street": "123456789012345678901"}} | address.street
            a date given as a number             | {"date": -1}                         | date
            a date that does not exist           | {"date": "2027-02-30"}               | date
            a date before 1900                   | {"date": "1899-12-31"}               | date
            a date after 2199                    | {"date": "+999999999-12-31"}         | date
            a moment given as a number           | {"at": 1700000000}                   | at
            a moment without offset              | {"at": "2027-01-10T09:00:00"}        | at
            a whole number given as a string     | {"days": "30"}                       | days
            a whole number given as a decimal    | {"days": 30.5}                       | days
            a whole number out of range          | {"days": 1234567890123}              | days
            a primitive given null               | {"count": null}                      | count
            a boolean given as a number          | {"agreed": 1}                        | agreed
            a boolean given as a string          | {"agreed": "true"}                   | agreed
            an amount with three decimals        | {"amount": 12.505}                   | amount
            an amount of 1e308                   | {"amount": 1e308}                    | amount
            an amount of 1e400                   | {"amount": 1e400}                    | amount
            an amount as a string that is not    | {"amount": "12,50"}                  | amount
            an amount given as a boolean         | {"amount": true}                     | amount
            a negative quantity under its min    | {"quantity": -1}                     | quantity
            a quantity with five decimals        | {"quantity": 1.00001}                | quantity
            a UUID given as a number             | {"id": 5}                            | id
            a UUID that is not one               | {"id": "nope"}                       | id
            a list given as one string           | {"tags": "a"}                        | tags
            a list holding a number              | {"tags": [1]}                        | tags[0]
            an unknown field                     | {"status": "PAID"}                   | status
            money without currency               | {"money": {"amount": "1.00"}}        | money
            money with three decimals            | {"money": {"amount": "1.001", "currency": "EUR"}} | money
            money in an unknown currency         | {"money": {"amount": "1.00", "currency": "XYZ"}}  | money
            money with another field             | {"money": {"amount": "1.00", "currency": "EUR", "x": 1}} | money
            """)
    void a_value_of_the_wrong_kind_or_beyond_its_limit_is_refused_naming_its_field(String what, String json,
            String field) {
        assertThat(refusal(json)).startsWith(field + ": ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a duplicate key                      | {"name": "a", "name": "b"}
            trailing content                     | {"name": "a"} {"name": "b"}
            nesting deeper than 32               | DEEP
            a number of 50 digits                | {"days": 12345678901234567890123456789012345678901234567890}
            """)
    void a_malformed_body_is_refused(String what, String json) {
        String body = json.equals("DEEP") ? "{\"tags\": " + "[".repeat(40) + "]".repeat(40) + "}" : json;
        assertThatThrownBy(() -> read(body)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void a_multi_line_field_takes_line_breaks_and_tabs_but_not_other_controls() throws Exception {
        assertThat(read("{\"notes\": \"a\\r\\n\\tb\"}").notes()).isEqualTo("a\r\n\tb");
        assertThat(refusal("{\"notes\": \"a\\u0007b\"}")).isEqualTo("notes: may not contain control character U+0007");
        assertThat(refusal("{\"notes\": \"" + "x".repeat(51) + "\"}")).isEqualTo("notes: is longer than 50 characters");
    }

    @Test
    void the_default_text_limit_is_a_thousand_characters_on_one_line() throws Exception {
        assertThat(read("{\"name\": \"" + "x".repeat(Limits.TEXT) + "\"}").name()).hasSize(Limits.TEXT);
        assertThat(refusal("{\"name\": \"" + "x".repeat(Limits.TEXT + 1) + "\"}"))
                .isEqualTo("name: is longer than 1000 characters");
    }

    @Test
    void an_amount_may_be_a_number_or_a_decimal_string_within_ten_to_the_twelfth() throws Exception {
        assertThat(read("{\"amount\": \"-1000000000000\"}").amount()).isEqualByComparingTo("-1000000000000");
        assertThat(refusal("{\"amount\": 1000000000000.01}")).isEqualTo("amount: must be between -1000000000000 and 1000000000000");
        assertThat(read("{\"amount\": 12.50}").amount()).isEqualByComparingTo("12.5");
        assertThat(read("{\"amount\": 1.200}").amount()).isEqualByComparingTo("1.2"); // trailing zeros are no decimals
    }

    @Test
    void a_refusal_is_a_mismatched_input_so_the_problem_names_the_field() {
        assertThatThrownBy(() -> read("{\"name\": \"a\\u0000\"}")).isInstanceOf(MismatchedInputException.class);
    }
}
