package nl.tijdig.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import nl.tijdig.testing.process.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxTest {

    @Test
    void a_message_sent_over_smtp_is_kept_as_one_file_named_for_its_recipients_and_listed_on_the_page(@TempDir Path folder)
            throws Exception {
        int smtp = Ports.free();
        int web = Ports.free();
        try (Mailbox mailbox = Mailbox.start(folder, smtp, web)) {
            send(smtp, "Herinnering factuur 2026-0042", "debiteur@example.nl", "boekhouding@example.nl");

            send(smtp, "Aanmaning factuur 2026-0042", "debiteur@example.nl");

            assertThat(mailbox.messages()).extracting(p -> p.getFileName().toString()).containsExactly(
                    "00001-debiteur@example.nl_boekhouding@example.nl.eml", "00002-debiteur@example.nl.eml");
            assertThat(Files.readString(mailbox.messages().get(0))).contains("Subject: Herinnering factuur 2026-0042");
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).containsSubsequence("00002-", "Aanmaning factuur 2026-0042", "00001-",
                    "Herinnering factuur 2026-0042");
            int missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web
                    + "/mail/..%2Fsecrets.properties")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(missing).isEqualTo(404);
        }

        try (Mailbox again = Mailbox.start(folder, Ports.free(), Ports.free())) {
            assertThat(again.messages()).as("kept across a restart").hasSize(2);
        }
    }

    @Test
    void a_letter_posted_to_the_local_post_provider_is_kept_once_as_a_pdf_and_an_sms_as_text(@TempDir Path folder)
            throws Exception {
        try (Mailbox mailbox = Mailbox.start(folder, Ports.free(), Ports.free())) {
            String pdf = java.util.Base64.getEncoder().encodeToString("%PDF-1.7 veertiendagenbrief".getBytes());
            String letter = """
                    {"reference": "c-1", "registered": false, "pdf": "%s",
                     "recipient": {"name": "J. de Vries", "addressLines": ["Dorpsstraat 1", "1234 AB Ergens"], "countryCode": "NL"}}"""
                    .formatted(pdf);

            assertThat(post(mailbox.postProviderUrl() + "/letters", "c-1", letter)).isEqualTo(202);
            assertThat(post(mailbox.postProviderUrl() + "/letters", "c-1", letter)).as("the same letter again").isEqualTo(202);
            assertThat(post(mailbox.postProviderUrl() + "/letters", null, letter)).as("without a key").isEqualTo(400);
            assertThat(post(mailbox.smsProviderUrl() + "/messages", "s-1",
                    "{\"reference\": \"s-1\", \"recipient\": \"+31612345678\", \"body\": \"Herinnering\", \"language\": \"nl\"}"))
                    .isEqualTo(202);

            assertThat(mailbox.letters()).hasSize(1);
            assertThat(Files.readString(mailbox.letters().get(0))).isEqualTo("%PDF-1.7 veertiendagenbrief");
            assertThat(Files.readString(folder.resolve("post/c-1.envelope.txt"))).contains("J. de Vries", "1234 AB Ergens");
            assertThat(mailbox.texts()).hasSize(1);
            assertThat(Files.readString(mailbox.texts().get(0))).contains("+31612345678", "Herinnering");
        }
    }

    private static int post(String url, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void send(int port, String subject, String... to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@tijdig.local"));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(subject);
        message.setText("Beste klant, ...");
        Transport.send(message);
    }
}
