package io.sanjiaodi.interview.web;

import io.sanjiaodi.interview.command.interview.InterviewCommands.EraseConfidentialSources;
import io.sanjiaodi.interview.command.interview.InterviewId;
import io.sanjiaodi.interview.web.InterviewRequests.ErasureBody;
import jakarta.validation.Valid;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Crypto-shredding of one interview's confidential sources (an administrator's act, on the record
 * as {@code ConfidentialSourcesErased}); the data key is destroyed by {@code sources.SourceErasure}
 * once the event is stored. What was published stays, and stays verifiable, but opens no more.
 */
@RestController
@Validated
class SourceErasureController {

    private final CommandGateway commands;

    SourceErasureController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/interviews/{interviewId}/confidential-sources/erasure")
    void erase(@PathVariable InterviewId interviewId, @Valid @RequestBody ErasureBody body) {
        commands.sendAndWait(new EraseConfidentialSources(interviewId, body.reason(), Instant.now()));
    }
}
