package io.natlab.scenario;

import io.natlab.punch.protocol.Protocol;
import io.natlab.topology.yaml.ReservedRanges;
import io.natlab.topology.yaml.TopologyLoader;
import io.natlab.yaml.ValidationError;
import io.natlab.yaml.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.natlab.scenario.ScenarioLoaderTest.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile names, tokens, bytes and structures: each one refused with one clear, single-line error. */
class HostileInputTest {
    private static final ScenarioLoader LOADER = new ScenarioLoader(ReservedRanges.fixed());
    private static final String VALID = """
        description: two homes
        topology:
          sites:
            - {name: home-a, nat: full-cone, peers: [alice]}
            - {name: home-b, nat: full-cone, peers: [bob]}
        punches:
          - peers: [alice, bob]
        """;
    static final List<String> HOSTILE_NAMES = List.of("a\ntouch x\nb", "it's", "say \"hi\"", "$(touch x)", "`touch x`",
        "a;touch x", "a\rb", "x".repeat(300), "\u00e9t\u00e9", "-rf", ".hidden", "a b", "tab\there", "a\u2028b");

    private static List<String> errorsFor(Path file, String yaml) {
        try {
            LOADER.parse(file, yaml);
            return List.of();
        } catch (ValidationException e) {
            return e.errors().stream().map(ValidationError::render).toList();
        }
    }

    @Test
    void aFileNameThatWouldNotMakeASafeScenarioNameIsRefusedOnOneLine() {
        for (String hostile : HOSTILE_NAMES) {
            List<String> errors = errorsFor(Path.of(hostile + ".yaml"), VALID);
            assertThat(errors).as(hostile).hasSize(1);
            assertThat(errors.get(0)).as(hostile).doesNotContain("\n", "\r", "\u2028")
                .contains(":1:1: name: no name: given, and the file name '")
                .endsWith("is not usable as a report directory name: use 1-64 letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit; add name: or rename the file");
        }
        assertThat(errorsFor(Path.of("a\ntouch x\nb.yaml"), VALID).get(0))
            .startsWith("a\\ntouch x\\nb.yaml:1:1: name: no name: given, and the file name 'a\\ntouch x\\nb.yaml'");
        assertThat(errorsFor(Path.of("a\ntouch x\nb.yaml"), "name: fine\n" + VALID)).as("name: given").isEmpty();
    }

    @Test
    void topologyOnlyFilesFollowTheSameNameRule() {
        String topology = "topology:\n  sites:\n    - {name: home-a, nat: full-cone, peers: [alice]}\n";
        TopologyLoader loader = new TopologyLoader(ReservedRanges.fixed());
        assertThatThrownBy(() -> loader.parse(Path.of("$(touch x)\n.yaml"), topology))
            .isInstanceOf(ValidationException.class)
            .hasMessage("$(touch x)\\n.yaml:1:1: name: no name: given, and the file name '$(touch x)\\n.yaml' is not usable "
                + "as a report directory name: use 1-64 letters, digits, '.', '_' and '-', starting with a letter or digit; "
                + "add name: or rename the file");
        assertThat(loader.parse(Path.of("home.yaml"), topology).name()).isEqualTo("home");
    }

    @Test
    void aWrittenNameObeysTheSameRule() {
        for (String hostile : HOSTILE_NAMES) {
            String quoted = "\"" + hostile.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\r", "\\r").replace("\t", "\\t").replace("\u2028", "\\u2028") + "\"";
            List<String> errors = errors("name: " + quoted + "\n" + VALID);
            assertThat(errors).as(hostile).singleElement().asString().startsWith("t.yaml:1:7: name: '")
                .doesNotContain("\n", "\r");
        }
    }

    @Test
    void tokensFollowTheCliRuleSoWhatValidatesTheServerAccepts() {
        for (String token : List.of("t".repeat(300), "--port=22", "-x", "two words", "tab\tin", "\u00fcml")) {
            String yaml = VALID.replace("topology:\n", "topology:\n  rendezvous: {token: \""
                + token.replace("\t", "\\t") + "\"}\n");
            assertThat(Protocol.tokenProblem(token)).as(token).isNotNull();
            assertThat(errors(yaml)).as(token).singleElement().asString()
                .contains("topology.rendezvous.token: " + Protocol.tokenProblem(token)).doesNotContain(token);
        }
        assertThat(errors(VALID.replace("topology:\n", "topology:\n  rendezvous: {token: s3cret.T0k-en}\n"))).isEmpty();
    }

    @Test
    void aDescriptionIsOneLineOfPrintableText() {
        assertThat(errors(VALID.replace("two homes", "\"bell\\a here\""))).singleElement().asString()
            .startsWith("t.yaml:1:14: description: must be printable text; it contains a control character: 'bell\\u0007 here'");
        assertThat(errors(VALID.replace("two homes", "d".repeat(400)))).singleElement().asString()
            .isEqualTo("t.yaml:1:14: description: must be at most 300 characters, got 400");
    }

    @Test
    void aNulByteIsNamedAtItsOwnPosition() {
        assertThat(errors(VALID.replace("punches:\n", "punches:\n# x\u0000\n"))).containsExactly(
            "t.yaml:7:4: yaml: a NUL byte (U+0000) is not allowed in YAML text; remove it");
        assertThat(errors("description: a\u0007b\n")).containsExactly(
            "t.yaml:1:15: yaml: the control character U+0007 is not allowed in YAML text; remove it");
    }

    @Test
    void overDeepNestingHasARealPositionAndNoParserNames() {
        List<String> errors = errors("description: d\ntopology: " + "[".repeat(100) + "]".repeat(100) + "\n");
        assertThat(errors).singleElement().asString()
            .isEqualTo("t.yaml:2:75: yaml: nested deeper than 64 levels");
    }

    @Test
    void aSecondDocumentIsReportedAtItsOwnSeparatorLine() {
        assertThat(errors(VALID + "---\n\nname: two\n")).containsExactly(
            "t.yaml:8:1: yaml: only one YAML document per file is allowed (remove the second '---')");
    }

    @Test
    void aValueWithANewlineCannotSplitOrFakeAnErrorLine() {
        List<String> errors = errors(VALID.replace("[alice, bob]", "[\"alice\\nt.yaml:1:1: fake error\", bob]"));
        assertThat(errors).singleElement().asString()
            .contains("undeclared peer 'alice\\nt.yaml:1:1: fake error'").doesNotContain("\n");
    }

    @Test
    void nonUtf8InputNamesTheByteAndWhereItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        byte[] text = (VALID.replace("two homes", "caf?")).getBytes(StandardCharsets.UTF_8);
        text[new String(text, StandardCharsets.UTF_8).indexOf('?')] = (byte) 0xE9; // Latin-1 é
        Files.write(file, text);
        assertThatThrownBy(() -> LOADER.loadFile(file)).isInstanceOf(ValidationException.class)
            .hasMessage(file + ":1:17: file: is not UTF-8 text: byte 0xE9 cannot be decoded; save the file as UTF-8");
    }
}
