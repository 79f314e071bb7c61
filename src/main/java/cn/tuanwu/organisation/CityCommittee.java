package cn.tuanwu.organisation;

import cn.tuanwu.shared.StartupLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every installation has exactly one root: the city committee (团市委), made at first start. */
@Component
@Order(10)
class CityCommittee implements ApplicationRunner {

    private final Organisations organisations;
    private final StartupLock startupLock;
    private final String code;
    private final String name;

    CityCommittee(Organisations organisations, StartupLock startupLock,
            @Value("${tuanwu.city-committee.code}") String code, @Value("${tuanwu.city-committee.name}") String name) {
        this.organisations = organisations;
        this.startupLock = startupLock;
        this.code = code;
        this.name = name;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runExclusively(() -> organisations.ensureCityCommittee(code, name));
    }
}
