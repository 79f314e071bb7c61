package cn.tuanwu.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, String> {

    List<Organisation> findByParentCodeOrderByCode(String parentCode);

    Optional<Organisation> findByLevel(int level);

    List<Organisation> findByCodeIn(java.util.Collection<String> codes);

    /** Spring Data escapes LIKE wildcards here, so codes with '_' are safe. */
    List<Organisation> findByPathStartingWith(String pathPrefix);
}
