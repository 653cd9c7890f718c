package dev.spotter.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which start cache a packaged service is started with, and that a cache which does not fit never stops a start. */
class ServiceProcessStartupCacheTest {

    @TempDir
    Path appDir;

    @Test
    void theAotCacheComesFirstOnAJdkThatReadsItThenTheBuildsArchive() throws Exception {
        assertThat(ServiceProcess.startupCache(appDir)).isEmpty();
        Files.writeString(appDir.resolve("app-cds.jsa"), "archive");
        assertThat(ServiceProcess.startupCache(appDir)).containsExactly("-XX:SharedArchiveFile=app-cds.jsa");

        Files.writeString(appDir.resolve(ServiceProcess.AOT_CACHE), "cache");
        boolean readsAotCache = Runtime.version().feature() >= 25;
        assertThat(ServiceProcess.hasAotCache(appDir)).isEqualTo(readsAotCache);
        assertThat(ServiceProcess.startupCache(appDir)).containsExactly(
                readsAotCache ? "-XX:AOTCache=" + ServiceProcess.AOT_CACHE : "-XX:SharedArchiveFile=app-cds.jsa");
        assertThat(ServiceProcess.aotCacheRecording()).isEqualTo(
                readsAotCache ? Optional.of("-XX:AOTCacheOutput=" + ServiceProcess.AOT_CACHE) : Optional.empty());
    }

    @Test
    void optionsThatNameACacheThemselvesAreLeftAlone() {
        assertThat(ServiceProcess.namesStartupCache(List.of("-Xmx64m", "-XX:AOTCacheOutput=app.aot"))).isTrue();
        assertThat(ServiceProcess.namesStartupCache(List.of("-XX:SharedArchiveFile=other.jsa"))).isTrue();
        assertThat(ServiceProcess.namesStartupCache(List.of("-Xmx64m", "-XX:+UseSerialGC"))).isFalse();
    }

    /** A cache from another build or JDK is what a stale folder holds: the JVM must say so and start without it. */
    @Test
    void aJvmGivenACacheThatDoesNotFitStartsWithoutIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache is read from Java 25 on; this JVM is "
                + Runtime.version().feature());
        Files.writeString(appDir.resolve(ServiceProcess.AOT_CACHE), "not a cache");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-XX:AOTCache=" + ServiceProcess.AOT_CACHE, "-version")
                .directory(appDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
