package com.acme.data.jpa;

import com.acme.data.model.BaseEntity;
import javax.persistence.Entity;
import javax.persistence.Table;

@Entity
@Table(name = "specialties")
public class Specialty extends BaseEntity {
    private String name;
}
