package dev.spotter.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event record on the wire: the CloudEvents type is {@code name + ".v" + version}.
 * A breaking change to a record is a new record with the next version, never an edit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String name();

    int version();
}
