package cn.tuanwu.upload;

import org.springframework.data.jpa.repository.JpaRepository;

interface UploadRepository extends JpaRepository<Upload, String> {
}
