package dev.spotter.platform.tracing;

import dev.spotter.platform.config.SpotterConfig;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Which traces are recorded. With somewhere to send spans: a new trace by the configured ratio, a continued one as its
 * caller decided. With nowhere: none, so no span is kept or sent, yet every trace id is still made, passed on and
 * logged, and a request's log lines can be found across the services by it.
 */
@ApplicationScoped
public class TraceSampling {

    @Produces
    @ApplicationScoped
    Sampler sampler(SpotterConfig config) {
        if (config.tracing().endpoint().isEmpty()) {
            return Sampler.alwaysOff();
        }
        return Sampler.parentBased(Sampler.traceIdRatioBased(config.tracing().sampleRatio()));
    }
}
