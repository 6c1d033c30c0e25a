package cn.shequflow.core.guard;

import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * A rule the engine enforces before it runs a command for a person below admin. Every route into
 * the engine (the REST API, Tasklist's and Cockpit's own APIs, Java callers with an authenticated
 * user) ends in an engine command, so a guard here closes a door on all of them at once.
 *
 * <p>A guard either lets the command through, rewrites what it carries (for example drops the
 * read-only fields Tasklist sends back), or refuses it: {@link Refusals#forbidden} for what the
 * person may not do (403), {@link cn.shequflow.core.process.InvalidInputException} for bad input
 * (400 naming the field). Guards run once per request, before the command's transaction starts, and
 * may read through the engine's services freely: their own calls are not guarded again.
 */
public interface CommandGuard {

  void check(Command<?> command, Caller caller);
}
