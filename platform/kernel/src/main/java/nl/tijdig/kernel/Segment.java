package nl.tijdig.kernel;

/**
 * Business debtor (B2B) or consumer (B2C). The law differs (the 14-dagenbrief, statutory interest,
 * payment terms) and so does every schedule: never treat them alike.
 */
public enum Segment {
    B2B,
    B2C
}
