package org.secondopinion.platform.probe;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

@Entity
@Table(name = "probe_note")
public class ProbeNote {

    @Id
    public UUID id;

    public String owner;

    public String text;

    @Version
    public long version;
}
