package org.secondopinion.cases.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.secondopinion.cases.domain.CaseDocument;
import org.secondopinion.cases.domain.ChecklistItem;

/** Matching documents to checklist items: each document fulfils at most one item of its type. */
final class Checklists {

    private Checklists() {
    }

    /** Fulfils open items with documents not yet used by another item, oldest first. */
    static List<ChecklistItem> fulfil(List<ChecklistItem> items, List<CaseDocument> documents) {
        Set<String> used = new HashSet<>();
        items.stream().filter(ChecklistItem::done).forEach(i -> used.add(i.documentId()));
        List<ChecklistItem> result = new ArrayList<>();
        for (ChecklistItem item : items) {
            if (item.done()) {
                result.add(item);
                continue;
            }
            CaseDocument match = documents.stream()
                    .filter(d -> d.type == item.type() && !used.contains(d.id.toString())
                            && !d.uploadedAt.isBefore(item.requestedBy().equals("PHYSICIAN") ? item.requestedAt() : d.uploadedAt))
                    .findFirst().orElse(null);
            if (match != null) {
                used.add(match.id.toString());
                result.add(item.fulfilledBy(match.id.toString()));
            } else {
                result.add(item);
            }
        }
        return result;
    }

    /** Reopens the item a deleted document fulfilled, then fulfils again from what is left. */
    static List<ChecklistItem> withoutDocument(List<ChecklistItem> items, String documentId, List<CaseDocument> remaining) {
        List<ChecklistItem> reopened = items.stream()
                .map(i -> documentId.equals(i.documentId()) ? new ChecklistItem(i.type(), i.requestedBy(), i.requestedAt(), null) : i)
                .toList();
        return fulfil(reopened, remaining);
    }
}
