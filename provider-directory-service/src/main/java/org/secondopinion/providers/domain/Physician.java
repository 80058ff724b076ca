package org.secondopinion.providers.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A physician in the directory. The NPI is the natural key the API uses. */
@Entity
@Table(name = "physician")
public class Physician {

    @Id
    public UUID id;

    public String npi;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> specialties = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sub_specialties")
    public List<String> subSpecialties = new ArrayList<>();

    @Column(name = "years_in_practice")
    public Integer yearsInPractice;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "medical_schools")
    public List<String> medicalSchools = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "hospital_affiliations")
    public List<String> hospitalAffiliations = new ArrayList<>();

    @Column(name = "practice_name")
    public String practiceName;

    @Column(name = "practice_npi")
    public String practiceNpi;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> networks = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "licensed_states")
    public List<String> licensedStates = new ArrayList<>();

    public boolean telehealth;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "telehealth_states")
    public List<String> telehealthStates = new ArrayList<>();

    @Column(name = "accepting_second_opinions")
    public boolean acceptingSecondOpinions;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_documents")
    public List<String> requiredDocuments = new ArrayList<>();

    @Column(name = "referral_letter_required")
    public boolean referralLetterRequired;

    @ManyToMany
    @JoinTable(name = "physician_clinic", joinColumns = @JoinColumn(name = "physician_id"),
            inverseJoinColumns = @JoinColumn(name = "clinic_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 200)
    public List<Clinic> clinics = new ArrayList<>();

    @OneToMany(mappedBy = "physician", cascade = CascadeType.ALL, orphanRemoval = true)
    @BatchSize(size = 200)
    public List<BoardCertification> certifications = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public String displayName() {
        return "Dr. " + firstName + " " + lastName;
    }

    public List<String> affiliations() {
        List<String> all = new ArrayList<>(hospitalAffiliations);
        all.addAll(medicalSchools);
        return all;
    }

    /** Licensed in the state, or giving opinions there by telehealth. */
    public boolean mayPractiseIn(String stateCode) {
        return licensedStates.contains(stateCode) || (telehealth && telehealthStates.contains(stateCode));
    }
}
