package org.secondopinion.events.model;

/** How a written second opinion relates to the primary provider's opinion. */
public enum OpinionAgreement {
    AGREES,
    AGREES_WITH_REFINEMENTS,
    DISAGREES
}
