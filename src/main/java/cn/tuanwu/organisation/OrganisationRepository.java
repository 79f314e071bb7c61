package cn.tuanwu.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganisationRepository extends JpaRepository<Organisation, String> {

    /**
     * Reads straight into {@link OrganisationInfo}: no managed entity, so nothing for Hibernate to keep and
     * dirty-check at each flush of a long transaction (a campaign close reads hundreds per job).
     */
    String INFO = "SELECT new cn.tuanwu.organisation.OrganisationInfo(o.code, o.name, o.parentCode, o.category, o.level, "
            + "o.path, o.contactEmail) FROM Organisation o";

    @Query(INFO + " WHERE o.code = :code")
    Optional<OrganisationInfo> findInfo(@Param("code") String code);

    @Query(INFO + " WHERE o.parentCode = :code ORDER BY o.code")
    List<OrganisationInfo> findChildInfos(@Param("code") String code);

    Optional<Organisation> findByLevel(int level);

    List<Organisation> findByCodeIn(java.util.Collection<String> codes);

    /** Spring Data escapes LIKE wildcards here, so codes with '_' are safe. */
    List<Organisation> findByPathStartingWith(String pathPrefix);
}
