/**
 * The invoice-service: creditor profiles, debtors, invoices and credit notes (the principal). Publishes on tijdig.invoice.v1.
 *
 * <p>Packages: {@code api} (REST resources and DTOs), {@code domain} (pure Java deciders and state, no
 * framework), {@code store} (persistence and projections), {@code messaging} (thin Kafka adapters).
 */
package nl.tijdig.invoice;
