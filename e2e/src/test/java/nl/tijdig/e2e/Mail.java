package nl.tijdig.e2e;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A message in the platform's mailbox (an .eml file), read as a mail client would. */
record Mail(Path file, List<String> to, String subject) {

    static List<Mail> all() {
        return Stack.platform().mailbox().messages().stream().map(Mail::read).toList();
    }

    static List<Mail> to(String address) {
        return all().stream().filter(m -> m.to().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }

    private static Mail read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(null, in);
            Address[] recipients = message.getAllRecipients();
            List<String> to = recipients == null ? List.of()
                    : Stream.of(recipients).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).toList();
            return new Mail(file, to, message.getSubject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("not a mail: " + file, e);
        }
    }
}
