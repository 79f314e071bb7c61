package cn.tuanwu.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages' addresses without ".html". The pages are static files under {@code static/app/} that call
 * {@code /api} from the browser; who may open them is decided in identity's page security.
 */
@Configuration(proxyBeanMethods = false)
class PageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/app", "/app/upload");
        registry.addRedirectViewController("/app/", "/app/upload");
        registry.addViewController("/app/login").setViewName("forward:/app/login.html");
        registry.addViewController("/app/upload").setViewName("forward:/app/upload.html");
        registry.addViewController("/app/transfer").setViewName("forward:/app/transfer.html");
        registry.addViewController("/app/dashboard").setViewName("forward:/app/dashboard.html");
    }
}
