package dev.spotter.alert.delivery;

/** A way to reach a clinician beyond the console. Each attempt ends delivered or failed, never in between. */
public interface Channel {

    /**
     * What came of one attempt: arrived, or why not, in a line for the attempt log and the timeline; {@code final}
     * when trying again cannot help (no address, no signing key), so the page fails at once and its fallback takes over.
     */
    record Outcome(boolean delivered, boolean isFinal, String detail) {

        public static Outcome delivered(String detail) {
            return new Outcome(true, true, detail);
        }

        public static Outcome failed(String detail) {
            return new Outcome(false, false, detail);
        }

        public static Outcome failedForGood(String detail) {
            return new Outcome(false, true, detail);
        }
    }

    /** The channel's name, as in {@code alert_page.channel}. */
    String name();

    /**
     * Sends one attempt of a message to an address; never throws. {@code secret} signs it where the channel signs
     * (null when the clinic has none).
     */
    Outcome send(PageMessage message, String address, String secret);
}
