package nl.tijdig.launcher;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local mailbox: a real SMTP server (GreenMail) that accepts every message the notification-service sends and
 * keeps each one as an {@code .eml} file in a folder (numbered in the order they arrived, named for its recipients), plus a
 * small web page that lists them. Nothing is delivered anywhere else.
 */
public final class Mailbox implements AutoCloseable {

    private final Path folder;
    private final GreenMail smtp;
    private final HttpServer web;
    private final ScheduledExecutorService keeper;
    private final Set<String> kept = new HashSet<>();
    private int next;

    private Mailbox(Path folder, int smtpPort, int webPort) throws IOException {
        this.folder = folder;
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            next = (int) files.filter(f -> f.toString().endsWith(".eml")).count() + 1;
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), webPort), 16);
        web.createContext("/", this::serve);
        web.start();
        keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mailbox");
            thread.setDaemon(true);
            return thread;
        });
        keeper.scheduleWithFixedDelay(this::keepNew, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Starts SMTP on {@code smtpPort} and the web page on {@code webPort}, keeping mail in {@code folder}. */
    public static Mailbox start(Path folder, int smtpPort, int webPort) {
        try {
            return new Mailbox(folder, smtpPort, webPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the mailbox", e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** Writes the messages that arrived since the last look; a message to two recipients is one file. */
    synchronized void keepNew() {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String id = message.getMessageID() + "|" + recipients(message);
                if (!kept.add(id)) {
                    continue;
                }
                String name = String.format(Locale.ROOT, "%05d-%s.eml", next++, slug(recipients(message)));
                Path part = folder.resolve(name + ".part");
                try (OutputStream out = Files.newOutputStream(part)) {
                    message.writeTo(out);
                }
                Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (MessagingException | IOException e) {
                System.err.println("mailbox: cannot keep a message: " + e.getMessage());
            }
        }
    }

    /** The kept messages, oldest first. */
    public List<Path> messages() {
        keepNew();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        return to == null ? "nobody" : String.join(",", Stream.of(to).map(Address::toString).toList());
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@.-]+", "_");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("/".equals(path)) {
                StringBuilder page = new StringBuilder("<!doctype html><meta charset=utf-8><title>Tijdig mailbox</title>"
                        + "<h1>Tijdig mailbox</h1><p>Every message the platform sent, newest first; the files are in "
                        + escape(folder.toString()) + ".</p><ul>");
                List<Path> all = messages();
                for (int i = all.size() - 1; i >= 0; i--) {
                    String name = all.get(i).getFileName().toString();
                    page.append("<li><a href=\"/").append(escape(name)).append("\">").append(escape(name))
                            .append("</a> ").append(escape(subject(all.get(i)))).append("</li>");
                }
                send(exchange, 200, "text/html; charset=utf-8", page.append("</ul>").toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = folder.resolve(path.substring(1)).normalize();
            if (!file.getParent().equals(folder) || !path.endsWith(".eml") || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain", "no such message".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, "text/plain; charset=utf-8", Files.readAllBytes(file));
        }
    }

    private static String subject(Path file) {
        try (var in = Files.newInputStream(file)) {
            String subject = new MimeMessage(null, in).getSubject();
            return subject == null ? "" : subject;
        } catch (IOException | MessagingException e) {
            return "";
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        keepNew();
        keeper.shutdownNow();
        web.stop(0);
        smtp.stop();
    }
}
