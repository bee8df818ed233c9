package io.natlab.yaml;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class YamlTreeReaderTest {

    private static final Path FILE = Path.of("t.yaml");

    private static YamlNode read(String text, Problems problems) {
        return YamlTreeReader.read(FILE, text, problems).orElse(null);
    }

    private static List<String> errors(String text) {
        Problems problems = new Problems();
        read(text, problems);
        return problems.errors().stream().map(ValidationError::render).toList();
    }

    @Test
    void keepsOneBasedLineAndColumnOfKeysAndValues() {
        Problems problems = new Problems();
        YamlMap root = (YamlMap) read("""
            a: 1
            b:
              c: [x, 2.5]
              d: true
            e:
            """, problems);
        assertThat(problems.isEmpty()).isTrue();
        YamlMap.Entry b = root.entry("b").orElseThrow();
        assertThat(b.keyWhere()).isEqualTo(new SourceRef(FILE, 2, 1));
        YamlMap inner = (YamlMap) b.value();
        YamlList c = (YamlList) inner.entry("c").orElseThrow().value();
        assertThat(c.where()).isEqualTo(new SourceRef(FILE, 3, 6));
        assertThat(c.items().get(1)).isEqualTo(new YamlScalar("2.5", YamlScalar.Kind.DECIMAL, new SourceRef(FILE, 3, 10)));
        assertThat(((YamlScalar) inner.entry("d").orElseThrow().value()).kind()).isEqualTo(YamlScalar.Kind.BOOLEAN);
        assertThat(((YamlScalar) root.entry("a").orElseThrow().value()).kind()).isEqualTo(YamlScalar.Kind.INTEGER);
        assertThat(((YamlScalar) root.entry("e").orElseThrow().value()).isNull()).isTrue();
    }

    @Test
    void syntaxErrorsPointAtTheProblem() {
        assertThat(errors("a: b: c\n")).containsExactly("t.yaml:1:5: yaml: mapping values are not allowed here");
        assertThat(errors("a: \"open\n")).singleElement().asString()
            .startsWith("t.yaml:2:1: yaml: found unexpected end of stream");
    }

    @Test
    void reportsDuplicateKeysAtTheSecondOne() {
        assertThat(errors("""
            top:
              x: 1
              x: 2
            """)).containsExactly("t.yaml:3:3: top.x: duplicate key (first written at line 2)");
    }

    @Test
    void refusesAliasesEmptyFilesAndSecondDocuments() {
        assertThat(errors("a: &v 1\nb: *v\n")).containsExactly("t.yaml:2:4: b: YAML aliases (*v) are not supported; write the value out");
        assertThat(errors("# only a comment\n")).containsExactly("t.yaml:1:1: yaml: the file is empty");
        assertThat(errors("a: 1\n---\nb: 2\n")).singleElement().asString()
            .startsWith("t.yaml:2:1: yaml: only one YAML document per file"); // at its own --- line
    }
}
