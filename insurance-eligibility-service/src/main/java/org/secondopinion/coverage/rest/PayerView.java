package org.secondopinion.coverage.rest;

import org.secondopinion.coverage.domain.Payer;

public record PayerView(String id, String name, boolean answersThroughEvents, Integer inquiryTimeoutSeconds, long version) {

    static PayerView of(Payer payer) {
        return new PayerView(payer.id, payer.name, payer.answersThroughEvents, payer.inquiryTimeoutSeconds, payer.version);
    }
}
