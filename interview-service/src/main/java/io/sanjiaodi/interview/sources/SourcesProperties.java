package io.sanjiaodi.interview.sources;

import java.nio.file.Path;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keyFile the service key (AES-256, base64) that wraps every interview's data key; kept outside
 *                the repository, generated on first start readable by its owner only. Its one default
 *                is in interview-service.yml, because the path follows the environment
 *                ({@code INTERVIEW_SOURCES_KEY_FILE}, {@code SANJIAODI_DATA}).
 */
@ConfigurationProperties("interview.sources")
public record SourcesProperties(Path keyFile) {

    public SourcesProperties {
        Objects.requireNonNull(keyFile, "interview.sources.key-file is not set (interview-service.yml sets it)");
    }
}
