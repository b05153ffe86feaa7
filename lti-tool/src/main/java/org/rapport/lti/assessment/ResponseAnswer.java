package org.rapport.lti.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One raw answer (as given, not reverse-keyed) to one item of a response. */
@Entity
@Table(name = "assessment_answer")
@IdClass(ResponseAnswer.Key.class)
public class ResponseAnswer {
  @Id
  @Column(name = "response_id")
  private Long responseId;

  @Id
  @Column(name = "item_number")
  private Integer itemNumber;

  @Column(nullable = false)
  private int answer;

  protected ResponseAnswer() {}

  ResponseAnswer(long responseId, int itemNumber, int answer) {
    this.responseId = responseId;
    this.itemNumber = itemNumber;
    this.answer = answer;
  }

  long responseId() {
    return responseId;
  }

  public int getItemNumber() {
    return itemNumber;
  }

  public int getAnswer() {
    return answer;
  }

  void change(int answer) {
    this.answer = answer;
  }

  /** The composite key: response and item. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long responseId;
    private Integer itemNumber;

    public Key() {}

    public Key(Long responseId, Integer itemNumber) {
      this.responseId = responseId;
      this.itemNumber = itemNumber;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(k.responseId, responseId)
          && Objects.equals(k.itemNumber, itemNumber);
    }

    @Override
    public int hashCode() {
      return Objects.hash(responseId, itemNumber);
    }
  }
}
