package com.acme.data.jpa;

import com.acme.data.model.Address;
import com.acme.data.model.BaseEntity;
import java.util.List;
import java.util.Set;
import javax.persistence.CollectionTable;
import javax.persistence.ElementCollection;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.JoinColumn;
import javax.persistence.NamedNativeQuery;
import javax.persistence.NamedQuery;
import javax.persistence.OneToMany;
import javax.persistence.Table;

@Entity
@Table(name = "owners")
@NamedQuery(name = "Owner.findByCity", query = "SELECT o FROM Owner o WHERE o.address.city = :city")
@NamedNativeQuery(name = "Owner.countPets", query = "SELECT COUNT(*) FROM pet p WHERE p.owner_id = ?")
public class Owner extends BaseEntity {
    private String lastName;

    @Embedded
    private Address address;

    @OneToMany(mappedBy = "owner")
    private List<Pet> pets;

    @ElementCollection
    @CollectionTable(name = "owner_phones", joinColumns = @JoinColumn(name = "owner_id"))
    private Set<String> phones;
}
