/**
 * The integration admins' console: the hub's own Hawtio plugin (registered by {@link
 * se.hjalpmedelsnav.hub.console.ConsolePlugin}, its TypeScript sources in {@code routes/src/main/console-plugin}) and
 * the read-only JSON it shows: traffic per municipality ({@code /api/admin/overview}) and the registry in force
 * ({@code /api/admin/registry}) and one message's journey ({@code /api/admin/messages/{hubReference}/journey}). References, codes, counts and times only: never a message body or a person's data.
 */
package se.hjalpmedelsnav.hub.console;
