package org.wassist.command;

import org.wassist.pipeline.Role;

/** How a command is invoked, what it does, and the least role that may use it. */
public record CommandSpec(String usage, String description, Role minRole) {}
