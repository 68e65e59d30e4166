package nl.tijdig.events;

/** A way to reach a debtor. */
public enum Channel {
    EMAIL,
    LETTER,
    REGISTERED_LETTER,
    SMS,
    PHONE
}
