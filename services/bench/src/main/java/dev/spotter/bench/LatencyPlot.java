package dev.spotter.bench;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The latency distribution as an SVG: latency (log scale, ms) by percentile, on the usual HdrHistogram axis
 * (0, 90, 99, 99.9 % spread evenly), one line per histogram.
 */
final class LatencyPlot {

    /** One line: its label, colour and histogram (microseconds). */
    record Line(String label, String colour, Histogram histogram) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int BOTTOM = 50;
    private static final double MAX_NINES = 3.5;

    private LatencyPlot() {
    }

    static String svg(String title, List<Line> lines) {
        double maxMs = lines.stream().mapToDouble(line -> line.histogram().getMaxValue() / 1000.0).max().orElse(1);
        double minMs = 0.1;
        double top = Math.pow(10, Math.ceil(Math.log10(Math.max(maxMs, 1))));
        StringBuilder svg = new StringBuilder("""
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">
                <rect width="100%%" height="100%%" fill="white"/>
                <text x="%d" y="20" font-size="14">%s</text>
                """.formatted(WIDTH, HEIGHT, LEFT, escape(title)));
        for (double ms = minMs; ms <= top * 1.001; ms *= 10) {
            double y = y(ms, minMs, top);
            svg.append(line(LEFT, y, WIDTH - 20, y, "#ddd")).append(text(LEFT - 8, y + 4, label(ms) + " ms", "end"));
        }
        String[] percentiles = {"0%", "90%", "99%", "99.9%", ""};
        for (int nines = 0; nines <= 3; nines++) {
            double x = x(nines);
            svg.append(line(x, 30, x, HEIGHT - BOTTOM, "#ddd")).append(text(x, HEIGHT - BOTTOM + 16, percentiles[nines], "middle"));
        }
        svg.append(text((LEFT + WIDTH - 20) / 2.0, HEIGHT - 12, "percentile", "middle"));
        int legend = 0;
        for (Line line : lines) {
            svg.append(path(line, minMs, top));
            svg.append(text(LEFT + 12, 44 + 16 * legend, line.label(), "start").replace("<text", "<text fill=\"" + line.colour() + "\""));
            legend++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String path(Line line, double minMs, double top) {
        StringBuilder points = new StringBuilder();
        Histogram histogram = line.histogram();
        if (histogram.getTotalCount() == 0) {
            return "";
        }
        for (double nines = 0; nines <= MAX_NINES; nines += 0.05) {
            double percentile = 100 * (1 - Math.pow(10, -nines));
            double ms = Math.max(minMs, histogram.getValueAtPercentile(percentile) / 1000.0);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(nines), y(ms, minMs, top)));
        }
        return "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n".formatted(line.colour(), points.toString().trim());
    }

    private static double x(double nines) {
        return LEFT + (WIDTH - 20 - LEFT) * nines / MAX_NINES;
    }

    private static double y(double ms, double minMs, double top) {
        double fraction = (Math.log10(ms) - Math.log10(minMs)) / (Math.log10(top) - Math.log10(minMs));
        return HEIGHT - BOTTOM - fraction * (HEIGHT - BOTTOM - 30);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", x1, y1, x2, y2, colour);
    }

    private static String text(double x, double y, String text, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, escape(text));
    }

    private static String label(double ms) {
        return ms < 1 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
