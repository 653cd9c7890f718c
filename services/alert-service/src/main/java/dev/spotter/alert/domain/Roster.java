package dev.spotter.alert.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A clinic's on-call roster: shifts written in the clinic's own wall-clock time, turned into instants through its time
 * zone, so a night shift keeps its 22:00 start and 07:00 end across a daylight-saving change (and is an hour shorter
 * or longer that night). Who is on call at an instant, who a level of an escalation pages, and where nobody is.
 */
public record Roster(ZoneId zone, List<Shift> shifts, Optional<String> clinicLead, Set<String> clinicians) {

    public enum Role { PRIMARY, SECONDARY }

    /** One shift of one clinician: from {@code start} to {@code end}, the clinic's local time. */
    public record Shift(String clinician, Role role, LocalDateTime start, LocalDateTime end) {

        public Shift {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a shift must end after it starts: " + start + " to " + end);
            }
        }
    }

    /** A stretch of time in which a role has nobody on call. */
    public record Gap(Role role, Instant from, Instant to) {
    }

    public Roster {
        shifts = List.copyOf(shifts);
        clinicians = Set.copyOf(clinicians);
    }

    /**
     * The instant a wall-clock time happens in the clinic. A time skipped by spring-forward counts as the first valid
     * time after it; a time repeated by fall-back counts as its later occurrence, so a shift ending then covers the
     * whole repeated hour rather than leave it uncovered.
     */
    public Instant instantOf(LocalDateTime local) {
        return ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap().toInstant();
    }

    /** Who is on call in this role at this instant; the earliest-starting shift first when two overlap. */
    public List<String> onCall(Role role, Instant at) {
        return shifts.stream().filter(s -> s.role() == role)
                .filter(s -> !instantOf(s.start()).isAfter(at) && instantOf(s.end()).isAfter(at))
                .sorted(Comparator.comparing(Shift::start)).map(Shift::clinician).distinct().toList();
    }

    /** Whom a level pages at this instant; empty when nobody fills its roles, and the escalation moves on at once. */
    public Set<String> resolve(Set<EscalationPolicy.Target> targets, Instant at) {
        Set<String> people = new LinkedHashSet<>();
        // in the policy's order of roles, so a page names people the same way every time
        for (EscalationPolicy.Target target : EscalationPolicy.Target.values()) {
            if (!targets.contains(target)) {
                continue;
            }
            switch (target) {
                case PRIMARY -> people.addAll(onCall(Role.PRIMARY, at));
                case SECONDARY -> people.addAll(onCall(Role.SECONDARY, at));
                case CLINIC_LEAD -> clinicLead.ifPresent(people::add);
                case ALL_CLINICIANS -> people.addAll(clinicians.stream().sorted().toList());
            }
        }
        return people;
    }

    /** Where each role has nobody on call between two instants, for the coverage check. */
    public List<Gap> gaps(Instant from, Instant to) {
        List<Gap> gaps = new ArrayList<>();
        for (Role role : Role.values()) {
            Instant covered = from;
            List<Shift> ordered = shifts.stream().filter(s -> s.role() == role)
                    .sorted(Comparator.comparing(s -> instantOf(s.start()))).toList();
            for (Shift shift : ordered) {
                Instant start = instantOf(shift.start());
                Instant end = instantOf(shift.end());
                if (!end.isAfter(covered) || !start.isBefore(to)) {
                    continue;
                }
                if (start.isAfter(covered)) {
                    gaps.add(new Gap(role, covered, start));
                }
                covered = end.isAfter(covered) ? end : covered;
            }
            if (covered.isBefore(to)) {
                gaps.add(new Gap(role, covered, to));
            }
        }
        return gaps;
    }
}
