package cn.tuanwu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TuanwuApplication {

    public static void main(String[] args) {
        SpringApplication.run(TuanwuApplication.class, args);
    }
}
