package org.secondopinion.coverage.rest;

import org.secondopinion.coverage.domain.SelfPayPrice;
import org.secondopinion.events.model.Money;

public record SelfPayPriceView(String specialtyCode, Money price, long version) {

    static SelfPayPriceView of(SelfPayPrice p) {
        return new SelfPayPriceView(p.specialtyCode, new Money(p.amount, p.currency), p.version);
    }
}
