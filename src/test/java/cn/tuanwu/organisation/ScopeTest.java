package cn.tuanwu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

    private static final OrganisationInfo CITY = org("TSW", null, 0, "/TSW/");
    private static final OrganisationInfo HP = org("HP", "TSW", 1, "/TSW/HP/");
    private static final OrganisationInfo HP01 = org("HP01", "HP", 2, "/TSW/HP/HP01/");
    private static final OrganisationInfo HP0101 = org("HP0101", "HP01", 3, "/TSW/HP/HP01/HP0101/");
    private static final OrganisationInfo HP1 = org("HP1", "TSW", 1, "/TSW/HP1/");
    private static final OrganisationInfo XH = org("XH", "TSW", 1, "/TSW/XH/");

    private static OrganisationInfo org(String code, String parent, int level, String path) {
        return new OrganisationInfo(code, code, parent, level == 1 ? Category.DISTRICT : null, level, path, null);
    }

    @Test
    void aScopeIsItsRootsWithEverythingBelowThem() {
        Scope scope = new Scope(List.of(HP01));
        assertThat(scope.contains(HP01)).isTrue();
        assertThat(scope.contains(HP0101)).isTrue();
        assertThat(scope.contains(HP)).as("the parent is outside").isFalse();
        assertThat(scope.contains(XH)).isFalse();
    }

    @Test
    void aCodeThatStartsLikeAnotherIsNotBelowIt() {
        assertThat(new Scope(List.of(HP)).contains(HP1)).isFalse();
    }

    @Test
    void rootsBelowOtherRootsAreDropped() {
        Scope scope = new Scope(List.of(HP0101, HP, XH, HP01, HP));
        assertThat(scope.roots()).containsExactlyInAnyOrder(HP, XH);
        assertThat(scope.rootPaths()).containsExactlyInAnyOrder("/TSW/HP/", "/TSW/XH/");
    }

    @Test
    void theCityCommitteeSeesEverythingAndNoRolesSeeNothing() {
        assertThat(new Scope(List.of(CITY)).contains(HP0101)).isTrue();
        Scope none = new Scope(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.contains(CITY)).isFalse();
    }

    @Test
    void topLevelCodeComesFromThePath() {
        assertThat(HP0101.topLevelCode()).isEqualTo("HP");
        assertThat(HP.topLevelCode()).isEqualTo("HP");
        assertThat(CITY.topLevelCode()).isNull();
    }
}
