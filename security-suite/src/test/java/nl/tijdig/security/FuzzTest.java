package nl.tijdig.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.EventCatalogue;
import nl.tijdig.events.EventSchemas;
import nl.tijdig.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The fuzz suite (issue #23): for every operation of every service's OpenAPI document, malformed requests
 * generated from the operation's valid request (the security suite's fixture) — one field at a time broken
 * (a NUL, 70,000 characters, a number for a text, 1e400, a date as a number, an array, null, removed, an
 * unknown field beside it), the whole body broken (empty, not JSON, a duplicate key, nested 200 deep, 2 MB,
 * another content type), and junk in path and query — sent to the packaged services on the real Keycloak,
 * PostgreSQL and Kafka. Each answer is below 500; a 4xx is problem+json, and a 400 or 422 names the field;
 * a refused request stores no event in any service's database. Afterwards every event on every topic is
 * valid against its published schema. Seeded (jqwik prints the seed of a failure; {@code -Djqwik.seeds...}
 * or the property's {@code seed} repeats it) and bounded: {@value #TRIES} requests.
 */
class FuzzTest {

    static final int TRIES = 2500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Call> BASE = new ConcurrentHashMap<>();
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentHashMap<>();

    /** One malformed request: what was broken, and how it is sent. */
    record Malformed(String service, String operation, String broken, Call call, String role) {
        @Override
        public String toString() {
            return service + " " + operation + ": " + broken;
        }
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF, seed = "230023")
    void a_malformed_request_is_refused_precisely_and_changes_nothing(@ForAll("malformed") Malformed request) {
        World world = Platform.world();
        String url = world.services.get(request.service()).url();
        String token = "public".equals(request.role()) ? null : world.token(world.a, request.role());
        Map<String, Long> before = events(world);
        Response response = send(url, request.call(), token);
        int status = response.statusCode();
        SENT.incrementAndGet();
        STATUSES.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        String body = response.asString();
        assertThat(status).as("%s answered %d: %s", request, status, abbreviated(body)).isLessThan(500);
        if (status >= 400) {
            assertThat(response.contentType()).as("%s answered %d as %s", request, status, response.contentType())
                    .startsWith("application/problem+json");
            if (status == 400 || status == 422) {
                assertThat(response.jsonPath().getList("errors.field", String.class)).as("%s: %s", request, abbreviated(body))
                        .isNotEmpty().allSatisfy(field -> assertThat(field).isNotBlank());
            }
            Map<String, Long> after = events(world);
            if (!after.equals(before)) {
                // something of the platform's own may have been appending (a consumer catching up): settle and try once more
                settle(world);
                Map<String, Long> again = events(world);
                send(url, request.call(), token);
                assertThat(events(world)).as("%s was refused with %d but stored events", request, status).isEqualTo(again);
            }
        } else {
            settle(world); // a request that was taken: let its consequences pass before the next is measured
        }
    }

    @Provide
    Arbitrary<Malformed> malformed() {
        World world = Platform.world();
        List<Arbitrary<Malformed>> perOperation = new ArrayList<>();
        for (String service : World.SERVICES.keySet()) {
            String url = world.services.get(service).url();
            Map<String, List<String>> roles = Platform.roles().of(service);
            Map<String, Fixture> fixtures = Platform.fixtures(service);
            for (String operation : OpenApi.operations(url)) {
                Fixture fixture = fixtures.get(operation);
                List<String> allowed = roles.get(operation);
                if (fixture == null || allowed == null || TenantIsolationTest.EXCLUDED.contains(operation)) {
                    continue; // the tenant isolation test fails on a missing fixture or row
                }
                perOperation.add(mutations(service, operation, fixture, allowed.get(0)));
            }
        }
        settle(world);
        return Arbitraries.oneOf(perOperation);
    }

    /** The malformed requests of one operation, made from its valid call. */
    private static Arbitrary<Malformed> mutations(String service, String operation, Fixture fixture, String role) {
        Call base = BASE.computeIfAbsent(service + " " + operation, k -> fixture.call());
        List<Arbitrary<Malformed>> kinds = new ArrayList<>();
        kinds.add(pathJunk().map(junk -> new Malformed(service, operation, "path " + junk.describe(),
                junk.apply(base), role)));
        kinds.add(queryJunk().map(q -> new Malformed(service, operation, "query " + q, withQuery(base, q), role)));
        if (base.body() != null && base.contentType() != null && base.contentType().contains("json")) {
            JsonNode tree = parse(base.body());
            List<String> fields = tree == null ? List.of() : fields(tree, "");
            if (!fields.isEmpty()) {
                kinds.add(Arbitraries.of(fields).flatMap(field -> hostile().map(value -> new Malformed(service, operation,
                        "field " + field + " = " + abbreviated(value.toString()), withBody(base, replaced(tree, field, value)),
                        role))));
                kinds.add(Arbitraries.of(fields).map(field -> new Malformed(service, operation, "field " + field + " removed",
                        withBody(base, removed(tree, field)), role)));
                kinds.add(Arbitraries.of(fields).map(field -> new Malformed(service, operation,
                        "an unknown field beside " + field, withBody(base, unknownBeside(tree, field)), role)));
            }
            kinds.add(wholeBody(base.body(), tree).map(b -> new Malformed(service, operation, "body " + b.getKey(),
                    new Call(base.method(), base.path(), b.getValue().contentType(), b.getValue().body(), base.expected()), role)));
        } else if (!"GET".equals(base.method()) && !"DELETE".equals(base.method())) {
            kinds.add(Arbitraries.of("{\"x\": \"\\u0000\"}", "[", "null").map(b -> new Malformed(service, operation,
                    "an unexpected body " + b, new Call(base.method(), base.path(), "application/json", b, base.expected()), role)));
        }
        return Arbitraries.oneOf(kinds);
    }

    /** Values that are wrong for nearly every field, and some that are wrong for some. */
    static Arbitrary<JsonNode> hostile() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> fixed = Arbitraries.of(
                f.textNode("a\u0000b"), f.textNode("x".repeat(70_000)), f.textNode(""), f.textNode("\ud800"),
                f.textNode("line\nbreak"), f.textNode("'; DROP TABLE events; --"), f.textNode("xxxxxxxx"),
                f.textNode("2026-13-45"), f.textNode("not-a-uuid"), f.textNode("12,50"), f.textNode("1e400"),
                f.numberNode(0), f.numberNode(-1), f.numberNode(Long.MIN_VALUE), f.numberNode(Integer.MAX_VALUE),
                f.numberNode(Integer.MIN_VALUE), f.numberNode(100_000), f.numberNode(new java.math.BigDecimal("1e308")),
                f.numberNode(new java.math.BigDecimal("1e400")), f.numberNode(new java.math.BigDecimal("-999999999999999")),
                f.numberNode(new java.math.BigDecimal("1234567890123456")), f.numberNode(new java.math.BigDecimal("0.001")),
                f.numberNode(new java.math.BigInteger("123456789012345678901234567890")), f.booleanNode(true),
                f.arrayNode(), f.objectNode(), f.nullNode(), f.arrayNode().add("a").add(1));
        Arbitrary<JsonNode> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f').withCharRange('a', 'z')
                .ofMinLength(1).ofMaxLength(12).filter(s -> s.chars().anyMatch(c -> c < 0x20)).map(f::textNode);
        Arbitrary<JsonNode> numbers = Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1e15"),
                new java.math.BigDecimal("1e15")).ofScale(6).map(f::numberNode);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, fixed), net.jqwik.api.Tuple.of(1, controls),
                net.jqwik.api.Tuple.of(1, numbers));
    }

    /** The body broken as a whole: a key twice, not JSON, empty, deep, big, another content type. */
    static Arbitrary<Map.Entry<String, Call>> wholeBody(String body, JsonNode tree) {
        String duplicate = "[";
        if (tree != null && tree.isObject() && !tree.isEmpty()) {
            String first = tree.fieldNames().next();
            duplicate = "{" + JsonNodeFactory.instance.textNode(first) + ": " + tree.get(first) + ", " + body.strip().substring(1);
        }
        Map<String, Call> bodies = new LinkedHashMap<>();
        bodies.put("empty", new Call("X", "/", "application/json", "", 0));
        bodies.put("not JSON", new Call("X", "/", "application/json", "{\"unclosed\": ", 0));
        bodies.put("with a duplicate key", new Call("X", "/", "application/json", duplicate, 0));
        bodies.put("an array", new Call("X", "/", "application/json", "[" + body + "]", 0));
        bodies.put("a string", new Call("X", "/", "application/json", "\"text\"", 0));
        bodies.put("null", new Call("X", "/", "application/json", "null", 0));
        bodies.put("nested 200 deep", new Call("X", "/", "application/json", "{\"a\": " + "[".repeat(200) + "]".repeat(200) + "}", 0));
        bodies.put("of 2 MB", new Call("X", "/", "application/json", "{\"a\": \"" + "x".repeat(2_000_000) + "\"}", 0));
        bodies.put("followed by more", new Call("X", "/", "application/json", body + " {}", 0));
        bodies.put("as text/plain", new Call("X", "/", "text/plain", body, 0));
        bodies.put("as application/xml", new Call("X", "/", "application/xml", "<a/>", 0));
        return Arbitraries.of(new ArrayList<>(bodies.entrySet()));
    }

    /** Junk in place of the path's last id. */
    record PathJunk(String value) {
        String describe() {
            return "id " + abbreviated(value);
        }

        Call apply(Call base) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                    .matcher(base.path());
            int last = -1;
            int end = -1;
            while (m.find()) {
                last = m.start();
                end = m.end();
            }
            String path = last < 0 ? base.path() + "/" + value : base.path().substring(0, last) + value + base.path().substring(end);
            return new Call(base.method(), path, base.contentType(), base.body(), base.expected());
        }
    }

    static Arbitrary<PathJunk> pathJunk() {
        return Arbitraries.of("not-a-uuid", "%00", "9999999999999999999", "..%2F..%2Fetc%2Fpasswd", "x".repeat(3000),
                "00000000-0000-0000-0000-000000000000", "%E2%80%AE", "'%20OR%201=1").map(PathJunk::new);
    }

    static Arbitrary<String> queryJunk() {
        return Arbitraries.of("limit=-1", "limit=abc", "limit=99999999999999", "limit=0", "after=xyz", "status=%00",
                "from=2026-99-99", "to=-1", "since=yesterday", "minAmount=1e400", "limit=1&limit=2");
    }

    // ---- JSON surgery on a copy of the valid body

    /** Every field's path in the body: "debtorId", "address.postalCode", "lines[0].quantity", "lines[0]". */
    static List<String> fields(JsonNode node, String prefix) {
        List<String> fields = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                fields.add(path);
                fields.addAll(fields(node.get(name), path));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            String path = prefix + "[0]";
            fields.add(path);
            fields.addAll(fields(node.get(0), path));
        }
        return fields;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private interface Surgery {
        void on(JsonNode parent, String name, int index);
    }

    private static String edited(JsonNode tree, String field, Surgery surgery) {
        JsonNode copy = tree.deepCopy();
        JsonNode parent = copy;
        String[] steps = java.util.Arrays.stream(field.replace("[0]", ".[0]").split("\\.")).filter(step -> !step.isEmpty())
                .toArray(String[]::new);
        for (int i = 0; i < steps.length - 1; i++) {
            parent = steps[i].equals("[0]") ? parent.get(0) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        surgery.on(parent, last.equals("[0]") ? null : last, last.equals("[0]") ? 0 : -1);
        return copy.toString();
    }

    static String replaced(JsonNode tree, String field, JsonNode value) {
        return edited(tree, field, (parent, name, index) -> {
            if (name != null) {
                ((ObjectNode) parent).set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        });
    }

    static String removed(JsonNode tree, String field) {
        return edited(tree, field, (parent, name, index) -> {
            if (name != null) {
                ((ObjectNode) parent).remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        });
    }

    static String unknownBeside(JsonNode tree, String field) {
        return edited(tree, field, (parent, name, index) -> {
            if (parent instanceof ObjectNode object) {
                object.put("tijdigUnknownField", "x");
            } else {
                ((ArrayNode) parent).add("tijdig-unknown-element");
            }
        });
    }

    private static Call withBody(Call base, String body) {
        return new Call(base.method(), base.path(), base.contentType(), body, base.expected());
    }

    private static Call withQuery(Call base, String query) {
        return new Call(base.method(), base.path() + (base.path().contains("?") ? "&" : "?") + query, base.contentType(),
                base.body(), base.expected());
    }

    // ---- sending and measuring

    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static Response send(String url, Call call, String token) {
        RequestSpecification request = given().config(RAW).baseUri(url).urlEncodingEnabled(false).redirects().follow(false);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (call.body() != null) {
            request = request.contentType(call.contentType()).body(call.body());
        }
        return request.request(call.method(), call.path());
    }

    /** Tenant A's events per service database. */
    private static final Map<String, Connection> DATABASES = new ConcurrentHashMap<>();

    static Map<String, Long> events(World world) {
        Map<String, Long> counts = new LinkedHashMap<>();
        World.SERVICES.forEach((service, db) -> {
            try {
                Connection c = DATABASES.computeIfAbsent(db, d -> {
                    Properties login = new Properties();
                    login.put("user", d);
                    login.put("password", d);
                    try {
                        return DriverManager.getConnection(world.postgres.jdbcUrl(d), login);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                var statement = c.prepareStatement("SELECT count(*) FROM eventstore.events WHERE tenant_id = ?");
                statement.setObject(1, world.a.id());
                try (statement; ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    counts.put(service, rows.getLong(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return counts;
    }

    /** Waits until no service's database gains events for 0.2 s (at most 20 s). */
    static void settle(World world) {
        Map<String, Long> last = events(world);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int quiet = 0;
        while (quiet < 4 && System.nanoTime() < deadline) {
            World.sleep(Duration.ofMillis(50));
            Map<String, Long> now = events(world);
            quiet = now.equals(last) ? quiet + 1 : 0;
            last = now;
        }
    }

    static String abbreviated(String s) {
        String shown = s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " characters)" : s;
        return shown.replace("\u0000", "\\u0000");
    }

    /** Every event on every topic, from the start of the suite: valid against its published schema. */
    @AfterContainer
    static void every_event_on_every_topic_matches_its_schema() {
        World world = Platform.world();
        System.out.printf("[tijdig] fuzz suite: %d malformed requests, answers %s%n", SENT.get(), STATUSES);
        Properties config = new Properties();
        config.put("bootstrap.servers", world.kafka.bootstrapServers());
        config.put("group.id", "fuzz-schema-check");
        config.put("enable.auto.commit", "false");
        List<String> broken = new ArrayList<>();
        int checked = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (BoundedContext context : BoundedContext.values()) {
                consumer.partitionsFor(context.topic(), Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header type = record.headers().lastHeader("ce_type");
                    if ("security-suite".equals(record.key()) && type == null) {
                        continue; // the suite's own poison message, which makes a dead letter (DeadLetterFixtures)
                    }
                    Optional<EventType> known = type == null ? Optional.empty()
                            : EventCatalogue.standard().byType(new String(type.value(), StandardCharsets.UTF_8));
                    if (known.isEmpty()) {
                        broken.add(record.topic() + "@" + record.offset() + ": ce_type "
                                + (type == null ? "missing" : new String(type.value(), StandardCharsets.UTF_8)) + " is not in the catalogue");
                        continue;
                    }
                    checked++;
                    try {
                        List<String> violations = EventSchemas.violations(known.get(), JSON.readTree(record.value()));
                        if (!violations.isEmpty()) {
                            broken.add(record.topic() + "@" + record.offset() + " " + known.get().type() + ": " + violations);
                        }
                    } catch (java.io.IOException e) {
                        broken.add(record.topic() + "@" + record.offset() + ": not JSON");
                    }
                }
            }
        }
        System.out.printf("[tijdig] fuzz suite: %d events on the five topics checked against their schemas%n", checked);
        assertThat(checked).as("events on the topics").isPositive();
        assertThat(broken).as("events that break their published schema").isEmpty();
    }
}
