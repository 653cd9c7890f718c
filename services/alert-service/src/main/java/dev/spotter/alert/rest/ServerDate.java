package dev.spotter.alert.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every answer carries the server's time in a {@code Date} header (RFC 9110; Vert.x sends none), read from the clock the
 * escalation rules use. The clinician console counts down to {@code nextEscalationAt} against it, so a device whose
 * clock is wrong still shows when the next page goes out.
 */
@ApplicationScoped
public class ServerDate {

    /** IMF-fixdate, the one form RFC 9110 lets a server send: "Sun, 06 Nov 1994 08:49:37 GMT". */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    Clock clock;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            HttpServerResponse response = context.response();
            // stamped as the headers go out, so a slow answer still says the time it was sent
            context.addHeadersEndHandler(ignored -> {
                if (!response.headers().contains(HttpHeaders.DATE)) {
                    response.putHeader(HttpHeaders.DATE, IMF_FIXDATE.format(clock.instant()));
                }
            });
            context.next();
        }, 100);
    }
}
