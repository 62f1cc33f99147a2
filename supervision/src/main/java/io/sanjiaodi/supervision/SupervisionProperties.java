package io.sanjiaodi.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param yellowDays a task due within this many days shows yellow (黄色预警)
 * @param orangeDays a task due within this many days shows orange (橙色预警); overdue is red
 */
@ConfigurationProperties("supervision")
public record SupervisionProperties(@DefaultValue("20") int yellowDays, @DefaultValue("10") int orangeDays) {
}
