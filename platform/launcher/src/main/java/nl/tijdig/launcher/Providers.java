package nl.tijdig.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local print-and-post and SMS providers: they implement the notification-service's reference provider APIs
 * ({@code POST /letters}, {@code POST /messages}) and, instead of printing or texting, keep each letter as a PDF and
 * each SMS as a text file, once per {@code Idempotency-Key}, so a person can read what a debtor would have received.
 */
final class Providers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._@-]{1,200}");

    private final Path letters;
    private final Path texts;

    Providers(Path letters, Path texts) {
        this.letters = letters;
        this.texts = texts;
        try {
            Files.createDirectories(letters);
            Files.createDirectories(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mounts {@code /providers/post/letters} and {@code /providers/sms/messages} on the mailbox's web server. */
    void mount(HttpServer web) {
        web.createContext("/providers/post/letters", exchange -> receive(exchange, this::letter));
        web.createContext("/providers/sms/messages", exchange -> receive(exchange, this::text));
    }

    Path letters() {
        return letters;
    }

    Path texts() {
        return texts;
    }

    /** The letters kept (PDF), oldest first. */
    List<Path> letterFiles() {
        return files(letters, ".pdf");
    }

    /** The SMS kept (text), oldest first. */
    List<Path> textFiles() {
        return files(texts, ".txt");
    }

    private interface Keeper {
        void keep(String key, JsonNode body) throws IOException;
    }

    private static void receive(HttpExchange exchange, Keeper keeper) throws IOException {
        try (exchange) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{\"error\": \"POST only\"}");
                return;
            }
            if (key == null || !KEY.matcher(key).matches()) {
                answer(exchange, 400, "{\"error\": \"Idempotency-Key is required (letters, digits, . _ @ -)\"}");
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(exchange.getRequestBody());
            } catch (IOException e) {
                answer(exchange, 400, "{\"error\": \"the body is not JSON\"}");
                return;
            }
            keeper.keep(key, body);
            answer(exchange, 202, "{\"id\": \"" + key + "\"}");
        }
    }

    private void letter(String key, JsonNode body) throws IOException {
        String name = key + ".pdf";
        if (Files.exists(letters.resolve(name))) {
            return; // the same letter again: posted once
        }
        byte[] pdf = Base64.getDecoder().decode(body.path("pdf").asText(""));
        JsonNode recipient = body.path("recipient");
        String envelope = "reference: " + body.path("reference").asText() + "\nregistered: "
                + body.path("registered").asBoolean() + "\nrecipient: " + recipient.path("name").asText() + "\n"
                + String.join("\n", JSON.convertValue(recipient.path("addressLines"), String[].class)) + "\n"
                + recipient.path("countryCode").asText() + "\n";
        Files.writeString(letters.resolve(key + ".envelope.txt"), envelope);
        write(letters.resolve(name), pdf);
    }

    private void text(String key, JsonNode body) throws IOException {
        String name = key + ".txt";
        if (Files.exists(texts.resolve(name))) {
            return;
        }
        write(texts.resolve(name), ("to: " + body.path("recipient").asText() + "\nlanguage: "
                + body.path("language").asText() + "\n\n" + body.path("body").asText() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] content) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.write(part, content);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix))
                    .sorted(Comparator.comparing(Providers::modified).thenComparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
