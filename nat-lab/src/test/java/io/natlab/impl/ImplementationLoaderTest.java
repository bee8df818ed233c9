package io.natlab.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natlab.yaml.ValidationError;
import io.natlab.yaml.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplementationLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void theShippedPythonExampleLoads() throws Exception {
        Implementation impl = ImplementationLoader.load("../examples/python-punch");
        assertThat(impl.name()).isEqualTo("python-example");
        assertThat(impl.command()).containsExactly("python3", "/opt/impl/python-example/punch.py");
        assertThat(impl.home()).isEqualTo(Path.of("../examples/python-punch").toAbsolutePath().normalize());
        assertThat(impl.builtIn()).isFalse();
        assertThat(ImplementationLoader.load("punch-core")).isSameAs(Implementation.PUNCH_CORE);
    }

    @Test
    void everyProblemIsNamedWithItsLine() throws Exception {
        Path file = tmp.resolve(ImplementationLoader.DESCRIPTOR);
        Files.writeString(file, """
                name: "Bad Name\\n$(touch x)"
                install: "line1\\nline2"
                command: [python3, ""]
                capabilities: [port-predicton]
                colour: blue
                """);
        assertThatThrownBy(() -> ImplementationLoader.load(tmp.toString()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    List<String> lines = e.errors().stream().map(ValidationError::render).toList();
                    assertThat(lines).anyMatch(l -> l.contains(":1:") && l.contains("name") && l.contains("\\x0a"));
                    assertThat(lines).anyMatch(l -> l.contains(":2:") && l.contains("install") && l.contains("one line"));
                    assertThat(lines).anyMatch(l -> l.contains(":3:") && l.contains("command[1]"));
                    assertThat(lines).anyMatch(l -> l.contains(":4:") && l.contains("port-prediction"));
                    assertThat(lines).anyMatch(l -> l.contains(":5:") && l.contains("colour"));
                    assertThat(lines).allMatch(l -> !l.contains("\n"));
                });
    }

    @Test
    void aMissingDescriptorIsOneError() {
        assertThatThrownBy(() -> ImplementationLoader.load(tmp.resolve("nope").toString()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no such file");
    }

    @Test
    void theContractTravelsAsEnvArgumentsNeverThroughAShell() {
        PeerContract c = new PeerContract("198.18.0.2:7000", "alice-t1", "bob-t1", "s3cret; rm -rf /", 40000,
                Duration.ofMillis(8000), 65536, "listen-connect");
        assertThat(c.argv(Implementation.PUNCH_CORE)).containsExactly("env", "NATLAB_SERVER=198.18.0.2:7000",
                "NATLAB_ID=alice-t1", "NATLAB_PEER=bob-t1", "NATLAB_TOKEN=s3cret; rm -rf /", "NATLAB_LOCAL_PORT=40000",
                "NATLAB_TIMEOUT_MS=8000", "NATLAB_ECHO_BYTES=65536", "NATLAB_STRATEGY=listen-connect", "punch", "client");
        assertThatThrownBy(() -> new PeerContract("s", "a\nb", "p", null, 1, Duration.ofSeconds(1), 0, "x"))
                .hasMessageContaining("control characters");
    }
}
