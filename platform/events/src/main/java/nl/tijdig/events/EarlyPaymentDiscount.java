package nl.tijdig.events;

import static nl.tijdig.events.Values.text;

/** "2 % korting bij betaling binnen 10 dagen": {@code percent} a decimal string. */
public record EarlyPaymentDiscount(String percent, int withinDays) {

    public EarlyPaymentDiscount {
        text(percent, "percent");
    }
}
