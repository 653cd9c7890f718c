package dev.spotter.testing;

import java.util.Arrays;

/**
 * Reads values out of a Prometheus scrape ({@code /q/metrics}): the sum of a metric's series that carry given labels. A
 * sample may end in an exemplar ({@code # {trace_id="…",span_id="…"} value timestamp}, added within a recorded trace),
 * which is not its value.
 */
public final class ScrapedMetrics {

    private final String text;

    public ScrapedMetrics(String text) {
        this.text = text;
    }

    /** The sum over every series of {@code metric} with each of {@code labels} (as {@code name="value"}); 0 when none. */
    public double sum(String metric, String... labels) {
        return text.lines().filter(line -> isSeriesOf(line, metric))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(ScrapedMetrics::valueOf)
                .sum();
    }

    /** Whether a series of {@code metric} with each of {@code labels} is there. */
    public boolean has(String metric, String... labels) {
        return text.lines().filter(line -> isSeriesOf(line, metric)).anyMatch(line -> Arrays.stream(labels).allMatch(line::contains));
    }

    private static double valueOf(String line) {
        int exemplar = line.indexOf(" # ", Math.max(line.indexOf('}'), 0));
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }

    private static boolean isSeriesOf(String line, String metric) {
        return line.startsWith(metric + "{") || line.startsWith(metric + " ");
    }
}
