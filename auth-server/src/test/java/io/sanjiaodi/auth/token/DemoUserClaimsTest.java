package io.sanjiaodi.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.auth.user.DemoUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/** Each demo user's tokens carry exactly the claims of the security contract's table. */
class DemoUserClaimsTest {

    private static final DemoUsers USERS = DemoUsers.fromClasspath();
    private static final List<String> STATIONED_UNITS =
            List.of("nb-transport", "nb-road-transport", "nb-passenger-transport", "nb-port-shipping");

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            leader         | LEADERSHIP         | ningbo  |                       | 陈明
            office         | SUPERVISION_OFFICE | ningbo  |                       | 周静
            office-fenghua | SUPERVISION_OFFICE | fenghua |                       | 奉化区纪委监委干部
            stationed      | SUPERVISING_BODY   | ningbo  |                       | 吴刚
            unit-leader    | UNIT_LEADER        | ningbo  | nb-transport          | 张某
            unit-staff     | UNIT_STAFF         | ningbo  | nb-transport          | 市交通局干部
            subunit-staff  | UNIT_STAFF         | ningbo  | nb-passenger-transport | 市客运管理局干部
            auditor        | AUDITOR            | ningbo  |                       | 审计员
            admin          | ADMIN              | ningbo  |                       | 系统管理员
            """)
    void accessAndIdTokensCarryTheUsersClaims(String user, String role, String jurisdiction, String unit, String name) {
        for (String type : new String[] {OAuth2TokenType.ACCESS_TOKEN.getValue(), "id_token"}) {
            Map<String, Object> claims = customized(user, new OAuth2TokenType(type));
            assertThat(claims)
                    .containsEntry("sub", user)
                    .containsEntry("name", name)
                    .containsEntry("roles", List.of(role))
                    .containsEntry("jurisdiction_id", jurisdiction);
            if (unit == null) {
                assertThat(claims).doesNotContainKey("unit_id");
            } else {
                assertThat(claims).containsEntry("unit_id", unit);
            }
            assertThat(claims)
                    .containsEntry("supervised_unit_ids", user.equals("stationed") ? STATIONED_UNITS : List.of());
        }
        assertThat(USERS.all()).hasSize(9);
    }

    @ParameterizedTest
    @CsvSource({"refresh_token,office", "id_token,somebody-else"})
    void otherTokensAndUnknownPrincipalsAreLeftAlone(String type, String user) {
        assertThat(customized(user, new OAuth2TokenType(type))).containsOnlyKeys("sub");
    }

    @ParameterizedTest
    @CsvSource({"office", "somebody-else"})
    void everyAccessTokenIsTypedAtJwtAndAddressedToTheApi(String user) {
        JwsHeader.Builder header = JwsHeader.with(SignatureAlgorithm.RS256);
        Map<String, Object> claims = customized(user, OAuth2TokenType.ACCESS_TOKEN, header);
        assertThat(header.build().getType()).isEqualTo("at+jwt");
        assertThat(claims).containsEntry("aud", List.of("sanjiaodi-api"));
    }

    @Test
    void theIdTokenKeepsItsTypeAndAudienceSoTheServicesRefuseIt() {
        JwsHeader.Builder header = JwsHeader.with(SignatureAlgorithm.RS256);
        Map<String, Object> claims = customized("office", new OAuth2TokenType("id_token"), header);
        assertThat(header.build().getType()).isNull();
        assertThat(claims).doesNotContainKey("aud").containsEntry("roles", List.of("SUPERVISION_OFFICE"));
    }

    private static Map<String, Object> customized(String user, OAuth2TokenType type) {
        return customized(user, type, JwsHeader.with(SignatureAlgorithm.RS256));
    }

    private static Map<String, Object> customized(String user, OAuth2TokenType type, JwsHeader.Builder header) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(user);
        JwtEncodingContext context = JwtEncodingContext.with(header, claims)
                .principal(new UsernamePasswordAuthenticationToken(user, null, List.of()))
                .tokenType(type)
                .build();
        new DemoUserClaims(USERS, "sanjiaodi-api").customize(context);
        return claims.build().getClaims();
    }
}
