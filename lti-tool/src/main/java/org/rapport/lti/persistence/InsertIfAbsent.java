package org.rapport.lti.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates a row unless one with the same key exists, in the caller's transaction and on its
 * connection. It replaces "insert in a transaction of its own and read the winner's row after a
 * unique-key failure", which held the request's connection while waiting for a second one: under
 * load every request held one and waited for another, and the pool ran dry.
 *
 * <p>Two requests creating the same row at once both succeed and end with one row: on PostgreSQL
 * the insert is {@code INSERT ... ON CONFLICT (key) DO NOTHING}; on the embedded H2 database, which
 * has no such statement, the insert first locks the tenant's registration row, so creations within
 * a tenant happen one after another (H2 serves one node and development; it is not the load
 * database). The caller reads the row afterwards with an ordinary query.
 */
@ApplicationScoped
public class InsertIfAbsent {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "rapport.db.url", defaultValue = "jdbc:h2:")
  String url;

  /**
   * Inserts {@code row} (column to value, in order) into {@code table} unless a row with the same
   * values in the {@code key} columns (a unique constraint of the table) exists.
   *
   * @param registrationId the tenant the row belongs to (serializes creations on H2)
   * @return whether this call inserted the row
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean insert(
      String table, LinkedHashMap<String, Object> row, List<String> key, long registrationId) {
    List<String> columns = new ArrayList<>(row.keySet());
    String names = String.join(", ", columns);
    String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    if (postgres()) {
      Query insert =
          em.createNativeQuery(
              "INSERT INTO "
                  + table
                  + " ("
                  + names
                  + ") VALUES ("
                  + marks
                  + ") ON CONFLICT ("
                  + String.join(", ", key)
                  + ") DO NOTHING");
      bind(insert, row.values(), 1);
      return insert.executeUpdate() == 1;
    }
    if (exists(table, row, key)) {
      return false;
    }
    serializeTenant(registrationId);
    Query insert =
        em.createNativeQuery(
            "INSERT INTO "
                + table
                + " ("
                + names
                + ") SELECT "
                + marks
                + " FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM "
                + table
                + " WHERE "
                + where(key)
                + ")");
    int next = bind(insert, row.values(), 1);
    bind(insert, key.stream().map(row::get).toList(), next);
    return insert.executeUpdate() == 1;
  }

  /**
   * On H2, takes the tenant's creation lock now, before the transaction writes anything else, so
   * that transactions taking it cannot deadlock on rows they wrote before; nothing on PostgreSQL.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void serializeTenant(long registrationId) {
    if (!postgres()) {
      em.createNativeQuery("SELECT id FROM registration WHERE id = ? FOR UPDATE")
          .setParameter(1, registrationId)
          .getResultList();
    }
  }

  private boolean postgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  private boolean exists(String table, Map<String, Object> row, List<String> key) {
    Query query = em.createNativeQuery("SELECT 1 FROM " + table + " WHERE " + where(key));
    bind(query, key.stream().map(row::get).toList(), 1);
    return !query.getResultList().isEmpty();
  }

  private static String where(List<String> key) {
    return key.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
  }

  private static int bind(Query query, Iterable<Object> values, int from) {
    int position = from;
    for (Object value : values) {
      query.setParameter(position++, value);
    }
    return position;
  }
}
