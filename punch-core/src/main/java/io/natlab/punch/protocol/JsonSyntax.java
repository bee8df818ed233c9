package io.natlab.punch.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.punch.Printable;
import java.io.IOException;

/**
 * Reads one frame's JSON and turns parser failures into short messages a peer can act on: the column where
 * it went wrong and what was wrong, never the parser's class or setting names (those mean nothing to a peer,
 * and they end up in ERROR frames and logs).
 */
final class JsonSyntax {
    private JsonSyntax() {
    }

    /** The frame's single JSON value. */
    static JsonNode read(ObjectMapper mapper, byte[] frame) throws ProtocolException {
        try (JsonParser parser = mapper.createParser(frame)) {
            JsonNode root;
            try {
                root = mapper.readTree(parser);
                if (root != null && parser.nextToken() != null) {
                    throw malformed(column(parser.currentTokenLocation()), "unexpected data after the JSON value");
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw malformed(column(at), describe(e, mapper.getFactory().streamReadConstraints()));
            }
            return root;
        } catch (IOException e) {
            // Reading from a byte array fails only through the parser; keep whatever it said, without names.
            throw malformed(0, "unreadable");
        }
    }

    private static ProtocolException malformed(int column, String what) {
        return new ProtocolException(ErrorCode.MALFORMED,
                "not valid JSON" + (column > 0 ? " at column " + column : "") + ": " + what);
    }

    private static int column(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getColumnNr());
    }

    static String describe(JsonProcessingException e, StreamReadConstraints limits) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (message.contains("nesting depth")) {
                return "nested deeper than " + limits.getMaxNestingDepth() + " levels";
            }
            if (message.contains("Number value length")) {
                return "number longer than " + limits.getMaxNumberLength() + " digits";
            }
            if (message.contains("String value length")) {
                return "string longer than " + limits.getMaxStringLength() + " characters";
            }
            return "exceeds a size limit";
        }
        return plain(message);
    }

    /** The first line of a parser message, cut before any quoted setting name (they are in backquotes). */
    static String plain(String message) {
        String line = message.lines().findFirst().orElse("");
        int tick = line.indexOf('`');
        if (tick >= 0) {
            line = line.substring(0, tick).replaceAll("[\\s:;,(]*(enable|from|set)?\\s*$", "");
        }
        line = line.strip();
        return line.isEmpty() ? "syntax error" : Printable.escape(line);
    }
}
