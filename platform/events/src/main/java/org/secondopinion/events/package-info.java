/**
 * The platform's events: one record per event, sealed under {@link org.secondopinion.events.DomainEvent}
 * and catalogued in {@link org.secondopinion.events.EventType}, wrapped in a CloudEvents
 * {@link org.secondopinion.events.EventEnvelope} and written and read by
 * {@link org.secondopinion.events.EventCodec}.
 *
 * <p>Conventions every producer and consumer relies on:
 * <ul>
 *   <li>The Kafka key is the envelope's subject, which is {@code data.subject()}: the case id for
 *       case events, the NPI for {@link org.secondopinion.events.PhysicianCredentialsChanged}.</li>
 *   <li>Optional fields are null in the record and absent on the wire; lists are never null.</li>
 *   <li>Changes are additive (new optional fields). Removing, renaming or retyping a field, making
 *       one required, or adding an enum value is a new type version with its own record and schema.</li>
 *   <li>The JSON Schemas in {@code schemas/} and {@code asyncapi.yaml} are the published contract;
 *       this module's tests keep them equal to the records.</li>
 * </ul>
 */
package org.secondopinion.events;
