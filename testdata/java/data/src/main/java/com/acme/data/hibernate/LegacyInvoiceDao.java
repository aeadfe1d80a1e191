package com.acme.data.hibernate;

import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/** Hibernate through a Session. */
public class LegacyInvoiceDao {
    private final SessionFactory sessionFactory;

    public LegacyInvoiceDao(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public List<?> unpaid() {
        Session session = sessionFactory.getCurrentSession();
        return session.createQuery("from Invoice i where i.paid = false").list();
    }

    public void store(Invoice invoice) {
        sessionFactory.getCurrentSession().saveOrUpdate(invoice);
    }

    public void drop(InvoiceLine line) {
        Session session = sessionFactory.getCurrentSession();
        session.delete(line);
    }

    public List<?> totals() {
        Session session = sessionFactory.getCurrentSession();
        return session.createSQLQuery("SELECT invoice_id, SUM(amount) FROM invoice_lines GROUP BY invoice_id").list();
    }

    public Customer customer(long id) {
        Session session = sessionFactory.getCurrentSession();
        return session.get(Customer.class, id);
    }
}
