package cn.tuanwu.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox sender: e-mail through Spring Mail when {@code spring.mail.host} is set, else e-mails are HELD. */
@Configuration
@EnableScheduling
class SenderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SenderConfiguration.class);

    /**
     * Jakarta Mail 2.1 finds its {@code StreamProvider} anew, through a {@code ServiceLoader} scan of every jar, each
     * time it encodes or decodes a header or writes a body (jakartaee/mail-api#861): with Chinese subjects, several
     * scans per e-mail, the sender's largest cost at a window's close. Named here, each lookup is a loaded class.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    @Bean
    OutboxSender outboxSender(Outbox outbox, ObjectProvider<JavaMailSender> mail, NotificationSettings settings,
            Clock clock) {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.info("No mail server configured (spring.mail.host): e-mail notifications are HELD in the outbox");
        }
        return new OutboxSender(outbox, sender, settings, clock, nodeName());
    }

    /** Who holds a claim, for operators: host, process id and a random part (two JVMs on one host differ). */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
