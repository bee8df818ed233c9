package io.natlab.topology.yaml;

import io.natlab.yaml.Durations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.scenario.yaml.ScenarioDefaults;
import io.natlab.scenario.yaml.ScenarioKeys;
import io.natlab.scenario.yaml.ScenarioReader;
import io.natlab.topology.NatPreset;
import io.natlab.topology.Rendezvous;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema must offer exactly what the loader accepts: same keys, same enum values, same bounds. */
class ScenarioSchemaTest {

    static final String RESOURCE = "/schema/natlab-scenario.schema.json";
    static JsonNode schema;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            schema = new ObjectMapper().readTree(in);
        }
    }

    /** Follows a local {@code $ref} ("#/$defs/x"); other nodes are returned as they are. */
    static JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) return node;
        String ref = node.get("$ref").asText();
        assertThat(ref).startsWith("#/$defs/");
        JsonNode target = schema.get("$defs").get(ref.substring("#/$defs/".length()));
        assertThat(target).as("target of " + ref).isNotNull();
        return resolve(target);
    }

    static JsonNode def(String name) { return schema.get("$defs").get(name); }

    static Set<String> keys(JsonNode objectSchema) {
        Set<String> keys = new LinkedHashSet<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static List<String> enumOf(JsonNode node) {
        List<String> values = new ArrayList<>();
        resolve(node).get("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    static JsonNode property(JsonNode objectSchema, String key) { return objectSchema.get("properties").get(key); }

    @Test
    void isDraft202012() {
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void listsTheKeysTheLoaderAccepts() {
        assertThat(keys(schema)).containsExactlyElementsOf(ScenarioKeys.SCENARIO);
        JsonNode topology = resolve(property(schema, "topology"));
        assertThat(keys(topology)).containsExactlyElementsOf(YamlKeys.TOPOLOGY);
        assertThat(keys(resolve(property(topology, "internet")))).containsExactlyElementsOf(YamlKeys.INTERNET);
        assertThat(keys(resolve(property(topology, "rendezvous")))).containsExactlyElementsOf(YamlKeys.RENDEZVOUS);
        JsonNode site = resolve(property(topology, "sites").get("items"));
        assertThat(keys(site)).containsExactlyElementsOf(YamlKeys.SITE);
        assertThat(keys(resolve(property(site, "conntrack-timeouts")))).containsExactlyElementsOf(YamlKeys.CONNTRACK_TIMEOUTS);
        assertThat(keys(resolve(property(schema, "punches").get("items")))).containsExactlyElementsOf(ScenarioKeys.PUNCH);
    }

    @Test
    void listsTheEnumValuesTheLoaderAccepts() {
        JsonNode site = def("site");
        List<String> presets = new ArrayList<>(SiteReader.PRESETS.keySet());
        presets.remove(NatPreset.NONE.yamlName()); // refused by the loader with a hint
        assertThat(enumOf(property(site, "nat"))).containsExactlyElementsOf(presets);
        assertThat(enumOf(property(site, "mapping"))).containsExactlyElementsOf(SiteReader.MAPPINGS.keySet());
        assertThat(enumOf(property(site, "port-assignment"))).containsExactlyElementsOf(SiteReader.PORT_ASSIGNMENTS.keySet());
        assertThat(enumOf(property(site, "filtering"))).containsExactlyElementsOf(SiteReader.FILTERINGS.keySet());
        assertThat(enumOf(property(site, "unsolicited"))).containsExactlyElementsOf(SiteReader.UNSOLICITED.keySet());
        assertThat(enumOf(property(schema, "strategies").get("items"))).containsExactlyElementsOf(ScenarioReader.STRATEGIES.keySet());
        assertThat(enumOf(property(def("punch"), "expect"))).containsExactlyElementsOf(ScenarioReader.EXPECTATIONS.keySet());
        assertThat(enumOf(def("hostName").get("not"))).containsExactlyElementsOf(HostNames.RESERVED);
    }

    @Test
    void usesTheLoadersPatternsBoundsAndDefaults() {
        assertThat(def("duration").get("pattern").asText()).isEqualTo(Durations.PATTERN);
        assertThat(def("hostName").get("pattern").asText()).isEqualTo("^" + HostNames.PATTERN.pattern() + "$");
        assertThat(property(schema, "trials").get("maximum").asInt()).isEqualTo(ScenarioDefaults.MAX_TRIALS);
        assertThat(property(schema, "trials").get("default").asInt()).isEqualTo(ScenarioDefaults.TRIALS);
        assertThat(property(schema, "echo-bytes").get("maximum").asInt()).isEqualTo(ScenarioDefaults.MAX_ECHO_BYTES);
        assertThat(property(schema, "echo-bytes").get("default").asInt()).isEqualTo(ScenarioDefaults.ECHO_BYTES);
        assertThat(property(schema, "min-success-rate").get("default").asDouble()).isEqualTo(ScenarioDefaults.MIN_SUCCESS_RATE);
        assertThat(property(schema, "budget").get("default").asText()).isEqualTo(Durations.format(ScenarioDefaults.BUDGET));
        assertThat(property(def("site"), "port-delta").get("maximum").asInt()).isEqualTo(SiteReader.MAX_PORT_DELTA);
        assertThat(property(def("rendezvous"), "port").get("default").asInt()).isEqualTo(Rendezvous.defaults().port());
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("description", "topology", "punches");
    }

    @Test
    void everyObjectIsClosedAndEveryPropertyDescribed() {
        List<JsonNode> objects = new ArrayList<>(List.of(schema));
        schema.get("$defs").forEach(objects::add);
        for (JsonNode object : objects) {
            if (!object.has("properties")) continue;
            assertThat(object.get("additionalProperties").asBoolean(true)).as("additionalProperties of " + keys(object)).isFalse();
            object.get("properties").fields().forEachRemaining(p ->
                assertThat(p.getValue().has("description") || resolve(p.getValue()).has("description"))
                    .as("description of " + p.getKey()).isTrue());
        }
        assertThat(allRefs(schema)).allSatisfy(ref ->
            assertThat(def(ref.substring("#/$defs/".length()))).as(ref).isNotNull());
    }

    private static Collection<String> allRefs(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.has("$ref")) refs.add(node.get("$ref").asText());
        node.forEach(child -> refs.addAll(allRefs(child)));
        return refs;
    }
}
