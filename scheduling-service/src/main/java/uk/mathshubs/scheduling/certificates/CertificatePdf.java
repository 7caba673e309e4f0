package uk.mathshubs.scheduling.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import uk.mathshubs.kit.mail.UkDates;

/**
 * A certificate of completion as a one-page A4 landscape PDF (Apache PDFBox): the person's name, the programme, the
 * hub, the year and the code anyone can check. Made when asked for, never stored: the certificate's row is the
 * record. Text is set in Liberation Sans, which PDFBox carries, embedded as a subset, so that any name in Latin
 * script prints as written (the standard 14 fonts know WinAnsi only).
 */
public final class CertificatePdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle LANDSCAPE_A4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 72;

    private CertificatePdf() {
    }

    /** What the certificate says. */
    public record Content(String personName, String schoolName, String programme, String hub, String academicYear,
            LocalDate issuedOn, String code, String verificationLink) {
    }

    public static byte[] render(Content content) {
        try (PDDocument document = new PDDocument(); InputStream font = CertificatePdf.class.getResourceAsStream(FONT)) {
            PDFont text = PDType0Font.load(document, font);
            PDPage page = new PDPage(LANDSCAPE_A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Certificate of completion: " + content.programme() + " " + content.academicYear());
            info.setCreator("Maths Hubs Work Groups");
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                // A border, then the lines from the top, each centred.
                out.setLineWidth(3);
                out.setStrokingColor(0.11f, 0.44f, 0.72f);
                out.addRect(36, 36, LANDSCAPE_A4.getWidth() - 72, LANDSCAPE_A4.getHeight() - 72);
                out.stroke();
                out.setNonStrokingColor(0.04f, 0.05f, 0.05f);
                Writer writer = new Writer(out, text, LANDSCAPE_A4.getHeight() - 110);
                writer.centred("Certificate of completion", 30, 24);
                writer.centred("This is to certify that", 14, 30);
                writer.centred(content.personName(), 26, 20);
                if (content.schoolName() != null) {
                    writer.centred("of " + content.schoolName(), 14, 28);
                }
                writer.centred("took part in, and their school completed, the Work Group", 14, 12);
                writer.centred(content.programme(), 20, 12);
                writer.centred("run by " + content.hub() + " in " + content.academicYear(), 14, 40);
                writer.centred("Issued on " + UkDates.ukDate(content.issuedOn()), 11, 14);
                writer.centred("Verification code: " + content.code(), 11, 14);
                writer.centred("Check it at " + content.verificationLink(), 9, 0);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The certificate could not be made", e);
        }
    }

    /** Writes centred lines downwards, wrapping a line too wide for the page between words. */
    private static final class Writer {

        private final PDPageContentStream out;
        private final PDFont font;
        private float y;

        Writer(PDPageContentStream out, PDFont font, float top) {
            this.out = out;
            this.font = font;
            this.y = top;
        }

        void centred(String line, float size, float spaceAfter) throws IOException {
            for (String part : wrapped(printable(line), size)) {
                float width = font.getStringWidth(part) / 1000 * size;
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset((LANDSCAPE_A4.getWidth() - width) / 2, y);
                out.showText(part);
                out.endText();
                y -= size * 1.3f;
            }
            y -= spaceAfter;
        }

        /** A character the font has no glyph for (a name in another script) prints as a question mark, not a failure. */
        private String printable(String line) {
            StringBuilder printable = new StringBuilder(line.length());
            line.codePoints().forEach(c -> {
                String character = Character.toString(Character.isISOControl(c) ? ' ' : c);
                try {
                    font.encode(character);
                    printable.append(character);
                } catch (IOException | IllegalArgumentException e) {
                    printable.append('?');
                }
            });
            return printable.toString();
        }

        private List<String> wrapped(String line, float size) throws IOException {
            float room = LANDSCAPE_A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                String tried = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && font.getStringWidth(tried) / 1000 * size > room) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(tried);
                }
            }
            lines.add(current.toString());
            return lines;
        }
    }
}
