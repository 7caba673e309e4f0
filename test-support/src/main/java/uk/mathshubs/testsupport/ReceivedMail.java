package uk.mathshubs.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A message GreenMail received, read as a test asserts on it: recipients, subject, text, attachments. */
public record ReceivedMail(List<String> to, String subject, String text, List<Attachment> attachments) {

    /** An attachment: its file name, content type (as sent, with its parameters) and content as UTF-8 text. */
    public record Attachment(String fileName, String contentType, String content) {
    }

    public static ReceivedMail of(MimeMessage message) {
        try {
            List<String> to = message.getAllRecipients() == null ? List.of() : Arrays.stream(message.getAllRecipients())
                    .map(address -> address instanceof InternetAddress internet ? internet.getAddress() : address.toString())
                    .toList();
            StringBuilder text = new StringBuilder();
            List<Attachment> attachments = new ArrayList<>();
            read(message, text, attachments);
            return new ReceivedMail(to, message.getSubject(), text.toString().replace("\r\n", "\n"), List.copyOf(attachments));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read a received message", e);
        }
    }

    /** Every message received so far for one address, read. */
    public static List<ReceivedMail> to(String address) {
        return GreenMailResource.receivedBy(address).stream().map(ReceivedMail::of).toList();
    }

    /** The first attachment whose content type starts with this (e.g. "text/calendar"). */
    public Optional<Attachment> attachment(String contentType) {
        return attachments.stream().filter(a -> a.contentType().toLowerCase().startsWith(contentType.toLowerCase())).findFirst();
    }

    private static void read(Part part, StringBuilder text, List<Attachment> attachments) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                read(child, text, attachments);
            }
            return;
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attached && part.isMimeType("text/plain")) {
            text.append(content);
            return;
        }
        String body = content instanceof String string ? string : content instanceof InputStream stream
                ? new String(stream.readAllBytes(), StandardCharsets.UTF_8)
                : String.valueOf(content);
        attachments.add(new Attachment(part.getFileName(), part.getContentType(), body));
    }
}
