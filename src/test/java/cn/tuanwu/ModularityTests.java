package cn.tuanwu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Feature packages use each other's public top-level types only, with no cycles. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(TuanwuApplication.class);

    @Test
    void featuresStayApart() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagramForTheDocs() throws Exception {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modules")).writeModulesAsPlantUml();
        String diagram = Files.readString(Path.of("target/modules/components.puml"));
        for (String feature : new String[] {"identity", "organisation", "member", "registration", "demo"}) {
            assertThat(diagram).containsIgnoringCase(feature);
        }
    }
}
