// The managers' weekly digest as a message. Pure: figures in, Block Kit out; the catalogue escapes customer names.
import type { DigestFigures } from "../../domain/digest.ts";
import type { Translate } from "../i18n/index.ts";
import type { SlackMessage } from "./case-message.ts";
import { clip, mrkdwn, plain } from "./text.ts";

const names = (list: readonly string[]) => list.map((n) => clip(n, 40)).join("、");

export function digestMessage(f: DigestFigures, t: Translate): SlackMessage {
  const title = t("digest.title", { from: f.from, to: f.to });
  const lines = [
    t("digest.cases", { opened: f.opened, ended: f.ended }),
    t("digest.incidents", { consumed: f.consumed, released: f.released }),
    t("digest.ending", { count: f.ending.count, names: names(f.ending.names) }),
    t("digest.running_out", { count: f.runningOut.count, names: names(f.runningOut.names) }),
    t("digest.breaches", { n: f.breaches }),
    t("digest.ratings", { count: f.ratings.count, average: f.ratings.average === null ? "—" : String(f.ratings.average) }),
  ];
  return { text: title, blocks: [{ type: "header", text: plain(title, 150) }, { type: "section", text: mrkdwn(lines.join("\n")) }] };
}
