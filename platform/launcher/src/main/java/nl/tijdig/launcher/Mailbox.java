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
 * keeps each one as an {@code .eml} file in a folder (numbered in the order they arrived, named for its recipients);
 * the local post and SMS providers ({@link Providers}), which keep letters as PDF and SMS as text; and a small web page
 * that lists all of it. Nothing is delivered anywhere else.
 */
public final class Mailbox implements AutoCloseable {

    private final Path folder;
    private final Providers providers;
    private final GreenMail smtp;
    private final HttpServer web;
    private final ScheduledExecutorService keeper;
    private final Set<String> kept = new HashSet<>();
    private int next;

    private Mailbox(Path folder, Path letters, Path texts, int smtpPort, int webPort) throws IOException {
        this.folder = folder;
        this.providers = new Providers(letters, texts);
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            next = (int) files.filter(f -> f.toString().endsWith(".eml")).count() + 1;
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), webPort), 16);
        web.createContext("/", this::serve);
        providers.mount(web);
        web.start();
        keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mailbox");
            thread.setDaemon(true);
            return thread;
        });
        keeper.scheduleWithFixedDelay(this::keepNew, 200, 200, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts SMTP on {@code smtpPort} and the web page and providers on {@code webPort}, keeping mail in
     * {@code <dataDir>/mailbox}, letters in {@code <dataDir>/post} and SMS in {@code <dataDir>/sms}.
     */
    public static Mailbox start(Path dataDir, int smtpPort, int webPort) {
        try {
            return new Mailbox(dataDir.resolve("mailbox"), dataDir.resolve("post"), dataDir.resolve("sms"), smtpPort, webPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the mailbox", e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** Where letters are kept (the PDF and its envelope). */
    public Path letterFolder() {
        return providers.letters();
    }

    public Path smsFolder() {
        return providers.texts();
    }

    /** The letters posted so far (PDF), oldest first. */
    public List<Path> letters() {
        return providers.letterFiles();
    }

    /** The SMS sent so far, oldest first. */
    public List<Path> texts() {
        return providers.textFiles();
    }

    /** The base URL of the local print-and-post provider (tijdig.notification.post.base-url). */
    public String postProviderUrl() {
        return "http://127.0.0.1:" + web.getAddress().getPort() + "/providers/post";
    }

    /** The base URL of the local SMS provider (tijdig.notification.sms.base-url). */
    public String smsProviderUrl() {
        return "http://127.0.0.1:" + web.getAddress().getPort() + "/providers/sms";
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
                        + "<h1>Tijdig mailbox</h1><p>Everything the platform sent to debtors and creditors, newest first.</p>"
                        + "<h2>Email</h2><p>" + escape(folder.toString()) + "</p><ul>");
                List<Path> all = messages();
                for (int i = all.size() - 1; i >= 0; i--) {
                    String name = all.get(i).getFileName().toString();
                    page.append("<li><a href=\"/mail/").append(escape(name)).append("\">").append(escape(name))
                            .append("</a> ").append(escape(subject(all.get(i)))).append("</li>");
                }
                page.append("</ul><h2>Letters (post)</h2><p>").append(escape(providers.letters().toString())).append("</p><ul>");
                List<Path> letters = providers.letterFiles();
                for (int i = letters.size() - 1; i >= 0; i--) {
                    String name = letters.get(i).getFileName().toString();
                    page.append("<li><a href=\"/post/").append(escape(name)).append("\">").append(escape(name)).append("</a></li>");
                }
                page.append("</ul><h2>SMS</h2><p>").append(escape(providers.texts().toString())).append("</p><ul>");
                List<Path> texts = providers.textFiles();
                for (int i = texts.size() - 1; i >= 0; i--) {
                    String name = texts.get(i).getFileName().toString();
                    page.append("<li><a href=\"/sms/").append(escape(name)).append("\">").append(escape(name)).append("</a></li>");
                }
                send(exchange, 200, "text/html; charset=utf-8", page.append("</ul>").toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = file(path);
            if (file == null) {
                send(exchange, 404, "text/plain", "no such message".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, file.toString().endsWith(".pdf") ? "application/pdf" : "text/plain; charset=utf-8",
                    Files.readAllBytes(file));
        }
    }

    /** The file a page link names, only inside the three folders and of their kinds; null otherwise. */
    private Path file(String path) {
        String[] parts = path.split("/", 3);
        if (parts.length != 3) {
            return null;
        }
        Path dir = switch (parts[1]) {
            case "mail" -> folder;
            case "post" -> providers.letters();
            case "sms" -> providers.texts();
            default -> null;
        };
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(parts[2]).normalize();
        String name = file.getFileName().toString();
        boolean kind = name.endsWith(".eml") || name.endsWith(".pdf") || name.endsWith(".txt");
        return file.getParent().equals(dir) && kind && Files.isRegularFile(file) ? file : null;
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
