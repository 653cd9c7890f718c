package dev.spotter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The services' JVM options as the harness hands them on: the services run from their own folders. */
class BenchTest {

    @Test
    void anArgumentFileNamedFromHereIsMadeAbsoluteAndOtherOptionsAreKept() {
        assertThat(Bench.serviceJvmOptions(" @deploy/jvm.options  -XX:SharedArchiveFile=app-cds.jsa "))
                .containsExactly("@" + Path.of("deploy/jvm.options").toAbsolutePath(), "-XX:SharedArchiveFile=app-cds.jsa");
        String absolute = "@" + Path.of("deploy/jvm.options").toAbsolutePath();
        assertThat(Bench.serviceJvmOptions(absolute + " -Xmx64m")).containsExactly(absolute, "-Xmx64m");
    }
}
