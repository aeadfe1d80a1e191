package com.acme.data.jpa;

import com.acme.data.model.BaseEntity;
import java.util.Set;
import javax.persistence.Entity;
import javax.persistence.JoinColumn;
import javax.persistence.JoinTable;
import javax.persistence.ManyToMany;
import javax.persistence.NamedStoredProcedureQuery;
import javax.persistence.PrimaryKeyJoinColumn;
import javax.persistence.SecondaryTable;
import javax.persistence.Table;

@Entity
@Table(name = "vets")
@SecondaryTable(name = "vet_details", pkJoinColumns = @PrimaryKeyJoinColumn(name = "vet_id"))
@NamedStoredProcedureQuery(name = "Vet.rank", procedureName = "rank_vets")
public class Vet extends BaseEntity {
    @ManyToMany
    @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"),
            inverseJoinColumns = @JoinColumn(name = "specialty_id"))
    private Set<Specialty> specialties;
}
