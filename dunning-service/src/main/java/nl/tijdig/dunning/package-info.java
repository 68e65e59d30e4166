/**
 * The dunning-service: the case per invoice and per debtor (schedule, legal dates, costs, interest, disputes, promises, payment plans) and the claim. Publishes on tijdig.dunning.v1.
 *
 * <p>Packages: {@code api} (REST resources and DTOs), {@code domain} (pure Java deciders and state, no
 * framework), {@code store} (persistence and projections), {@code messaging} (thin Kafka adapters).
 */
package nl.tijdig.dunning;
