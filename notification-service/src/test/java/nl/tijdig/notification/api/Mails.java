package nl.tijdig.notification.api;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** An email as the debtor receives it: subject, Message-ID, text and HTML parts, the PDF and its text. */
record Mails(String subject, String messageId, String from, String replyTo, String text, String html, String pdfName,
        byte[] pdf) {

    static Mails read(MimeMessage message) {
        try {
            Mails mail = new Mails(message.getSubject(), message.getHeader("Message-ID", null), message.getHeader("From", null),
                    message.getHeader("Reply-To", null), null, null, null, null);
            return mail.walk(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many Message-ID headers the message carries (one, the recorded one). */
    static int messageIds(MimeMessage message) throws jakarta.mail.MessagingException {
        String[] ids = message.getHeader("Message-ID");
        return ids == null ? 0 : ids.length;
    }

    private Mails walk(Part part) throws Exception {
        Mails mail = this;
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                mail = mail.walk(body);
            }
            return mail;
        }
        if (part.isMimeType("application/pdf")) {
            return new Mails(subject, messageId, from, replyTo, text, html, part.getFileName(), bytes(part.getInputStream()));
        }
        if (part.isMimeType("text/plain") && text == null) {
            return new Mails(subject, messageId, from, replyTo, (String) part.getContent(), html, pdfName, pdf);
        }
        if (part.isMimeType("text/html") && html == null) {
            return new Mails(subject, messageId, from, replyTo, text, (String) part.getContent(), pdfName, pdf);
        }
        return mail;
    }

    /** The PDF's text, lines joined by spaces (as a reader sees it, without line breaks in the way). */
    String pdfText() {
        return pdfText(pdf);
    }

    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text part with its line breaks as spaces. */
    String flatText() {
        return text.replaceAll("\\s+", " ");
    }

    private static byte[] bytes(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
