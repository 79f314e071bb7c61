package cn.tuanwu.upload;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The container writes a large multipart upload to disk before the controller reads it: into this
 * node's scratch directory, so that a node killed mid-request leaves no member file behind (the next
 * node's start deletes it) — Tomcat's default is a directory of its own that nobody cleans.
 */
@Configuration(proxyBeanMethods = false)
class MultipartLocation {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties properties, ScratchFiles scratch) {
        return new MultipartConfigElement(scratch.directory().toString(), properties.getMaxFileSize().toBytes(),
                properties.getMaxRequestSize().toBytes(), (int) properties.getFileSizeThreshold().toBytes());
    }
}
