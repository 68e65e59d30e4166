/**
 * The payment-service: payments and their allocation to invoices, open principal, debtor credit, pay links, refunds and direct debits. Publishes on tijdig.payment.v1.
 *
 * <p>Packages: {@code api} (REST resources and DTOs), {@code domain} (pure Java deciders and state, no
 * framework), {@code store} (persistence and projections), {@code messaging} (thin Kafka adapters).
 */
package nl.tijdig.payment;
