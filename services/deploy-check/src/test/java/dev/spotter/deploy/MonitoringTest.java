package dev.spotter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Prometheus in prod: each service scraped at /q/metrics over HTTPS with the ops role, and alert rules that use only
 * metrics that exist, each explained in docs/operations.md.
 */
class MonitoringTest {

    private static final Pattern METRIC = Pattern.compile("\\b([a-z_]+)(?=\\{|\\[|\\s*[<>=]|\\s*\\))");
    private static final Set<String> PROMQL = Set.of("sum", "by", "min", "max", "rate", "increase", "and", "or", "on", "without");

    @Test
    void eachServiceIsScrapedOverHttpsWithTheOpsRole() {
        Render prod = Renders.of("overlays/prod");
        for (ServiceSource source : ServiceSource.all()) {
            Service service = prod.named(Service.class, source.name()).orElseThrow();
            ServiceMonitor monitor = prod.all(ServiceMonitor.class).stream()
                    .filter(m -> Render.selects(m.getSpec().getSelector(), service.getMetadata().getLabels())).findFirst()
                    .orElseThrow(() -> new AssertionError("nothing scrapes " + source.name()));
            Endpoint endpoint = monitor.getSpec().getEndpoints().getFirst();

            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).contains(endpoint.getPort());
            assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
            assertThat(endpoint.getScheme()).isEqualTo("https");
            assertThat(endpoint.getOauth2()).as("/q/metrics needs a token with the ops role").isNotNull();
            Certificate certificate = prod.named(Certificate.class, source.name() + "-tls").orElseThrow();
            assertThat(certificate.getSpec().getDnsNames()).contains(endpoint.getTlsConfig().getServerName());
        }
    }

    @Test
    void alertsUseMetricsThatExistAndAreExplainedInTheOperationsGuide() {
        Set<String> registered = ServiceSource.metrics();
        String guide = ServiceSource.read(ServiceSource.root().resolve("docs/operations.md"));
        List<Rule> rules = Renders.of("overlays/prod").all(PrometheusRule.class).stream()
                .flatMap(r -> r.getSpec().getGroups().stream()).flatMap(g -> g.getRules().stream()).toList();
        assertThat(rules).isNotEmpty();

        for (Rule rule : rules) {
            assertThat(guide).as("docs/operations.md explains %s", rule.getAlert()).contains("`" + rule.getAlert() + "`");
            assertThat(rule.getLabels()).containsKey("severity");
            for (String metric : metrics(rule.getExpr().getStrVal())) {
                if (metric.startsWith("spotter_")) {
                    assertThat(registered).as("%s: a metric the services register", rule.getAlert()).contains(metric);
                } else {
                    assertThat(metric).as("%s: a metric of Prometheus, Quarkus (HTTP, JVM), the Kafka Exporter or kube-state-metrics", rule.getAlert())
                            .matches("up|http_server_requests_seconds_count|jvm_memory_(used|max)_bytes|kafka_consumergroup_lag|kafka_topic_partition_in_sync_replica|kube_[a-z_]+");
                }
            }
        }
    }

    private static Set<String> metrics(String expression) {
        // label matchers and "by (...)" lists hold label names, not metrics
        String withoutStrings = expression.replaceAll("\\{[^}]*}", "{}").replaceAll("\\((?:[a-z_]+(?:, )?)+\\)", "()");
        Set<String> metrics = new TreeSet<>();
        Matcher m = METRIC.matcher(withoutStrings);
        while (m.find()) {
            if (!PROMQL.contains(m.group(1))) {
                metrics.add(m.group(1));
            }
        }
        return metrics;
    }
}
