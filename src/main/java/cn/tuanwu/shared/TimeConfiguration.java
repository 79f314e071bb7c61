package cn.tuanwu.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Windows, ages and reports are in Asia/Shanghai whatever the server's zone. */
    @Bean
    Clock clock(@Value("${tuanwu.zone:Asia/Shanghai}") ZoneId zone) {
        return new EngineClock(zone);
    }
}
