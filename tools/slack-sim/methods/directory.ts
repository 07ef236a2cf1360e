// Who is who: auth.test (which Bolt calls before anything else), users.info, team.info and user groups.
import { flag, refuse, required, stringArg } from "../args.ts";
import type { Workspace } from "../workspace.ts";
import type { MethodFamily } from "./method.ts";

export function directoryMethods(ws: Workspace): MethodFamily {
  return {
    "auth.test": () => ({
      url: `https://${ws.teamDomain}.slack.com/`,
      team: ws.teamDomain,
      user: "incident-desk",
      team_id: ws.teamId,
      user_id: ws.botUserId,
      bot_id: ws.botId,
      is_enterprise_install: false,
    }),

    "users.info": (args) => {
      const id = required(args, "user");
      const user = ws.plausibleUser(id);
      if (user === undefined) refuse("user_not_found");
      const name = user.name ?? `user-${id.toLowerCase()}`;
      const external = user.is_external ?? user.team_id !== ws.teamId;
      return {
        user: {
          id: user.id,
          team_id: user.team_id,
          name,
          deleted: false,
          real_name: name,
          tz: "Asia/Tokyo",
          tz_label: "Japan Standard Time",
          tz_offset: 32_400,
          is_bot: user.id === ws.botUserId,
          is_app_user: false,
          is_restricted: false,
          is_ultra_restricted: false,
          // Slack only reports a locale when asked for it.
          ...(flag(args.include_locale) ? { locale: user.locale ?? ws.defaultUserLocale } : {}),
          ...(external ? { is_stranger: true } : {}),
          profile: external
            ? { real_name: name, display_name: name, team: user.team_id }
            : { real_name: name, display_name: name, team: user.team_id, email: `${name}@example.com` },
        },
      };
    },

    "team.info": (args) => {
      const id = stringArg(args, "team") ?? ws.teamId;
      if (id === ws.teamId) return { team: { id, name: "T4U", domain: ws.teamDomain } };
      const team = ws.teams.get(id);
      if (team === undefined) refuse("team_not_found");
      return { team: { id, name: team.name, domain: `org-${id.toLowerCase()}` } };
    },

    "usergroups.users.list": (args) => {
      const id = required(args, "usergroup");
      const members = ws.userGroups.get(id);
      if (members === undefined) refuse("no_such_subteam");
      return { users: [...members] };
    },
  };
}
