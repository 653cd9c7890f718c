package dev.spotter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostgreSQL through CloudNativePG: each service uses its own cluster's database as its owner, over TLS with the
 * server's certificate checked, and the role that row-level security needs exists with the owner a member of it.
 */
class DatabaseTest {

    /** The role a request's connection acts as: services/platform's row-level-security.sql. */
    static final String TENANT_ROLE = "spotter_tenant";

    static List<Render> overlays() {
        return Renders.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void eachServiceUsesItsOwnClustersDatabaseWithTheServerCertificateChecked(Render render) {
        for (ServiceSource service : ServiceSource.all()) {
            Container container = Renders.container(render, service.name());
            URI url = URI.create(WorkloadTest.environment(render, container).get("SPOTTER_DB_URL").substring("jdbc:".length()));
            String clusterName = url.getHost().replaceFirst("-rw$", "");
            CnpgCluster cluster = render.cluster(clusterName).orElseThrow(() -> new AssertionError(service.name() + ": no cluster " + clusterName));

            assertThat(url.getHost()).as("the primary's service").endsWith("-rw");
            assertThat(url.getPath()).isEqualTo("/" + cluster.database());
            assertThat(url.getQuery()).contains("sslmode=verify-full").contains("sslrootcert=/etc/spotter/db-ca/ca.crt");
            assertThat(secretOf(container, "SPOTTER_DB_USER")).isEqualTo(cluster.name() + "-app");
            assertThat(secretOf(container, "SPOTTER_DB_PASSWORD")).isEqualTo(cluster.name() + "-app");
            assertThat(Renders.deployment(render, service.name()).getSpec().getTemplate().getSpec().getVolumes())
                    .anySatisfy(v -> assertThat(v.getSecret() != null && v.getSecret().getSecretName().equals(cluster.name() + "-ca")).isTrue());
        }
        assertThat(render.clusters()).hasSize(ServiceSource.NAMES.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theOperatorMakesTheTenantRoleAndTheOwnerAMemberOfIt(Render render) {
        assertThat(ServiceSource.read(ServiceSource.platform().resolve("src/main/resources/META-INF/spotter/row-level-security.sql")))
                .contains("CREATE ROLE " + TENANT_ROLE + " NOLOGIN");
        for (CnpgCluster cluster : render.clusters()) {
            Map<String, CnpgCluster.Role> roles = new HashMap<>();
            cluster.roles().forEach(role -> roles.put(role.name(), role));

            assertThat(roles).containsKeys(TENANT_ROLE, cluster.owner());
            assertThat(roles.get(TENANT_ROLE).login()).isFalse();
            assertThat(roles.get(cluster.owner()).login()).isTrue();
            assertThat(roles.get(cluster.owner()).inRoles()).contains(TENANT_ROLE);
            assertThat(roles.get(cluster.owner()).passwordSecret()).as("the password the operator made stays the owner's")
                    .isEqualTo(cluster.name() + "-app");
        }
    }

    private static String secretOf(Container container, String variable) {
        EnvVar env = container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + variable));
        return env.getValueFrom().getSecretKeyRef().getName();
    }
}
