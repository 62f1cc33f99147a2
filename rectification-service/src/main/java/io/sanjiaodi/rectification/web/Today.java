package io.sanjiaodi.rectification.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code LocalDate} parameter that receives today's date from the injected
 * {@code java.time.Clock} (zone {@code rectification.zone}): every dated command (verifiedOn,
 * filedOn, ...) is dated by the service, never by the client, so the OpenAPI document leaves it
 * out ({@link Hidden}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Hidden
@interface Today {}
