/**
 * Value records and enums shared by several events. Enum values are part of the published contract:
 * adding one is not an additive change (consumers reject values they do not know), so it comes with a
 * new event version.
 */
package org.secondopinion.events.model;
