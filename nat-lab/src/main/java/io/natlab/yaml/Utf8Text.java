package io.natlab.yaml;


import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Strict UTF-8 decoding of an input file; a bad byte is reported at its own line and column. */
public final class Utf8Text {
    private Utf8Text() {}

    public static String decode(Path file, byte[] bytes) throws ValidationException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        out.flip();
        if (!result.isError()) return out.toString();
        String before = out.toString();
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
        String what = String.format(Locale.ROOT, "is not UTF-8 text: byte 0x%02X cannot be decoded; save the file as UTF-8",
            bytes[in.position()] & 0xff);
        throw new ValidationException(List.of(new ValidationError(new SourceRef(file, line, column), "file", what)));
    }
}
