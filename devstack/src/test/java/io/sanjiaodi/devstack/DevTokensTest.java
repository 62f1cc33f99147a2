package io.sanjiaodi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @TempDir
    Path data;

    @Test
    void aMissingKeyFileIsGeneratedPrivatelyAndTokensAreAccessTokensWithTheContractsClaims() throws Exception {
        Path jwks = data.resolve("auth/jwks.json");
        String token = DevTokens.load(jwks, "http://localhost:9000").token("unit-leader");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jwks)))
                .isEqualTo("rw-------");
        RSAKey key = (RSAKey) JWKSet.parse(Files.readString(jwks)).getKeys().get(0);
        assertThat(key.isPrivate()).isTrue();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        // an access token as the auth server issues it: the services refuse anything else
        assertThat(jwt.getHeader().getType()).hasToString("at+jwt");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:9000");
        assertThat(claims.getAudience()).containsExactly("sanjiaodi-api");
        assertThat(claims.getSubject()).isEqualTo("unit-leader");
        assertThat(claims.getStringListClaim("roles")).containsExactly("UNIT_LEADER");
        assertThat(claims.getStringClaim("unit_id")).isEqualTo("nb-transport");
        assertThat(claims.getStringClaim("jurisdiction_id")).isEqualTo("ningbo");
        assertThat(claims.getExpirationTime()).isInTheFuture();

        // a second loader (or the auth server) uses the same key
        SignedJWT again =
                SignedJWT.parse(DevTokens.load(jwks, "http://localhost:9000").token("office"));
        assertThat(again.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
        assertThat(again.getJWTClaimsSet().getClaim("unit_id")).isNull();
    }

    @Test
    void unitsWithoutADemoUserGetAUnitLeaderAndASupervisingBodyOfTheirOwn() {
        assertThat(DemoUsers.unitLeader("nb-transport", "ningbo").id()).isEqualTo("unit-leader");
        DemoUsers.User hospital = DemoUsers.unitLeader("yy-hospital", "yuyao");
        assertThat(hospital.unitId()).isEqualTo("yy-hospital");
        assertThat(hospital.role()).isEqualTo("UNIT_LEADER");
        assertThat(DemoUsers.supervisingBody("nb-port-shipping", "ningbo").id()).isEqualTo("stationed");
        assertThat(DemoUsers.supervisingBody("jb-project-centre", "jiangbei").supervisedUnitIds())
                .containsExactly("jb-project-centre");
    }
}
