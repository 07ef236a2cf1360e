// Reading submitted modal values by their block/action ids, with types checked at the edge.
interface ViewState { state: { values: Record<string, Record<string, unknown>> } }
type Input = { block: string; action: string };

function element(view: ViewState, input: Input): Record<string, unknown> | null {
  // A payload Slack would never send may lack its state: read it as empty rather than fail.
  const values = (view.state as Partial<ViewState["state"]> | undefined)?.values;
  const value = values?.[input.block]?.[input.action];
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}

export function readText(view: ViewState, input: Input): string | null {
  const value = element(view, input)?.value;
  return typeof value === "string" ? value : null;
}

export function readOption(view: ViewState, input: Input): string | null {
  const option = element(view, input)?.selected_option;
  if (typeof option !== "object" || option === null) return null;
  const value = (option as Record<string, unknown>).value;
  return typeof value === "string" ? value : null;
}

export function readDate(view: ViewState, input: Input): string | null {
  const value = element(view, input)?.selected_date;
  return typeof value === "string" ? value : null;
}

export function readUser(view: ViewState, input: Input): string | null {
  const value = element(view, input)?.selected_user;
  return typeof value === "string" ? value : null;
}

export function readConversations(view: ViewState, input: Input): string[] {
  const value = element(view, input)?.selected_conversations;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function readUsers(view: ViewState, input: Input): string[] {
  const value = element(view, input)?.selected_users;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The values of a multi_static_select's chosen options. */
export function readOptions(view: ViewState, input: Input): string[] {
  const value = element(view, input)?.selected_options;
  if (!Array.isArray(value)) return [];
  return value.flatMap((o) => (typeof o === "object" && o !== null && typeof (o as Record<string, unknown>).value === "string" ? [(o as Record<string, unknown>).value as string] : []));
}
