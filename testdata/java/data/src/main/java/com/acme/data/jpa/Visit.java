package com.acme.data.jpa;

import com.acme.data.model.BaseEntity;
import java.time.LocalDate;
import javax.persistence.Entity;
import javax.persistence.Table;

@Entity
@Table(name = "visits", schema = "clinic")
public class Visit extends BaseEntity {
    private LocalDate date;
}
