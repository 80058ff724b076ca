package org.secondopinion.reports.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A small flowing-text layout over Apache PDFBox: titles, headings, wrapped paragraphs and labelled
 * lines on A4 pages, and a footer on every page. Not thread-safe; one per document.
 */
final class PdfDocumentWriter implements AutoCloseable {

    private static final float MARGIN = 56;
    private static final float FOOTER_HEIGHT = 40;
    private static final float BODY_SIZE = 10.5f;

    private final PDDocument document = new PDDocument();
    /** DejaVu Sans, embedded as a subset of the glyphs used: Latin, Greek, Cyrillic, Vietnamese and more. */
    private final PDFont regular;
    private final PDFont bold;
    /** Per font, whether it has a glyph for a code point (asked once per character and font). */
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream stream;
    private float y;

    PdfDocumentWriter(String title, String subject) {
        try {
            regular = PDType0Font.load(document, new ByteArrayInputStream(Fonts.REGULAR), true);
            bold = PDType0Font.load(document, new ByteArrayInputStream(Fonts.BOLD), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the PDF fonts", e);
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(withoutControls(title));
        info.setSubject(withoutControls(subject));
        info.setProducer("Second Opinion report-service");
        newPage();
    }

    void title(String text) {
        paragraph(text, bold, 17, 6);
    }

    void heading(String text) {
        space(8);
        paragraph(text, bold, 12.5f, 3);
    }

    void paragraph(String text) {
        paragraph(text, regular, BODY_SIZE, 4);
    }

    /** A bold label followed by its value, wrapped. */
    void labelled(String label, String value) {
        paragraph(label + ": " + (value == null || value.isBlank() ? "-" : value), regular, BODY_SIZE, 2);
    }

    void bullet(String text) {
        paragraph("\u2022 " + text, regular, BODY_SIZE, 2);
    }

    void space(float points) {
        y -= points;
    }

    /** Writes the footer on every page and returns the PDF's bytes. */
    byte[] finish(String footer) {
        try {
            stream.close();
            stream = null;
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream footerStream = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    float lineY = MARGIN - 14;
                    for (String line : wrap(footer + "  |  Page " + (i + 1) + " of " + pages, regular, 7.5f,
                            page.getMediaBox().getWidth() - 2 * MARGIN)) {
                        footerStream.beginText();
                        footerStream.setFont(regular, 7.5f);
                        footerStream.newLineAtOffset(MARGIN, lineY);
                        footerStream.showText(line);
                        footerStream.endText();
                        lineY -= 9;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the PDF", e);
        }
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void paragraph(String text, PDFont font, float size, float after) {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float leading = size * 1.35f;
        try {
            for (String line : wrap(text, font, size, width)) {
                if (y - leading < MARGIN + FOOTER_HEIGHT) {
                    newPage();
                }
                y -= leading;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(line);
                stream.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the PDF", e);
        }
        y -= after;
    }

    private void newPage() {
        try {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the PDF", e);
        }
    }

    /**
     * Splits text into lines that fit the width, keeping the author's line breaks. Widths are summed
     * word by word (each word measured once), so wrapping stays linear in the text's length.
     */
    private List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        float space = width(" ", font, size);
        for (String raw : printable(text, font).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String word : raw.split(" ")) {
                float wordWidth = width(word, font, size);
                float needed = line.isEmpty() ? wordWidth : lineWidth + space + wordWidth;
                if (needed <= width) {
                    if (!line.isEmpty()) {
                        line.append(' ');
                    }
                    line.append(word);
                    lineWidth = needed;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A word longer than the line (a hash, a URL) is cut where it must be.
                String rest = word;
                while (wordWidth > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                    wordWidth = width(rest, font, size);
                }
                line.append(rest);
                lineWidth = wordWidth;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text as the font can show it: typographic quotes and dashes as they are, tabs and other control
     * characters as spaces, and a character the font has no glyph for (Chinese, Japanese, Korean, emoji)
     * as a question mark rather than a failed PDF.
     */
    String printable(String text, PDFont font) {
        String plain = withoutControls(text);
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(plain.length());
        plain.codePoints().forEach(cp -> {
            if (cp == '\n' || known.computeIfAbsent(cp, c -> canShow(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean canShow(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Line breaks kept, tabs and other control characters as spaces. */
    static String withoutControls(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(cp == '\n' ? cp
                : Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT ? ' ' : cp));
        return out.toString();
    }

    /** The two fonts' files, read once from the classpath (jasperreports-fonts) and shared by every document. */
    private static final class Fonts {
        static final byte[] REGULAR = read("DejaVuSans.ttf");
        static final byte[] BOLD = read("DejaVuSans-Bold.ttf");

        private static byte[] read(String file) {
            String path = "net/sf/jasperreports/fonts/dejavu/" + file;
            try (InputStream in = PdfDocumentWriter.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("Font missing from the classpath: " + path);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
