package cn.tuanwu.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "organisation")
class Organisation {

    @Id
    private String code;
    private String name;
    @Column(name = "parent_code")
    private String parentCode;
    @Enumerated(EnumType.STRING)
    private Category category;
    private int level;
    private String path;
    @Column(name = "contact_email")
    private String contactEmail;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Organisation() {
    }

    static Organisation root(String code, String name, Instant now) {
        Organisation root = new Organisation();
        root.code = code;
        root.name = name;
        root.level = 0;
        root.path = "/" + code + "/";
        root.createdAt = now;
        return root;
    }

    Organisation child(String code, String name, Category category, String contactEmail, Instant now) {
        Organisation child = new Organisation();
        child.code = code;
        child.name = name;
        child.parentCode = this.code;
        child.category = category;
        child.level = level + 1;
        child.path = path + code + "/";
        child.contactEmail = contactEmail;
        child.createdAt = now;
        return child;
    }

    OrganisationInfo info() {
        return new OrganisationInfo(code, name, parentCode, category, level, path, contactEmail);
    }

    String code() {
        return code;
    }

    int level() {
        return level;
    }
}
