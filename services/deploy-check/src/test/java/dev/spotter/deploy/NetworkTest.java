package dev.spotter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.certmanager.api.model.v1.Issuer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Services, the ingress, certificates and network policies: selectors select the pods they mean, every path a service
 * serves reaches it through the one ingress host, only the ingress (and Prometheus) reach the services, and only each
 * service reaches its own database.
 */
class NetworkTest {

    static List<Render> overlays() {
        return Renders.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void selectorsSelectThePodsTheyMean(Render render) {
        for (Deployment deployment : render.all(Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(Render.selects(deployment.getSpec().getSelector(), labels)).as("%s selects its own pods", name(deployment)).isTrue();
        }
        for (Service service : render.all(Service.class)) {
            List<Deployment> backing = render.all(Deployment.class).stream()
                    .filter(d -> selectsAll(service.getSpec().getSelector(), d)).toList();
            assertThat(backing).as("%s selects one Deployment's pods", name(service)).hasSize(1);
            Container container = backing.getFirst().getSpec().getTemplate().getSpec().getContainers().getFirst();
            for (ServicePort port : service.getSpec().getPorts()) {
                assertThat(container.getPorts()).as("%s targets a port of %s", name(service), name(backing.getFirst()))
                        .anyMatch(p -> port.getTargetPort().getStrVal() != null ? port.getTargetPort().getStrVal().equals(p.getName())
                                : port.getTargetPort().getIntVal().equals(p.getContainerPort()));
            }
        }
        for (NetworkPolicy policy : render.all(NetworkPolicy.class)) {
            assertThat(render.podLabels()).as("%s applies to some pods", name(policy))
                    .anyMatch(labels -> Render.selects(policy.getSpec().getPodSelector(), labels));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void oneIngressHostRoutesEveryPathToTheServiceThatServesIt(Render render) {
        List<Ingress> ingresses = render.all(Ingress.class);
        assertThat(ingresses).hasSize(1);
        Ingress ingress = ingresses.getFirst();
        List<IngressRule> rules = ingress.getSpec().getRules();
        assertThat(rules).hasSize(1);
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> assertThat(tls.getHosts()).containsExactly(rules.getFirst().getHost()));
        List<HTTPIngressPath> paths = rules.getFirst().getHttp().getPaths();

        for (ServiceSource service : ServiceSource.all()) {
            for (String path : service.servedPaths()) {
                assertThat(routeOf(paths, path)).as("%s: %s", service.name(), path).hasValue(service.name());
            }
        }
        for (String common : ServiceSource.pageFolders(ServiceSource.platform())) {
            assertThat(routeOf(paths, common)).as("%s: served by every service", common).isPresent();
        }
        assertThat(routeOf(paths, "/q/metrics")).as("the services' /q/ endpoints stay inside").isEmpty();
        for (HTTPIngressPath path : paths) {
            assertThat(path.getPathType()).isEqualTo("Prefix");
            Service service = render.named(Service.class, path.getBackend().getService().getName()).orElseThrow();
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).contains(path.getBackend().getService().getPort().getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheIngressAndPrometheusReachTheServices(Render render) {
        for (ServiceSource service : ServiceSource.all()) {
            Map<String, String> pod = Renders.deployment(render, service.name()).getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> policies = policiesFor(render, pod);
            assertThat(policies).as("%s is covered by a network policy", service.name()).isNotEmpty();
            assertThat(policies).as("%s: the ingress controller may reach it", service.name())
                    .anySatisfy(p -> assertThat(p.getSpec().getIngress()).isNotEmpty());
            for (NetworkPolicy policy : policies) {
                assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
                policy.getSpec().getIngress().forEach(rule -> {
                    assertThat(rule.getFrom()).as("%s: a rule open to everyone", name(policy)).isNotEmpty();
                    rule.getFrom().forEach(peer -> assertThat(peer.getNamespaceSelector())
                            .as("%s: peers are the ingress controller's and Prometheus's namespaces, never this one's pods", name(policy))
                            .isNotNull());
                    assertThat(rule.getPorts()).extracting(NetworkPolicyPort::getPort).allSatisfy(port ->
                            assertThat(port.getStrVal()).isEqualTo("https"));
                });
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyEachServiceReachesItsOwnDatabase(Render render) {
        for (CnpgCluster cluster : render.clusters()) {
            List<NetworkPolicy> policies = policiesFor(render, cluster.podLabels());
            assertThat(policies).as("%s is covered by a network policy", cluster.name()).isNotEmpty();
            String owner = cluster.name().replace("-db", "-service");
            Set<String> reaching = new TreeSet<>();
            for (NetworkPolicy policy : policies) {
                policy.getSpec().getIngress().forEach(rule -> {
                    assertThat(rule.getFrom()).as("%s: a rule open to everyone", name(policy)).isNotEmpty();
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        for (ServiceSource service : ServiceSource.all()) {
                            Map<String, String> pod = Renders.deployment(render, service.name()).getSpec().getTemplate().getMetadata().getLabels();
                            if (peer.getNamespaceSelector() == null && Render.selects(peer.getPodSelector(), pod)) {
                                reaching.add(service.name());
                            }
                        }
                    }
                });
            }
            assertThat(reaching).as("the services that reach %s", cluster.name()).containsExactly(owner);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void eachServiceServesACertificateNamingItsServiceFromAnIssuerOfTheRender(Render render) {
        for (ServiceSource service : ServiceSource.all()) {
            String secret = Renders.deployment(render, service.name()).getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals("tls")).findFirst().orElseThrow().getSecret().getSecretName();
            Certificate certificate = render.all(Certificate.class).stream().filter(c -> c.getSpec().getSecretName().equals(secret))
                    .findFirst().orElseThrow(() -> new AssertionError("no Certificate makes " + secret));
            assertThat(certificate.getSpec().getDnsNames()).contains(service.name());
            assertThat(certificate.getSpec().getPrivateKey().getEncoding()).as("the key form the services read").isEqualTo("PKCS8");
            assertThat(render.named(Issuer.class, certificate.getSpec().getIssuerRef().getName())).isPresent();
        }
    }

    private static List<NetworkPolicy> policiesFor(Render render, Map<String, String> pod) {
        return render.all(NetworkPolicy.class).stream().filter(p -> Render.selects(p.getSpec().getPodSelector(), pod)).toList();
    }

    /** The service the longest matching Prefix path sends {@code path} to (Prefix matches whole path elements). */
    static Optional<String> routeOf(List<HTTPIngressPath> paths, String path) {
        return paths.stream().filter(p -> path.equals(p.getPath()) || path.startsWith(p.getPath().endsWith("/") ? p.getPath() : p.getPath() + "/"))
                .max(Comparator.comparingInt(p -> p.getPath().length()))
                .map(p -> p.getBackend().getService().getName());
    }

    private static boolean selectsAll(Map<String, String> selector, Deployment deployment) {
        return selector != null && !selector.isEmpty()
                && Render.selects(new LabelSelector(List.of(), selector), deployment.getSpec().getTemplate().getMetadata().getLabels());
    }

    private static String name(HasMetadata resource) {
        return resource.getKind() + "/" + resource.getMetadata().getName();
    }
}
