package dev.br2k.cluster.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FieldReaderTest {

    private static FieldReader read(String text) {
        return FieldReader.parse(text, "project file", "br2k.yaml", Path.of("."));
    }

    @Test
    void every_bad_field_of_a_file_is_named_in_one_exception() {
        FieldReader f = read("""
                service: My_Service
                port: 70000
                contexts:
                  - name: x
                    kind: openstack
                  - 7
                servcie: typo
                """);
        f.string("service", true, "[a-z0-9-]+", "a lower-case DNS label");
        f.integer("port", false, 1, 65535);
        f.string("image", true, null, null);
        for (FieldReader c : f.objects("contexts")) {
            c.string("name", true, null, null);
            c.string("kind", true, "kubernetes|local", "kubernetes or local");
            c.rejectUnknown();
        }
        f.rejectUnknown();

        assertThatThrownBy(f::failIfProblems).isInstanceOfSatisfying(InvalidFileException.class, e -> {
            assertThat(e.problems()).extracting(ContextProblem::field)
                    .containsExactly("service", "port", "image", "contexts[1]", "contexts[0].kind", "servcie");
            assertThat(e.getMessage()).startsWith("The project file br2k.yaml is invalid: ")
                    .contains("service is \"My_Service\"; expected a lower-case DNS label")
                    .contains("port is 70000; expected between 1 and 65535")
                    .contains("image is missing")
                    .contains("contexts[0].kind is \"openstack\"; expected kubernetes or local")
                    .contains("servcie is not a known field");
        });
    }

    @Test
    void good_values_are_read_and_a_file_without_problems_passes() {
        FieldReader f = read("""
                port: "8080"
                enabled: "TRUE"
                nodeLabels: { br2k.dev/pool: infodid }
                args: [ -Xmx1g, 7 ]
                tls: { peer: true }
                """);
        assertThat(f.integer("port", true, 1, 65535)).contains(8080);
        assertThat(f.bool("enabled", false)).isTrue();
        assertThat(f.labels("nodeLabels")).containsEntry("br2k.dev/pool", "infodid");
        assertThat(f.strings("args")).containsExactly("-Xmx1g", "7");
        assertThat(f.object("tls").orElseThrow().bool("peer", false)).isTrue();
        f.rejectUnknown();
        f.failIfProblems();
        assertThat(f.hasProblems()).isFalse();
    }

    @Test
    void an_empty_file_is_an_empty_mapping_whose_required_fields_are_missing() {
        FieldReader f = read("");
        assertThat(f.string("service", true, null, null)).isEmpty();
        assertThat(f.problems()).containsExactly(new ContextProblem("service", "is missing"));
    }

    @Test
    void text_that_is_not_a_mapping_of_yaml_is_refused_naming_the_file() {
        assertThatThrownBy(() -> read("service: [unclosed\n"))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageContaining("The project file br2k.yaml cannot be read")
                .hasMessageContaining("not valid YAML or JSON");
        assertThatThrownBy(() -> read("- a\n- b\n"))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageContaining("must be a mapping of fields");
    }

    @Test
    void a_number_too_long_for_a_long_is_a_problem_not_a_crash() {
        FieldReader f = read("networkId: \"99999999999999999999999\"\n");
        assertThat(f.number("networkId", true, 1, Long.MAX_VALUE)).isEmpty();
        assertThat(f.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("expected a whole number"));
    }
}
