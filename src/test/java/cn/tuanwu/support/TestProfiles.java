package cn.tuanwu.support;

import org.springframework.test.context.ActiveProfilesResolver;

/** {@code test}, plus {@code postgres} when the build runs with -Dtuanwu.test.db=postgres. */
public class TestProfiles implements ActiveProfilesResolver {

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("tuanwu.test.db"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return onPostgres() ? new String[] {"test", "postgres"} : new String[] {"test"};
    }
}
