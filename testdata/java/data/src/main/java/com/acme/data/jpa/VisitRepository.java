package com.acme.data.jpa;

import java.util.List;
import org.springframework.data.repository.CrudRepository;

public interface VisitRepository extends CrudRepository<Visit, Long> {
    List<Visit> findByDateAfter(java.time.LocalDate date);
}
