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
import java.time.Instant;
import java.util.Date;
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
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "20000");
    p.put("mail.smtp.writetimeout", "20000");
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
