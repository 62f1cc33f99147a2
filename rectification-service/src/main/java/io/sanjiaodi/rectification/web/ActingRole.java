package io.sanjiaodi.rectification.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code ActorRole} parameter that receives the ledger role of the requesting user, as
 * {@link LedgerRoles} maps the bearer token's role (401 without a token, 403 ROLE_NOT_ALLOWED for a
 * role without one). It comes from the token, never from the client's request, so the OpenAPI
 * document leaves it out ({@link Hidden}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Hidden
@interface ActingRole {}
