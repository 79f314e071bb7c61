package cn.tuanwu.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server (GreenMail) for the whole test run: every application context the tests start
 * sends its e-mails here, as production sends them to its mail server, so a test can check what
 * arrived and how often.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final GreenMail SERVER = start();

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (Boolean.getBoolean("tuanwu.test.noMail")) {
            // A benchmark may leave the SMTP server out: e-mails then stay in the outbox (HELD).
            return;
        }
        TestPropertyValues.of("spring.mail.host=127.0.0.1",
                "spring.mail.port=" + SERVER.getSmtp().getPort()).applyTo(context);
    }

    /** Every message received so far addressed to {@code address} (To), in arrival order. */
    public static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(message -> addressedTo(message, address)).toList();
    }

    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null
                    && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
