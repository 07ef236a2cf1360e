// One Bolt listener per kind of request, and the app's listeners found by their id in a map.
//
// Why: Bolt runs the matching middleware of every registered listener for every request, all of them at once,
// before the one that matches can acknowledge. With the app's sixty-odd listeners that is about 0.4–0.7 ms of CPU
// per request on the path to its answer (a handful of listeners: about 0.05 ms), and a burst of 32 requests pays
// it 32 times over on one thread. Here a click, a submission, a shortcut or a command costs one map look-up;
// Events API listeners stay Bolt's own (a few, with Bolt's event-type matching).
//
// Each id has one listener: a second registration of the same id is a mistake in the code and stops the start.
import type {
  AllMiddlewareArgs, App, BlockAction, SlackAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs,
  SlackShortcut, SlackShortcutMiddlewareArgs, SlackViewAction, SlackViewMiddlewareArgs, ViewSubmitAction,
} from "@slack/bolt";

/** What a listener module registers on: Bolt's own API for these kinds, one id and one listener each. */
export interface Listeners {
  action<A extends SlackAction = BlockAction>(actionId: string, listener: (args: SlackActionMiddlewareArgs<A> & AllMiddlewareArgs) => Promise<void>): void;
  view<V extends SlackViewAction = ViewSubmitAction>(callbackId: string, listener: (args: SlackViewMiddlewareArgs<V> & AllMiddlewareArgs) => Promise<void>): void;
  shortcut<S extends SlackShortcut = SlackShortcut>(callbackId: string, listener: (args: SlackShortcutMiddlewareArgs<S> & AllMiddlewareArgs) => Promise<void>): void;
  command(name: string, listener: (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => Promise<void>): void;
  event: App["event"];
}

/**
 * A listener as the router keeps it. `run` is declared as a method so that a listener written for one kind of
 * action (a button's BlockAction<ButtonAction>, say) is kept beside the others: TypeScript compares a method's
 * parameter both ways, as Bolt's own `app.action<A>` trusts the id to say which kind of action arrives.
 */
interface Route<Args> { run(args: Args): Promise<void> }

class Table<Args> {
  private readonly routes = new Map<string, Route<Args>>();
  constructor(private readonly kind: string) {}

  add(id: string, route: Route<Args>): void {
    if (this.routes.has(id)) throw new Error(`two ${this.kind} listeners for ${id}`);
    this.routes.set(id, route);
  }

  /** Runs the id's listener; an id nobody listens for is left unanswered, as Bolt leaves it. */
  async run(id: string | undefined, args: Args): Promise<void> {
    const route = id === undefined ? undefined : this.routes.get(id);
    if (route) await route.run(args);
  }
}

const EVERY = /(?:)/;

/** The id of a click's element; a body without one (not a block action) has none to route by. */
function actionId(body: SlackAction): string | undefined {
  if (body.type !== "block_actions") return undefined;
  const first: unknown = body.actions[0];
  return typeof first === "object" && first !== null && "action_id" in first && typeof first.action_id === "string" ? first.action_id : undefined;
}

export function routeListeners(app: App): Listeners {
  const actions = new Table<SlackActionMiddlewareArgs & AllMiddlewareArgs>("action");
  const views = new Table<SlackViewMiddlewareArgs & AllMiddlewareArgs>("view");
  const shortcuts = new Table<SlackShortcutMiddlewareArgs & AllMiddlewareArgs>("shortcut");
  const commands = new Table<SlackCommandMiddlewareArgs & AllMiddlewareArgs>("command");
  // Bolt's matching stays as it was for each kind (a view listener hears submissions, not closings).
  app.action(EVERY, (args) => actions.run(actionId(args.body), args));
  app.view({ callback_id: EVERY, type: "view_submission" }, (args) => views.run(args.view.callback_id, args));
  app.shortcut(EVERY, (args) => shortcuts.run(args.shortcut.callback_id, args));
  app.command(EVERY, (args) => commands.run(args.command.command, args));
  return {
    action: (id, listener) => actions.add(id, { run: listener }),
    view: (id, listener) => views.add(id, { run: listener }),
    shortcut: (id, listener) => shortcuts.add(id, { run: listener }),
    command: (name, listener) => commands.add(name, { run: listener }),
    event: app.event.bind(app),
  };
}
