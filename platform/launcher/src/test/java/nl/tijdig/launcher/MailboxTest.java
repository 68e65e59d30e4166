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
                    + "/../secrets.properties")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(missing).isEqualTo(404);
        }

        try (Mailbox again = Mailbox.start(folder, Ports.free(), Ports.free())) {
            assertThat(again.messages()).as("kept across a restart").hasSize(2);
        }
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
