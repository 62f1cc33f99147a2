package io.sanjiaodi.supervision.web;

import io.sanjiaodi.supervision.DashboardProperties;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * What the web slice tests start from: the supervision web package scanned as a host would scan
 * it, with the slice's filter, so a {@code @WebMvcTest} gets exactly the controllers it names.
 */
@SpringBootConfiguration
@EnableConfigurationProperties(DashboardProperties.class)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
class WebTestApplication {}
