package cn.tuanwu.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.TuanwuTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webapps speak Chinese by default: our config.js and zh-CN.json are served, not the webjar's defaults. */
@TuanwuTest
class WebappLocalesTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configurationNamesChineseFirstAndAsTheFallback(String app) {
        Api.Download config = new Api(port).fetch("/camunda/app/" + app + "/scripts/config.js", null);
        assertThat(config.status()).as("served before login, like the rest of the login page").isEqualTo(200);
        String script = new String(config.body(), StandardCharsets.UTF_8);
        assertThat(script).contains("availableLocales: ['zh-CN', 'en']").contains("fallbackLocale: 'zh-CN'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseLabelsCoverEveryLabelOfTheWebapp(String app) {
        Api api = new Api(port);
        Api.Download file = api.fetch("/camunda/app/" + app + "/locales/zh-CN.json", null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()[0]).as("UTF-8 without a byte order mark").isEqualTo((byte) '{');
        JsonNode chinese = file.asResponse().json();
        // Camunda's own en.json starts with a byte order mark.
        String englishText = new String(api.fetch("/camunda/app/" + app + "/locales/en.json", null).body(),
                StandardCharsets.UTF_8).replace("\uFEFF", "");
        JsonNode english = new Api.Response(200, englishText).json();

        // zh-CN is the fallback too, so a label it lacks would show as its key: after a Camunda upgrade,
        // run src/webapp-locales/build.py.
        assertThat(names(chinese.get("labels"))).containsExactlyInAnyOrderElementsOf(names(english.get("labels")));
        assertThat(chinese.at("/labels/PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("登录");
        assertThat(chinese.at("/dateLocales/longDateFormat/LLL").asText()).isEqualTo("YYYY年M月D日 HH:mm");
        assertThat(chinese.at("/dateLocales/months/8").asText()).isEqualTo("九月");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist:0.95", "admin:0.95", "welcome:0.95", "cockpit:0.95"})
    void mostLabelsAreChinese(String appAndShare) {
        String app = appAndShare.split(":")[0];
        double share = Double.parseDouble(appAndShare.split(":")[1]);
        JsonNode labels = new Api(port).fetch("/camunda/app/" + app + "/locales/zh-CN.json", null).asResponse().json()
                .get("labels");
        long chinese = names(labels).stream().filter(name -> hasChinese(labels.get(name).asText())).count();
        assertThat((double) chinese / labels.size()).as(app).isGreaterThanOrEqualTo(share);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseLabelsKeepThePlaceholdersOfTheEnglishOnes(String app) {
        // A translation that drops or renames a {{…}} interpolation shows a gap or a raw name instead of the value.
        Api api = new Api(port);
        JsonNode chinese = api.fetch("/camunda/app/" + app + "/locales/zh-CN.json", null).asResponse().json()
                .get("labels");
        String englishText = new String(api.fetch("/camunda/app/" + app + "/locales/en.json", null).body(),
                StandardCharsets.UTF_8).replace("\uFEFF", "");
        JsonNode english = new Api.Response(200, englishText).json().get("labels");
        List<String> mismatches = new ArrayList<>();
        for (String name : names(english)) {
            Set<String> expected = placeholders(english.get(name).asText());
            Set<String> actual = placeholders(chinese.path(name).asText());
            if (!actual.equals(expected)) {
                mismatches.add(name + ": " + expected + " but " + actual);
            }
        }
        assertThat(mismatches).as(app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DASHBOARD_OPEN_INCIDENTS:未解决的故障", "PLUGIN_INCIDENTS_LABEL:故障",
            "PLUGIN_PROCESS_INSTANCES_LABEL:流程实例", "PLUGIN_VARIABLE_NO_PROCESS_VARIABLES:没有流程变量",
            "COCKPIT_DEPLOYMENTS:部署", "PLGN_SEAR:搜索流程实例"})
    void cockpitUsesTheProjectsTerms(String labelAndText) {
        String[] pair = labelAndText.split(":");
        JsonNode labels = new Api(port).fetch("/camunda/app/cockpit/locales/zh-CN.json", null).asResponse().json()
                .get("labels");
        assertThat(labels.get(pair[0]).asText()).isEqualTo(pair[1]);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
