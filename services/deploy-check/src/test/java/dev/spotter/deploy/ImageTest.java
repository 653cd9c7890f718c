package dev.spotter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The container images: each service's Dockerfile.jvm in the Quarkus layout, run as a non-root user; the manifests
 * name them by the project's version and never a registry host (an overlay's {@code images:} adds yours).
 */
class ImageTest {

    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\d+)(?::(\\d+))?\\s*$");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");

    static List<ServiceSource> services() {
        return ServiceSource.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void eachServiceHasANonRootDockerfileInTheQuarkusLayout(ServiceSource service) {
        assertThat(service.dockerfile()).exists();
        String dockerfile = ServiceSource.read(service.dockerfile());

        assertThat(dockerUser(service)).as("USER: a numeric id, not root").isPositive();
        Matcher from = FROM.matcher(dockerfile);
        assertThat(from.find()).isTrue();
        assertThat(hasRegistryHost(from.group(1))).as("FROM names no registry host: %s", from.group(1)).isFalse();
        for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertThat(dockerfile).contains("COPY target/quarkus-app/" + part + " ");
        }
        assertThat(dockerfile).contains("quarkus-run.jar").contains("EXPOSE " + service.httpPort() + " " + service.httpsPort());
        assertThat(dockerfile.indexOf("\nUSER ")).as("USER before the entry point").isLessThan(dockerfile.indexOf("ENTRYPOINT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void eachImageRunsWithTheJvmOptionsTheBenchmarksMeasuredAndItsOwnClassArchive(ServiceSource service) {
        String dockerfile = ServiceSource.read(service.dockerfile());
        String entryPoint = dockerfile.substring(dockerfile.indexOf("ENTRYPOINT"));

        assertThat(dockerfile).contains("COPY target/jvm.options /deployments/jvm.options");
        assertThat(entryPoint).contains("\"@/deployments/jvm.options\"").contains("-XX:SharedArchiveFile=/deployments/app-cds.jsa")
                .doesNotContain("-Xmx").doesNotContain("RAMPercentage");
        assertThat(dockerfile).contains("-XX:ArchiveClassesAtExit=/deployments/app-cds.jsa -Dquarkus.appcds.generate=true");
        assertThat(ServiceSource.read(ServiceSource.root().resolve("deploy/images.sh"))).contains("cp deploy/jvm.options");
        assertThat(ServiceSource.read(ServiceSource.root().resolve("deploy/local/run.sh"))).contains("/deploy/jvm.options");
        assertThat(ServiceSource.read(ServiceSource.root().resolve("deploy/jvm.options"))).contains("-Xmx");
    }

    @Test
    void theBuildCommandBuildsEveryServiceFromItsDockerfile() {
        String script = ServiceSource.read(ServiceSource.root().resolve("deploy/images.sh"));
        assertThat(Files.isExecutable(ServiceSource.root().resolve("deploy/images.sh"))).isTrue();
        assertThat(script).contains("src/main/docker/Dockerfile.jvm").contains("package -DskipTests");
        ServiceSource.NAMES.forEach(name -> assertThat(script).contains(name));
    }

    @Test
    void manifestsNameTheImagesByTheProjectVersionAndNoRegistryHost() {
        String version = System.getProperty("spotter.version");
        assertThat(version).isNotBlank();
        for (Render render : List.of(Renders.of("base"), Renders.of("overlays/dev"), Renders.of("overlays/prod"))) {
            for (Deployment deployment : render.all(Deployment.class)) {
                for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                    assertThat(hasRegistryHost(container.getImage())).as("%s names no registry host", container.getImage()).isFalse();
                }
            }
        }
        for (String service : ServiceSource.NAMES) {
            assertThat(Renders.container(Renders.of("base"), service).getImage()).isEqualTo("spotter/" + service + ":" + version);
        }
    }

    /** The image's user id from {@code USER uid[:gid]}; the Deployments run as the same. */
    static long dockerUser(ServiceSource service) {
        Matcher user = USER.matcher(ServiceSource.read(service.dockerfile()));
        if (!user.find()) {
            throw new AssertionError(service.dockerfile() + ": no USER with a numeric id");
        }
        return Long.parseLong(user.group(1));
    }

    /** Docker's rule: the first part of a name is a host if it has a dot or a port, or is localhost. */
    static boolean hasRegistryHost(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }
}
