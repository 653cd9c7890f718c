package dev.spotter.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a service's own source says that its manifests must agree with: ports, variables, paths, image, metrics. */
record ServiceSource(String name, Path directory) {

    static final List<String> NAMES = List.of("screening-service", "session-service", "alert-service");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");
    private static final Pattern CLASS_PATH = Pattern.compile("(?m)^@Path\\(\"([^\"]+)\"\\)");
    private static final Pattern METRIC = Pattern.compile("(Counter\\.builder|registry\\.counter|Timer\\.builder|Gauge\\.builder)\\(\"([a-z.]+)\"");

    static List<ServiceSource> all() {
        return NAMES.stream().map(ServiceSource::of).toList();
    }

    static ServiceSource of(String name) {
        return new ServiceSource(name, root().resolve("services").resolve(name));
    }

    /** The checkout's root: the reactor's folder when Maven runs the tests. */
    static Path root() {
        return Path.of(System.getProperty("spotter.root", "../..")).toAbsolutePath().normalize();
    }

    static Path platform() {
        return root().resolve("services/platform");
    }

    /** The value of a key in application.properties, as written (profile prefixes are other keys). */
    String property(String key) {
        return lines(properties()).stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError(name + " has no " + key));
    }

    int httpsPort() {
        return Integer.parseInt(property("quarkus.http.ssl-port"));
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port"));
    }

    /** Every environment variable the service reads ({@code ${NAME...}}), mapped to whether it has a default. */
    Map<String, Boolean> variables() {
        Map<String, Boolean> variables = new TreeMap<>();
        for (Path file : List.of(properties(), platform().resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
            for (String line : lines(file)) {
                if (line.startsWith("#") || line.startsWith("%test.") || line.startsWith("%dev.")) {
                    continue;
                }
                Matcher m = VARIABLE.matcher(line);
                while (m.find()) {
                    variables.merge(m.group(1), !m.group(2).isEmpty(), Boolean::logicalAnd);
                }
            }
        }
        return variables;
    }

    /** The values of every {@code mp.messaging.incoming.<channel>.<suffix>} property. */
    Set<String> incoming(String suffix) {
        Set<String> values = new TreeSet<>();
        Pattern key = Pattern.compile("^mp\\.messaging\\.incoming\\.[^.=]+\\." + Pattern.quote(suffix) + "=");
        lines(properties()).stream().filter(l -> key.matcher(l).find()).forEach(l -> values.add(l.substring(l.indexOf('=') + 1)));
        return values;
    }

    /**
     * Every path the service answers on, one example per resource class and static folder: its own {@code @Path}s
     * (path parameters filled in), the platform's with {@code {service}} as its name, and its pages' folders.
     */
    Set<String> servedPaths() {
        Set<String> paths = new TreeSet<>();
        for (Path sources : List.of(directory.resolve("src/main/java"), platform().resolve("src/main/java"))) {
            for (Path file : files(sources, ".java")) {
                Matcher m = CLASS_PATH.matcher(read(file));
                while (m.find()) {
                    paths.add(m.group(1).replace("{service}", name).replaceAll("\\{[^}]+}", "x"));
                }
            }
        }
        paths.addAll(pageFolders(directory));
        return paths;
    }

    /** The folders of static files under META-INF/resources, as paths: {@code /tablet/}. */
    static Set<String> pageFolders(Path module) {
        Path resources = module.resolve("src/main/resources/META-INF/resources");
        Set<String> folders = new TreeSet<>();
        if (Files.isDirectory(resources)) {
            try (Stream<Path> children = Files.list(resources)) {
                children.filter(Files::isDirectory).forEach(d -> folders.add("/" + d.getFileName() + "/"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folders;
    }

    Path dockerfile() {
        return directory.resolve("src/main/docker/Dockerfile.jvm");
    }

    /** The Prometheus names of the counters that the services and the platform register. */
    static Set<String> metrics() {
        Set<String> metrics = new TreeSet<>();
        for (Path module : Stream.concat(NAMES.stream().map(n -> root().resolve("services").resolve(n)), Stream.of(platform())).toList()) {
            for (Path file : files(module.resolve("src/main/java"), ".java")) {
                Matcher m = METRIC.matcher(read(file));
                while (m.find()) {
                    String name = m.group(2).replace('.', '_');
                    switch (m.group(1)) {
                        case "Timer.builder" -> Stream.of("_seconds_bucket", "_seconds_count", "_seconds_sum", "_seconds_max")
                                .forEach(suffix -> metrics.add(name + suffix));
                        case "Gauge.builder" -> metrics.add(name);
                        default -> metrics.add(name + "_total");
                    }
                }
            }
        }
        return metrics;
    }

    private Path properties() {
        return directory.resolve("src/main/resources/application.properties");
    }

    static List<String> lines(Path file) {
        return read(file).lines().map(String::strip).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path directory, String suffix) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
