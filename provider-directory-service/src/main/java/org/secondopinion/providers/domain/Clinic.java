package org.secondopinion.providers.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A location where physicians see patients. */
@Entity
@Table(name = "clinic")
public class Clinic {

    @Id
    public UUID id;

    public String name;

    public String address;

    public String city;

    @Column(name = "state_code")
    public String stateCode;

    public double latitude;

    public double longitude;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;
}
