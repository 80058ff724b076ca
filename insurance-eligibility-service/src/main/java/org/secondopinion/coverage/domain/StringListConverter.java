package org.secondopinion.coverage.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Keeps a short list of codes or sentences in one text column, one per line: they are read and written whole. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n"));
    }
}
