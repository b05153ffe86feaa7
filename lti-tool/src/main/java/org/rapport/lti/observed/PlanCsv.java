package org.rapport.lti.observed;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.rapport.curriculum.imports.CsvFormatException;
import org.rapport.curriculum.imports.CsvReader;
import org.rapport.curriculum.instruments.RaterType;

/**
 * Reads the plan of an OSCE day: a CSV file with one row per student × station × rater, columns
 * {@code student, station, rater_type, rater_name, rater_email} and optionally {@code module}, in
 * any order (the header row names them). Every cell is checked against the course; every problem is
 * reported with its row (the header is row 1, as a spreadsheet counts) and column, and a plan with
 * any problem plans nothing.
 *
 * <p>A student is named by their LMS e-mail address (a value with {@code @}), else by their LMS
 * user id, else by their name exactly as the course knows it (case and extra spaces aside); a name
 * two students of the course share is refused, so the coordinator writes the e-mail instead.
 * Faculty and peer raters rate inside the LMS, so they must be members of the course (faculty: an
 * instructor, teaching assistant or course administrator; peer: a student other than the one
 * rated), named in {@code rater_email} by their LMS e-mail or user id. Patients rate through a
 * one-time link; their name and e-mail are optional.
 */
public final class PlanCsv {
  /** The most rows a plan may have (a large OSCE day is a few hundred). */
  static final int MAX_ROWS = 5000;

  /** The most characters of a station, a name or an address. */
  static final int MAX_STATION = 200;

  static final int MAX_NAME = 200;
  static final int MAX_EMAIL = 320;

  static final List<String> REQUIRED =
      List.of("student", "station", "rater_type", "rater_name", "rater_email");
  static final String MODULE = "module";

  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");

  private PlanCsv() {}

  /** A member of the course as the LMS described them. */
  public record Person(long learnerId, String subject, String name, String email) {
    /** The name to show: the LMS name, else the e-mail, else the user id. */
    public String display() {
      if (name != null && !name.isBlank()) {
        return name.strip();
      }
      if (email != null && !email.isBlank()) {
        return email.strip();
      }
      return subject;
    }
  }

  /** What the plan is checked against: the course's students and faculty and the modules. */
  public record Course(List<Person> students, List<Person> faculty, Predicate<String> module) {
    public Course {
      students = List.copyOf(students);
      faculty = List.copyOf(faculty);
    }
  }

  /** A problem with a row of the plan; row 0 for the file as a whole. */
  public record Problem(int row, String column, String message) {
    /** The sentence shown: where, then what to do. */
    public String text() {
      if (row == 0) {
        return message;
      }
      return "Row " + row + (column == null ? "" : ", column " + column) + ": " + message;
    }
  }

  /** One checked rater row: who is rated, where, and by whom. */
  public record Row(
      int row,
      Person student,
      String station,
      String moduleOrNull,
      RaterType type,
      Person raterOrNull,
      String raterName,
      String raterEmail) {}

  /** One encounter of the plan: a student at a station with every rater the plan gives them. */
  public record PlannedEncounter(
      Person student, String station, String moduleOrNull, List<Row> raters) {}

  /** The outcome: the encounters, or the problems (never both). */
  public record Result(List<PlannedEncounter> encounters, List<Problem> problems, int rows) {
    public boolean ok() {
      return problems.isEmpty();
    }

    public int raters() {
      return encounters.stream().mapToInt(e -> e.raters().size()).sum();
    }
  }

  /** Reads and checks {@code text} against {@code course}. */
  public static Result read(String text, Course course) {
    List<Problem> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      problems.add(
          new Problem(
              0,
              null,
              "The plan is empty. Choose a CSV file with a header row ("
                  + String.join(",", REQUIRED)
                  + ") and one row per student, station and rater."));
      return new Result(List.of(), problems, 0);
    }
    List<List<String>> records = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    CsvReader reader = new CsvReader(new StringReader(text));
    try {
      List<String> record;
      while ((record = reader.next()) != null) {
        if (record.stream().allMatch(cell -> cell == null || cell.isBlank())) {
          continue;
        }
        records.add(record);
        numbers.add((int) reader.recordNumber());
        if (records.size() > MAX_ROWS + 1) {
          problems.add(
              new Problem(
                  0,
                  null,
                  "The plan has more than "
                      + MAX_ROWS
                      + " rows. Split the day into several sessions of at most "
                      + MAX_ROWS
                      + " rows each."));
          return new Result(List.of(), problems, records.size() - 1);
        }
      }
    } catch (CsvFormatException e) {
      problems.add(
          new Problem(
              (int) e.row(),
              null,
              "the file cannot be read as CSV: "
                  + e.problem()
                  + ". Save the sheet again as CSV (comma-separated) and upload that file."));
      return new Result(List.of(), problems, 0);
    } catch (IOException e) {
      problems.add(new Problem(0, null, "The file could not be read. Please upload it again."));
      return new Result(List.of(), problems, 0);
    }
    if (records.isEmpty()) {
      return read("", course);
    }
    Map<String, Integer> columns = header(records.get(0), problems);
    if (!problems.isEmpty()) {
      return new Result(List.of(), problems, records.size() - 1);
    }
    if (records.size() == 1) {
      problems.add(
          new Problem(
              0,
              null,
              "The plan has a header row but no rows below it. Add one row per student, station"
                  + " and rater."));
      return new Result(List.of(), problems, 0);
    }
    People people = new People(course);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      Row row = row(numbers.get(i), records.get(i), columns, course, people, problems);
      if (row != null) {
        rows.add(row);
      }
    }
    List<PlannedEncounter> encounters = group(rows, problems);
    problems.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row()) : 0);
    return problems.isEmpty()
        ? new Result(encounters, List.of(), records.size() - 1)
        : new Result(List.of(), problems, records.size() - 1);
  }

  private static Map<String, Integer> header(List<String> cells, List<Problem> problems) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i) == null ? "" : cells.get(i).strip().toLowerCase(Locale.ROOT);
      name = name.replace(' ', '_').replace('-', '_');
      if (name.isEmpty()) {
        problems.add(
            new Problem(
                1,
                "number " + (i + 1),
                "the header has an empty column name. Name every column, or delete the empty"
                    + " column."));
      } else if (!REQUIRED.contains(name) && !MODULE.equals(name)) {
        problems.add(
            new Problem(
                1,
                cells.get(i).strip(),
                "'"
                    + cells.get(i).strip()
                    + "' is not a column of a plan. The columns are "
                    + String.join(", ", REQUIRED)
                    + " and, if you like, module."));
      } else if (columns.putIfAbsent(name, i) != null) {
        problems.add(
            new Problem(1, name, "the column '" + name + "' appears twice. Keep one of them."));
      }
    }
    for (String required : REQUIRED) {
      if (problems.isEmpty() && !columns.containsKey(required)) {
        problems.add(
            new Problem(
                1,
                null,
                "the header has no column '"
                    + required
                    + "'. The first row must name the columns "
                    + String.join(",", REQUIRED)
                    + " (module is optional); the names need not be in this order."));
      }
    }
    return columns;
  }

  private static Row row(
      int number,
      List<String> cells,
      Map<String, Integer> columns,
      Course course,
      People people,
      List<Problem> problems) {
    int before = problems.size();
    String studentText = cell(cells, columns, "student");
    String station = cell(cells, columns, "station").replaceAll("\\s+", " ");
    String typeText = cell(cells, columns, "rater_type");
    String raterName = cell(cells, columns, "rater_name");
    String raterEmail = cell(cells, columns, "rater_email");
    String module = columns.containsKey(MODULE) ? cell(cells, columns, MODULE) : "";

    Person student = null;
    if (studentText.isEmpty()) {
      problems.add(
          new Problem(
              number,
              "student",
              "the student is missing. Write the student's e-mail address in the LMS, their LMS"
                  + " user id, or their name as the course lists it."));
    } else {
      student = people.student(number, studentText, problems);
    }
    if (station.isEmpty()) {
      problems.add(
          new Problem(
              number,
              "station",
              "the station is missing. Write the station or scenario, e.g. 'Station 3: breaking"
                  + " bad news'."));
    } else if (station.length() > MAX_STATION) {
      problems.add(
          new Problem(
              number,
              "station",
              "the station is "
                  + station.length()
                  + " characters long; shorten it to "
                  + MAX_STATION
                  + " or fewer."));
    }
    if (!module.isEmpty() && !course.module().test(module)) {
      problems.add(
          new Problem(
              number,
              "module",
              "there is no module '"
                  + module
                  + "'. Write a module id from the module catalogue (e.g. teach-back), or leave"
                  + " the cell empty."));
    }
    Optional<RaterType> type = RaterType.find(typeText.toLowerCase(Locale.ROOT));
    Person rater = null;
    if (typeText.isEmpty()) {
      problems.add(
          new Problem(
              number,
              "rater_type",
              "the kind of rater is missing. Write patient (a standardized or real patient, who"
                  + " gets a link), faculty or peer."));
    } else if (type.isEmpty()) {
      problems.add(
          new Problem(
              number,
              "rater_type",
              "'" + typeText + "' is not a kind of rater. Write patient, faculty or peer."));
    } else if (type.get() == RaterType.PATIENT) {
      if (raterName.length() > MAX_NAME) {
        problems.add(
            new Problem(
                number,
                "rater_name",
                "the name is longer than " + MAX_NAME + " characters; shorten it."));
      }
      if (!raterEmail.isEmpty() && !validEmail(raterEmail)) {
        problems.add(
            new Problem(
                number,
                "rater_email",
                "'"
                    + raterEmail
                    + "' is not an e-mail address. Correct it, or leave the cell empty and hand"
                    + " the patient a printed link."));
      }
    } else {
      rater = people.rater(number, type.get(), raterEmail, student, problems);
    }
    if (problems.size() > before) {
      return null;
    }
    return new Row(
        number,
        student,
        station,
        module.isEmpty() ? null : module,
        type.get(),
        rater,
        raterName.isEmpty() ? null : raterName,
        raterEmail.isEmpty() ? null : raterEmail);
  }

  /** Rows of one student at one station make one encounter; a rater given twice is a problem. */
  private static List<PlannedEncounter> group(List<Row> rows, List<Problem> problems) {
    Map<String, List<Row>> byEncounter = new LinkedHashMap<>();
    for (Row row : rows) {
      byEncounter
          .computeIfAbsent(
              row.student().learnerId() + "\u0000" + row.station().toLowerCase(Locale.ROOT),
              k -> new ArrayList<>())
          .add(row);
    }
    List<PlannedEncounter> encounters = new ArrayList<>();
    for (List<Row> raters : byEncounter.values()) {
      Row first = raters.get(0);
      Map<String, Row> seen = new HashMap<>();
      String module = null;
      for (Row row : raters) {
        Row earlier = seen.putIfAbsent(raterKey(row), row);
        if (earlier != null) {
          problems.add(
              new Problem(
                  row.row(),
                  null,
                  "this rater already rates "
                      + first.student().display()
                      + " at "
                      + first.station()
                      + " in row "
                      + earlier.row()
                      + ". Delete one of the two rows."));
        }
        if (row.moduleOrNull() != null) {
          if (module != null && !module.equals(row.moduleOrNull())) {
            problems.add(
                new Problem(
                    row.row(),
                    MODULE,
                    "another row of "
                        + first.student().display()
                        + " at "
                        + first.station()
                        + " names module "
                        + module
                        + ". One encounter practises one module: use the same module in every"
                        + " row of it."));
          }
          module = module == null ? row.moduleOrNull() : module;
        }
      }
      encounters.add(new PlannedEncounter(first.student(), first.station(), module, raters));
    }
    return encounters;
  }

  private static String raterKey(Row row) {
    if (row.raterOrNull() != null) {
      return "learner:" + row.raterOrNull().learnerId();
    }
    String who =
        row.raterEmail() != null
            ? row.raterEmail()
            : row.raterName() != null ? "name:" + row.raterName() : "";
    return "patient:" + who.toLowerCase(Locale.ROOT);
  }

  static boolean validEmail(String text) {
    return text.length() <= MAX_EMAIL && EMAIL.matcher(text).matches();
  }

  private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
    Integer index = columns.get(name);
    if (index == null || index >= cells.size() || cells.get(index) == null) {
      return "";
    }
    return cells.get(index).strip();
  }

  private static String normalName(String name) {
    return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The course's people, found by e-mail, user id or name. */
  private static final class People {
    private final Map<String, List<Person>> studentsByEmail = new HashMap<>();
    private final Map<String, Person> studentsBySubject = new HashMap<>();
    private final Map<String, List<Person>> studentsByName = new HashMap<>();
    private final Map<String, List<Person>> facultyByEmail = new HashMap<>();
    private final Map<String, Person> facultyBySubject = new HashMap<>();

    People(Course course) {
      for (Person p : course.students()) {
        if (p.email() != null && !p.email().isBlank()) {
          studentsByEmail
              .computeIfAbsent(p.email().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .add(p);
        }
        studentsBySubject.put(p.subject(), p);
        if (p.name() != null && !p.name().isBlank()) {
          studentsByName.computeIfAbsent(normalName(p.name()), k -> new ArrayList<>()).add(p);
        }
      }
      for (Person p : course.faculty()) {
        if (p.email() != null && !p.email().isBlank()) {
          facultyByEmail
              .computeIfAbsent(p.email().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .add(p);
        }
        facultyBySubject.put(p.subject(), p);
      }
    }

    Person student(int row, String text, List<Problem> problems) {
      if (text.contains("@")) {
        List<Person> found = studentsByEmail.getOrDefault(text.toLowerCase(Locale.ROOT), List.of());
        if (found.size() == 1) {
          return found.get(0);
        }
        if (found.size() > 1) {
          problems.add(
              new Problem(
                  row,
                  "student",
                  "more than one student of this course has the e-mail address "
                      + text
                      + ". Write the student's LMS user id instead."));
          return null;
        }
      }
      Person bySubject = studentsBySubject.get(text);
      if (bySubject != null) {
        return bySubject;
      }
      List<Person> byName = studentsByName.getOrDefault(normalName(text), List.of());
      if (byName.size() == 1) {
        return byName.get(0);
      }
      if (byName.size() > 1) {
        problems.add(
            new Problem(
                row,
                "student",
                byName.size()
                    + " students of this course are called '"
                    + text
                    + "'. Write the student's e-mail address in the LMS or their LMS user id"
                    + " instead of the name."));
        return null;
      }
      problems.add(
          new Problem(
              row,
              "student",
              "no student of this course has the e-mail address, LMS user id or name '"
                  + text
                  + "'. Check the spelling against the course's list of participants; a student"
                  + " who has never opened Rapport is known once the course roster has been"
                  + " fetched."));
      return null;
    }

    Person rater(int row, RaterType type, String text, Person rated, List<Problem> problems) {
      String who = type == RaterType.FACULTY ? "faculty member" : "student";
      if (text.isEmpty()) {
        problems.add(
            new Problem(
                row,
                "rater_email",
                "a "
                    + type.code()
                    + " rater rates inside the LMS, so write their e-mail address in the LMS (or"
                    + " their LMS user id) here."));
        return null;
      }
      Map<String, List<Person>> byEmail =
          type == RaterType.FACULTY ? facultyByEmail : studentsByEmail;
      Map<String, Person> bySubject =
          type == RaterType.FACULTY ? facultyBySubject : studentsBySubject;
      List<Person> found = byEmail.getOrDefault(text.toLowerCase(Locale.ROOT), List.of());
      Person person = found.size() == 1 ? found.get(0) : bySubject.get(text);
      if (person == null && found.size() > 1) {
        problems.add(
            new Problem(
                row,
                "rater_email",
                "more than one "
                    + who
                    + " of this course has the e-mail address "
                    + text
                    + ". Write their LMS user id instead."));
        return null;
      }
      if (person == null) {
        boolean otherKind =
            type == RaterType.FACULTY
                ? studentsBySubject.containsKey(text)
                    || studentsByEmail.containsKey(text.toLowerCase(Locale.ROOT))
                : facultyBySubject.containsKey(text)
                    || facultyByEmail.containsKey(text.toLowerCase(Locale.ROOT));
        problems.add(
            new Problem(
                row,
                "rater_email",
                otherKind
                    ? "'"
                        + text
                        + "' is in this course, but not as a "
                        + who
                        + ". Use rater_type "
                        + (type == RaterType.FACULTY ? "peer" : "faculty")
                        + " for them, or name another rater."
                    : "no "
                        + who
                        + " of this course has the e-mail address or LMS user id '"
                        + text
                        + "'. "
                        + (type == RaterType.FACULTY ? "Faculty" : "Peers")
                        + " rate inside the LMS, so they must be members of this course."));
        return null;
      }
      if (type == RaterType.PEER && rated != null && person.learnerId() == rated.learnerId()) {
        problems.add(
            new Problem(
                row,
                "rater_email",
                "a student cannot rate their own encounter. Name another student as the peer."));
        return null;
      }
      return person;
    }
  }
}
