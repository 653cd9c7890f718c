package dev.spotter.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The renderings every check reads: the base, each overlay and the tools, made once per test run; and what ops supply. */
final class Renders {

    static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod");

    private static final Pattern SUPPLIED_ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| ([^|]+)\\|");
    private static final Pattern KEY = Pattern.compile("`([A-Za-z0-9._-]+)`");

    private static Kustomization kustomization;
    private static Map<String, Render> renders;

    private Renders() {
    }

    static Path k8s() {
        return ServiceSource.root().resolve("deploy/k8s");
    }

    static synchronized Render of(String relative) {
        if (renders == null) {
            kustomization = new Kustomization();
            renders = new TreeMap<>();
            Stream.concat(Stream.of("base", "tools"), OVERLAYS.stream())
                    .forEach(name -> renders.put(name, Render.of(kustomization, k8s(), name)));
        }
        return renders.get(relative);
    }

    static List<Render> overlays() {
        return OVERLAYS.stream().map(Renders::of).toList();
    }

    /** Every file the renderings read. */
    static Set<Path> filesRead() {
        of("base");
        return kustomization.filesRead();
    }

    static Deployment deployment(Render render, String service) {
        return render.named(Deployment.class, service)
                .orElseThrow(() -> new AssertionError(render + ": no Deployment " + service));
    }

    static Container container(Render render, String service) {
        List<Container> containers = deployment(render, service).getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(render + ": " + service + " must run one container");
        }
        return containers.getFirst();
    }

    /**
     * The Secrets that ops make themselves, with their keys: the table under "Secrets you make" in
     * docs/operations.md, rows of {@code | `name` | `key`, `key` | ...}.
     */
    static Map<String, Set<String>> suppliedSecrets() {
        Map<String, Set<String>> secrets = new TreeMap<>();
        boolean inSection = false;
        for (String line : ServiceSource.lines(ServiceSource.root().resolve("docs/operations.md"))) {
            if (line.startsWith("#")) {
                inSection = line.contains("Secrets you make");
                continue;
            }
            Matcher row = SUPPLIED_ROW.matcher(line);
            if (inSection && row.find()) {
                Set<String> keys = new TreeSet<>();
                Matcher key = KEY.matcher(row.group(2));
                while (key.find()) {
                    keys.add(key.group(1));
                }
                secrets.put(row.group(1), keys);
            }
        }
        return secrets;
    }
}
