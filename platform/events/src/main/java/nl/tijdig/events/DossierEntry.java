package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.LocalDate;

/** One step of a case's history as a collection agency reads it. */
public record DossierEntry(LocalDate date, String description) {

    public DossierEntry {
        required(date, "date");
        text(description, "description");
    }
}
