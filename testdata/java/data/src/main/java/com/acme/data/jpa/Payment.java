package com.acme.data.jpa;

import com.acme.data.model.BaseEntity;
import java.math.BigDecimal;
import javax.persistence.Entity;
import javax.persistence.Inheritance;
import javax.persistence.InheritanceType;
import javax.persistence.Table;

/** The root of a joined hierarchy: each subclass has a table of its own. */
@Entity
@Table(name = "payments")
@Inheritance(strategy = InheritanceType.JOINED)
public class Payment extends BaseEntity {
    private BigDecimal amount;
}
