package org.secondopinion.events.model;

import java.util.Objects;

/**
 * One of the patient's questions for the reviewing physician. The id lets a report answer each
 * question by reference; case-service assigns it and it stays stable for the case.
 *
 * @param questionId stable within the case
 * @param text the question as the patient wrote it
 */
public record Question(String questionId, String text) {

    public Question {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(text, "text");
    }
}
