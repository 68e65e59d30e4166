package nl.tijdig.events;

import static nl.tijdig.events.BoundedContext.COLLECTION;
import static nl.tijdig.events.BoundedContext.DUNNING;
import static nl.tijdig.events.BoundedContext.INVOICE;
import static nl.tijdig.events.BoundedContext.NOTIFICATION;
import static nl.tijdig.events.BoundedContext.PAYMENT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public event catalogue: every event type with its wire name, version, topic and record, and
 * the upcasters that turn older versions into the current ones. Changes are additive (a new optional
 * field, a new type) or a new version with an upcaster; never a silent break once a consumer exists.
 */
public final class EventCatalogue {

    private static final EventCatalogue STANDARD = new EventCatalogue(List.of(
            new EventType(INVOICE, "InvoiceIssued", 1, InvoiceIssued.class),
            new EventType(INVOICE, "InvoiceCredited", 1, InvoiceCredited.class),
            new EventType(INVOICE, "InvoiceCancelled", 1, InvoiceCancelled.class),
            new EventType(INVOICE, "DebtorRegistered", 1, DebtorRegistered.class),
            new EventType(INVOICE, "DebtorUpdated", 1, DebtorUpdated.class),
            new EventType(INVOICE, "CreditorProfileUpdated", 1, CreditorProfileUpdated.class),
            new EventType(PAYMENT, "PaymentReceived", 1, PaymentReceived.class),
            new EventType(PAYMENT, "PaymentUnmatched", 1, PaymentUnmatched.class),
            new EventType(PAYMENT, "PaymentReversed", 1, PaymentReversed.class),
            new EventType(PAYMENT, "PaymentLinkCreated", 1, PaymentLinkCreated.class),
            new EventType(PAYMENT, "PaymentLinkClosed", 1, PaymentLinkClosed.class),
            new EventType(PAYMENT, "CreditRefunded", 1, CreditRefunded.class),
            new EventType(DUNNING, "ReminderDue", 1, ReminderDue.class),
            new EventType(DUNNING, "PhoneCallDue", 1, PhoneCallDue.class),
            new EventType(DUNNING, "AwaitingApproval", 1, AwaitingApproval.class),
            new EventType(DUNNING, "StepFlagged", 1, StepFlagged.class),
            new EventType(DUNNING, "PrescriptionApproaching", 1, PrescriptionApproaching.class),
            new EventType(DUNNING, "PaymentPlanAgreed", 1, PaymentPlanAgreed.class),
            new EventType(DUNNING, "VatReliefEligible", 1, VatReliefEligible.class),
            new EventType(DUNNING, "VatReliefReversed", 1, VatReliefReversed.class),
            new EventType(DUNNING, "WeeklyOverviewCompiled", 1, WeeklyOverviewCompiled.class),
            new EventType(DUNNING, "EscalatedToCollection", 1, EscalatedToCollection.class),
            new EventType(DUNNING, "DunningCaseClosed", 1, DunningCaseClosed.class),
            new EventType(NOTIFICATION, "ReminderSent", 1, ReminderSent.class),
            new EventType(NOTIFICATION, "ReminderSuppressed", 1, ReminderSuppressed.class),
            new EventType(NOTIFICATION, "NotificationFailed", 1, NotificationFailed.class),
            new EventType(NOTIFICATION, "PhoneCallCompleted", 1, PhoneCallCompleted.class),
            new EventType(NOTIFICATION, "WebhookEndpointDisabled", 1, WebhookEndpointDisabled.class),
            new EventType(COLLECTION, "CollectionCaseOpened", 1, CollectionCaseOpened.class),
            new EventType(COLLECTION, "CollectionCaseUpdated", 1, CollectionCaseUpdated.class),
            new EventType(COLLECTION, "CollectionPaymentReported", 1, CollectionPaymentReported.class),
            new EventType(COLLECTION, "CollectionCaseClosed", 1, CollectionCaseClosed.class),
            new EventType(COLLECTION, "FactoringOffered", 1, FactoringOffered.class),
            new EventType(COLLECTION, "FactoringAccepted", 1, FactoringAccepted.class),
            new EventType(COLLECTION, "FactoringRejected", 1, FactoringRejected.class),
            new EventType(COLLECTION, "InvoiceAssigned", 1, InvoiceAssigned.class)),
            Upcasters.none());

    private final Map<String, EventType> byType = new LinkedHashMap<>();
    private final Map<Class<?>, EventType> byClass = new LinkedHashMap<>();
    private final Upcasters upcasters;

    public EventCatalogue(List<EventType> types, Upcasters upcasters) {
        for (EventType type : types) {
            if (byType.put(type.type(), type) != null) {
                throw new IllegalArgumentException("event type listed twice: " + type);
            }
            if (byClass.put(type.javaType(), type) != null) {
                throw new IllegalArgumentException("record mapped twice: " + type.javaType().getName());
            }
        }
        this.upcasters = upcasters;
    }

    /** The catalogue of this version of Tijdig. */
    public static EventCatalogue standard() {
        return STANDARD;
    }

    public List<EventType> all() {
        return List.copyOf(byType.values());
    }

    public Optional<EventType> byType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The type of an event record; every public event has one (a test checks the sealed hierarchy). */
    public EventType of(PublicEvent event) {
        return of(event.getClass());
    }

    public EventType of(Class<?> javaType) {
        EventType type = byClass.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not in the event catalogue");
        }
        return type;
    }

    public Upcasters upcasters() {
        return upcasters;
    }
}
