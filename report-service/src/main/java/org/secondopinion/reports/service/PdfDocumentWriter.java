package org.secondopinion.reports.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small flowing-text layout over Apache PDFBox: titles, headings, wrapped paragraphs and labelled
 * lines on A4 pages, and a footer on every page. Not thread-safe; one per document.
 */
final class PdfDocumentWriter implements AutoCloseable {

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 56;
    private static final float FOOTER_HEIGHT = 40;
    private static final float BODY_SIZE = 10.5f;

    private final PDDocument document = new PDDocument();
    private PDPageContentStream stream;
    private float y;

    PdfDocumentWriter(String title, String subject) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(sanitize(title));
        info.setSubject(sanitize(subject));
        info.setProducer("Second Opinion report-service");
        newPage();
    }

    void title(String text) {
        paragraph(text, BOLD, 17, 6);
    }

    void heading(String text) {
        space(8);
        paragraph(text, BOLD, 12.5f, 3);
    }

    void paragraph(String text) {
        paragraph(text, REGULAR, BODY_SIZE, 4);
    }

    /** A bold label followed by its value, wrapped. */
    void labelled(String label, String value) {
        paragraph(label + ": " + (value == null || value.isBlank() ? "-" : value), REGULAR, BODY_SIZE, 2);
    }

    void bullet(String text) {
        paragraph("\u2022 " + text, REGULAR, BODY_SIZE, 2);
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
                    for (String line : wrap(footer + "  |  Page " + (i + 1) + " of " + pages, REGULAR, 7.5f,
                            page.getMediaBox().getWidth() - 2 * MARGIN)) {
                        footerStream.beginText();
                        footerStream.setFont(REGULAR, 7.5f);
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

    private void paragraph(String text, PDType1Font font, float size, float after) {
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
    private static List<String> wrap(String text, PDType1Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        float space = width(" ", font, size);
        for (String raw : sanitize(text).split("\n", -1)) {
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

    private static float width(String text, PDType1Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The standard fonts encode WinAnsi only: typographic characters become their plain equivalents,
     * control characters spaces, and anything else outside Latin-1 a question mark.
     */
    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append('\n');
                case '\r', '\t' -> out.append(' ');
                case '\u2018', '\u2019' -> out.append('\'');
                case '\u201C', '\u201D' -> out.append('"');
                case '\u2013', '\u2014' -> out.append('-');
                case '\u2022' -> out.append('\u2022');
                case '\u2026' -> out.append("...");
                default -> out.append(c < 32 || (c > 126 && c < 160) || c > 255 ? (c < 32 ? ' ' : '?') : c);
            }
        }
        return out.toString();
    }
}
