package org.secondopinion.cases.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The media types a case accepts, recognised by their content, not by what the client claims: a
 * declared type is accepted only when the first bytes agree with it.
 */
final class ContentTypes {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String DICOM = "application/dicom";
    static final String TEXT = "text/plain";
    static final Set<String> ACCEPTED = Set.of(PDF, JPEG, PNG, DICOM, TEXT);

    /** How many leading bytes {@link #detect} looks at. */
    static final int SNIFF_BYTES = 8192;

    private ContentTypes() {
    }

    /** The declared media type without parameters, lower case; empty when none was declared. */
    static Optional<String> normalise(String declared) {
        if (declared == null || declared.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(declared.split(";")[0].trim().toLowerCase(Locale.ROOT));
    }

    /** What the content is, from its first bytes; empty when it is none of the accepted types. */
    static Optional<String> detect(InputStream content) throws IOException {
        byte[] head = content.readNBytes(SNIFF_BYTES);
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(head, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
            return Optional.of(PNG);
        }
        // DICOM Part 10: a 128-byte preamble, then "DICM".
        if (head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return Optional.of(DICOM);
        }
        if (head.length > 0 && isText(head)) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /** UTF-8 without control characters other than tab, line feed, carriage return and form feed. */
    private static boolean isText(byte[] head) {
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
            if (b == 0x7F) {
                return false;
            }
        }
        // The cut at SNIFF_BYTES may split a character: ignore at most 3 trailing bytes.
        int end = head.length;
        for (int trim = 0; trim <= 3 && end - trim > 0; trim++) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(head, 0, end - trim));
                return true;
            } catch (CharacterCodingException e) {
                if (head.length < SNIFF_BYTES) {
                    return false;
                }
            }
        }
        return false;
    }
}
