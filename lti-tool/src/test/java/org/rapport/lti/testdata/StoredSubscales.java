package org.rapport.lti.testdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rapport.lti.assessment.SubscaleValues;

/**
 * Checks that every stored score's subscale text ({@code assessment_score.subscale_values}, read by
 * the analytics) says what its subscale rows ({@code assessment_subscale_score}) say.
 */
public final class StoredSubscales {
  private StoredSubscales() {}

  /** Each score whose text and rows differ, described; empty when they all agree. */
  public static List<String> disagreements(Connection c) throws SQLException {
    Map<String, Map<String, Double>> fromRows = new HashMap<>();
    try (PreparedStatement rows =
            c.prepareStatement(
                "SELECT response_id, scored_with_version, subscale_id, score_value"
                    + " FROM assessment_subscale_score");
        ResultSet rs = rows.executeQuery()) {
      while (rs.next()) {
        fromRows
            .computeIfAbsent(rs.getLong(1) + "/" + rs.getInt(2), k -> new HashMap<>())
            .put(rs.getString(3), rs.getDouble(4));
      }
    }
    List<String> disagreements = new ArrayList<>();
    try (PreparedStatement scores =
            c.prepareStatement(
                "SELECT response_id, scored_with_version, subscale_values FROM assessment_score");
        ResultSet rs = scores.executeQuery()) {
      while (rs.next()) {
        String key = rs.getLong(1) + "/" + rs.getInt(2);
        Map<String, Double> fromText = new HashMap<>();
        SubscaleValues.read(rs.getString(3), fromText::put);
        Map<String, Double> expected = fromRows.getOrDefault(key, Map.of());
        if (!fromText.equals(expected)) {
          disagreements.add("score " + key + ": text " + rs.getString(3) + ", rows " + expected);
        }
      }
    }
    return disagreements;
  }
}
