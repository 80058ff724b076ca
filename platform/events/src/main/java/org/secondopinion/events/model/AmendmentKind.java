package org.secondopinion.events.model;

/** How a new report version relates to the previous one: it corrects it, or adds to it. */
public enum AmendmentKind {
    AMENDMENT,
    ADDENDUM
}
