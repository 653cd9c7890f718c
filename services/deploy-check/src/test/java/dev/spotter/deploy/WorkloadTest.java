package dev.spotter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's Deployment, in each overlay: the security settings, probes on the real health endpoints and port,
 * requests and limits, settings that the service reads from things that exist, and traces sent to a collector.
 */
class WorkloadTest {

    static Stream<Arguments> servicesInOverlays() {
        return Renders.overlays().stream().flatMap(r -> ServiceSource.all().stream().map(s -> Arguments.of(r, s)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void runsAsANonRootUserThatCannotWriteItsImageOrGainPrivileges(Render render, ServiceSource service) {
        PodSpec pod = Renders.deployment(render, service.name()).getSpec().getTemplate().getSpec();
        PodSecurityContext podSecurity = pod.getSecurityContext();
        SecurityContext security = Renders.container(render, service.name()).getSecurityContext();

        assertThat(podSecurity.getRunAsNonRoot()).isTrue();
        assertThat(podSecurity.getRunAsUser()).isPositive().isEqualTo(ImageTest.dockerUser(service));
        assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isEmpty();
        assertThat(pod.getAutomountServiceAccountToken()).as("no Kubernetes API token: the services never call it").isFalse();
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        // the JVM writes its temporary files, nothing else: /tmp is the one writable place
        Volume tmp = volumeMountedAt(pod, Renders.container(render, service.name()), "/tmp");
        assertThat(tmp.getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void probesTheHealthEndpointsOnThePortTheServiceServes(Render render, ServiceSource service) {
        Container container = Renders.container(render, service.name());
        Map<String, String> env = environment(render, container);
        boolean https = env.containsKey("SPOTTER_HTTP_TLS_CERT");
        int port = https ? service.httpsPort() : service.httpPort();

        Map<String, Probe> probes = Map.of("/q/health/started", container.getStartupProbe(),
                "/q/health/live", container.getLivenessProbe(), "/q/health/ready", container.getReadinessProbe());
        probes.forEach((path, probe) -> {
            assertThat(probe).as("%s: a probe on %s", service.name(), path).isNotNull();
            HTTPGetAction get = probe.getHttpGet();
            assertThat(get.getPath()).isEqualTo(path);
            assertThat(get.getScheme()).isEqualTo(https ? "HTTPS" : "HTTP");
            assertThat(portNumber(container, get.getPort().getStrVal(), get.getPort().getIntVal())).isEqualTo(port);
        });
        assertThat(env.get("SPOTTER_HTTP_INSECURE")).as("plain HTTP off where HTTPS is on").isEqualTo(https ? "disabled" : null);
        assertThat(container.getPorts()).extracting(ContainerPort::getContainerPort).containsExactly(port);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void requestsAndLimitsCpuAndMemory(Render render, ServiceSource service) {
        ResourceRequirements resources = Renders.container(render, service.name()).getResources();
        for (String resource : new String[] {"cpu", "memory"}) {
            Quantity request = resources.getRequests().get(resource);
            Quantity limit = resources.getLimits().get(resource);
            assertThat(request).as("%s request", resource).isNotNull();
            assertThat(limit).as("%s limit", resource).isNotNull();
            assertThat(limit.getNumericalAmount()).isGreaterThanOrEqualTo(request.getNumericalAmount());
        }
        // a memory request below the limit could be overcommitted away under a JVM that grows towards its -Xmx
        assertThat(resources.getRequests().get("memory")).isEqualTo(resources.getLimits().get("memory"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void setsOnlyVariablesTheServiceReadsAndEveryOneItRequires(Render render, ServiceSource service) {
        Map<String, Boolean> reads = service.variables();
        Set<String> set = environment(render, Renders.container(render, service.name())).keySet();

        assertThat(set).allSatisfy(name -> assertThat(reads.containsKey(name) || name.startsWith("QUARKUS_")
                || name.equals("JAVA_TOOL_OPTIONS")).as("%s reads %s", service.name(), name).isTrue());
        reads.forEach((name, hasDefault) -> {
            if (!hasDefault) {
                assertThat(set).as("%s requires %s", service.name(), name).contains(name);
            }
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void refersOnlyToConfigMapsSecretsAndServiceAccountsThatExistOrOpsMake(Render render, ServiceSource service) {
        Deployment deployment = Renders.deployment(render, service.name());
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, Set<String>> secrets = new HashMap<>(render.operatorSecrets());
        secrets.putAll(Renders.suppliedSecrets());
        Map<String, Set<String>> configMaps = render.configMaps();

        assertThat(render.named(ServiceAccount.class, pod.getServiceAccountName())).as("ServiceAccount").isPresent();
        Container container = Renders.container(render, service.name());
        for (EnvFromSource from : container.getEnvFrom()) {
            assertThat(configMaps).as("ConfigMap").containsKey(from.getConfigMapRef().getName());
            assertThat(from.getSecretRef()).as("whole Secrets are not mapped into the environment").isNull();
        }
        for (EnvVar env : container.getEnv()) {
            if (env.getValueFrom() == null) {
                continue;
            }
            var secret = env.getValueFrom().getSecretKeyRef();
            var config = env.getValueFrom().getConfigMapKeyRef();
            var ref = secret != null ? Map.entry(secret.getName(), secret.getKey()) : Map.entry(config.getName(), config.getKey());
            Map<String, Set<String>> source = secret != null ? secrets : configMaps;
            assertThat(source).as("%s for %s", ref.getKey(), env.getName()).containsKey(ref.getKey());
            assertThat(source.get(ref.getKey())).as("%s of %s", ref.getValue(), ref.getKey()).contains(ref.getValue());
        }
        for (Volume volume : pod.getVolumes()) {
            if (volume.getSecret() != null) {
                String name = volume.getSecret().getSecretName();
                assertThat(secrets).as("Secret %s of volume %s", name, volume.getName()).containsKey(name);
                volume.getSecret().getItems().forEach(item -> assertThat(secrets.get(name)).contains(item.getKey()));
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void sendsItsTracesToACollectorServiceByOtlp(Render render, ServiceSource service) {
        Map<String, String> env = environment(render, Renders.container(render, service.name()));
        String protocol = env.getOrDefault("SPOTTER_OTEL_PROTOCOL", "grpc");
        URI endpoint = URI.create(env.getOrDefault("SPOTTER_OTEL_ENDPOINT", ""));

        assertThat(protocol).isIn("grpc", "http/protobuf");
        assertThat(endpoint.getScheme()).as("the collector's address, SPOTTER_OTEL_ENDPOINT").isIn("http", "https");
        // a Service of the cluster by name and namespace, on OTLP's port for the protocol; the exporter adds /v1/traces
        assertThat(endpoint.getHost()).matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.svc(\\.[a-z0-9.-]+)?)?");
        assertThat(endpoint.getPort()).isEqualTo(protocol.equals("grpc") ? 4317 : 4318);
        assertThat(endpoint.getPath()).isIn("", "/");
        assertThat(Double.parseDouble(env.getOrDefault("SPOTTER_OTEL_SAMPLE_RATIO", "1.0"))).isBetween(0.0, 1.0);
        assertThat(env.get("SPOTTER_OTEL_DISABLED")).as("OpenTelemetry switched off").isNotEqualTo("true");
    }

    /** Every variable the container gets: its own env and every key of the ConfigMaps it takes whole. */
    static Map<String, String> environment(Render render, Container container) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            render.named(ConfigMap.class, from.getConfigMapRef().getName())
                    .ifPresent(map -> env.putAll(map.getData()));
        }
        Set<String> own = new HashSet<>();
        for (EnvVar var : container.getEnv()) {
            assertThat(own.add(var.getName())).as("%s set twice", var.getName()).isTrue();
            env.put(var.getName(), var.getValue() == null ? "(from a reference)" : var.getValue());
        }
        return env;
    }

    private static int portNumber(Container container, String name, Integer number) {
        if (name == null) {
            return number;
        }
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + name)).getContainerPort();
    }

    private static Volume volumeMountedAt(PodSpec pod, Container container, String path) {
        String name = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path)).getName();
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }
}
