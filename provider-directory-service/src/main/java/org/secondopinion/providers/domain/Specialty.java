package org.secondopinion.providers.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A specialty or, when it has a parent, a sub-specialty, as certified by an ABMS member board. */
@Entity
@Table(name = "specialty")
public class Specialty {

    @Id
    public String code;

    public String name;

    @Column(name = "parent_code")
    public String parentCode;

    public String board;

    public boolean isSubSpecialty() {
        return parentCode != null;
    }
}
