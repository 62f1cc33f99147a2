package io.sanjiaodi.interview.web;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.interview.command.unit.UnitCommands.ReviseUnit;
import io.sanjiaodi.interview.query.units.UnitRegistry;
import io.sanjiaodi.interview.query.units.UnitView;
import io.sanjiaodi.interview.web.UrlIds.UnitId;
import io.sanjiaodi.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * The unit registry the commission keeps: which jurisdiction each unit belongs to and who manages
 * its leader's post. Scheduling and scope are checked against it; an edit is a command on the record.
 */
@RestController
@Validated
@RequestMapping("/api/units")
class UnitController {

    private final UnitRegistry units;
    private final CommandGateway commands;

    UnitController(UnitRegistry units, CommandGateway commands) {
        this.units = units;
        this.commands = commands;
    }

    record UnitBody(
            @NotBlank @Size(max = 200) String name,

            @NotBlank @Pattern(regexp = InterviewRequests.ID)
            String jurisdictionId,

            @NotNull CadreLevel leaderCadreLevel,

            @Pattern(regexp = InterviewRequests.ID) String parentUnitId) {}

    @GetMapping
    List<UnitView> all() {
        return units.all();
    }

    @GetMapping("/{unitId}")
    UnitView get(@PathVariable UnitId unitId) {
        return units.find(unitId.value());
    }

    /** Registers the unit or revises it; a parent unit must be registered first. */
    @PutMapping("/{unitId}")
    UnitView put(@PathVariable UnitId unitId, @Valid @RequestBody UnitBody body) {
        if (body.parentUnitId() != null && units.lookup(body.parentUnitId()).isEmpty()) {
            throw Refusal.unprocessable(
                    "PARENT_UNIT_NOT_REGISTERED", "unit " + body.parentUnitId() + " is not in the registry");
        }
        commands.sendAndWait(new ReviseUnit(
                unitId.value(), body.name(), body.jurisdictionId(), body.leaderCadreLevel(), body.parentUnitId()));
        return new UnitView(
                unitId.value(), body.name(), body.jurisdictionId(), body.leaderCadreLevel(), body.parentUnitId());
    }
}
