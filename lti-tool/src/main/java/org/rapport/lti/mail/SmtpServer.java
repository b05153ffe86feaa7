package org.rapport.lti.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * An SMTP server to send through, with a Jakarta Mail {@link Session} made from the settings (no
 * container mail resource).
 *
 * @param host {@code null} when not configured: nothing can be sent yet
 * @param password {@code null} unless {@code RAPPORT_MAIL_PASSWORD} is set
 */
public record SmtpServer(
    String host, int port, String from, String username, String password, boolean starttls) {

  public boolean configured() {
    return host != null;
  }

  Session session() {
    return session(Duration.ofSeconds(10), Duration.ofSeconds(20));
  }

  private Session session(Duration connect, Duration io) {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.connectiontimeout", Long.toString(connect.toMillis()));
    p.put("mail.smtp.timeout", Long.toString(io.toMillis()));
    p.put("mail.smtp.writetimeout", Long.toString(io.toMillis()));
    p.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
    p.put("mail.smtp.starttls.required", Boolean.toString(starttls));
    Authenticator auth = null;
    if (username != null) {
      p.put("mail.smtp.auth", "true");
      String user = username;
      String pass = password == null ? "" : password;
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, pass);
            }
          };
    }
    return Session.getInstance(p, auth);
  }

  /**
   * Whether the server answers: connects (with STARTTLS and sign-in when configured) within {@code
   * timeout} for each step, then says goodbye without sending anything.
   *
   * @return why it cannot be reached or refused the connection; empty when it answered
   */
  public Optional<String> problemReaching(Duration timeout) {
    if (!configured()) {
      return Optional.of("No SMTP server is configured (rapport.mail.host); mail waits.");
    }
    try (Transport transport = session(timeout, timeout).getTransport("smtp")) {
      transport.connect();
      return Optional.empty();
    } catch (MessagingException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      String why =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      return Optional.of(host + ":" + port + " did not answer: " + why);
    }
  }

  /**
   * Sends one plain-text mail dated {@code sentAt}; throws when the server refuses it or cannot be
   * reached.
   */
  public void send(String to, String subject, String body, Instant sentAt)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(body, StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(sentAt));
    Transport.send(message);
  }
}
