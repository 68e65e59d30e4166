package nl.tijdig.events;

/** Business debtor (B2B) or consumer (B2C): the law and the schedule differ. */
public enum Segment {
    B2B,
    B2C
}
