package nl.tijdig.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealmAndImagesTest {

    @Test
    void the_realm_the_operator_imports_is_the_realm_the_launcher_and_the_tests_import() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(Files.readString(Tools.deployDir().resolve("keycloak/tijdig-realm.json")));
        for (String overlay : Overlays.ALL) {
            JsonNode imported = Overlays.named(Overlays.render(overlay), "KeycloakRealmImport", "tijdig-realm").path("spec");
            assertThat(imported.path("realm")).as(overlay).isEqualTo(realm);
            assertThat(imported.path("keycloakCRName").asText()).isEqualTo("tijdig-keycloak");
        }
    }

    @Test
    void the_images_deployed_are_the_images_jib_builds() throws Exception {
        // given the names and tag in the root pom (which Jib uses)
        String registry = System.getProperty("tijdig.image.registry");
        String group = System.getProperty("tijdig.image.group");
        String tag = System.getProperty("tijdig.image.tag");

        // when the base kustomization's images are read
        JsonNode kustomization = new YAMLMapper().readTree(Tools.deployDir().resolve("base/kustomization.yaml").toFile());

        // then each service's image is there, with the same name and tag
        List<JsonNode> images = Labels.list(kustomization.path("images"));
        assertThat(images).hasSize(ServiceCode.SERVICES.size());
        for (String service : ServiceCode.SERVICES.keySet()) {
            assertThat(images).as(service).anySatisfy(image -> {
                assertThat(image.path("name").asText()).isEqualTo("tijdig/" + service);
                assertThat(image.path("newName").asText()).isEqualTo(registry + "/" + group + "/" + service);
                assertThat(image.path("newTag").asText()).isEqualTo(tag);
            });
            for (String overlay : Overlays.ALL) {
                JsonNode container = Overlays.named(Overlays.render(overlay), "Deployment", service)
                        .path("spec").path("template").path("spec").path("containers").get(0);
                assertThat(container.path("image").asText()).isEqualTo(registry + "/" + group + "/" + service + ":" + tag);
            }
        }
    }
}
