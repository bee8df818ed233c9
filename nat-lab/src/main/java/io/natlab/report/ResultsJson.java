package io.natlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.natlab.result.PunchEnumsJson;
import io.natlab.result.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes results.json (documented in docs/results-json.md, schema in
 * {@code schema/natlab-results.schema.json}). Fields appear in record component order; map entries by key, so two
 * runs with equal results give equal files.
 */
public final class ResultsJson {
    private ResultsJson() {}

    public static final String FILE_NAME = "results.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // Newer files may carry fields this version does not know; rerendering them should still work.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule().addSerializer(Double.class, new FiniteDouble())
                    .addSerializer(double.class, new FiniteDouble()))
            .addModule(PunchEnumsJson.module())
            .build();

    public static String toJson(RunResult run) {
        try {
            return MAPPER.writeValueAsString(run) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise results: " + e.getMessage(), e);
        }
    }

    public static void write(RunResult run, Path file) throws IOException {
        Files.writeString(file, toJson(run));
    }

    public static RunResult read(Path file) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), RunResult.class);
        } catch (IOException e) {
            throw new IOException(file + ": not a natlab results.json: " + e.getMessage(), e);
        }
    }

    public static RunResult parse(String json) throws IOException {
        return MAPPER.readValue(json, RunResult.class);
    }

    /** JSON has no NaN or Infinity: write null rather than an invalid file or a quoted "NaN". */
    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() { super(Double.class); }

        @Override public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) gen.writeNull();
            else gen.writeNumber(value);
        }
    }
}
