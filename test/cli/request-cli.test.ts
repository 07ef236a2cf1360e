// `request list` on the command line: the customers' renewal and purchase applications made in Slack, the open
// ones by default, every one with --all, one customer's with --customer; a table or JSON; a bad flag is exit 2
// naming it. Rules: R-CON-5 (a request is not a contract), R-CON-7 (who decided is on record).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { createPurchaseRequest } from "../../src/services/create-purchase-request.ts";
import { renewContract } from "../../src/services/renew-contract.ts";
import { declinePurchaseRequest } from "../../src/services/settle-purchase-request.ts";
import { createWorld, CUSTOMER, MANAGER, registerCustomer, type World } from "../services/contract-world.ts";

let w: World;
const ids: Record<"open" | "registered" | "declined" | "other", number> = { open: 0, registered: 0, declined: 0, other: 0 };
let renewed = 0;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { DATABASE_URL: w.database.url }, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function apply(customer: { customerId: number; channelId: string; contractId: number }, key: string, kind: "renewal" | "addition", incidents: number): Promise<number> {
  const made = await createPurchaseRequest(w.deps, {
    requestKey: `request-cli-${key}`, customerId: customer.customerId, channelId: customer.channelId, kind, contractId: customer.contractId,
    companyName: "株式会社サンプル", contactName: "山田 太郎", contactEmail: "yamada@example.jp", incidents,
    startsOn: kind === "renewal" ? "2027-04-01" : null, note: "来期も\n同じ規模で", actorId: CUSTOMER,
  });
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return made.requestId;
}

beforeAll(async () => {
  w = await createWorld("2026-04-01 10:00");
  const sample = await registerCustomer(w, { name: "株式会社サンプル", incidents: 10, confirmedOn: "2026-04-01" });
  const other = await registerCustomer(w, { name: "他社株式会社", incidents: 5, confirmedOn: "2026-04-01" });
  await registerCustomer(w, { name: "三社目株式会社", incidents: 5, confirmedOn: "2026-04-01" });
  ids.registered = await apply(sample, "registered", "renewal", 12);
  ids.declined = await apply(sample, "declined", "addition", 3);
  ids.open = await apply(sample, "open", "addition", 5);
  ids.other = await apply(other, "other", "renewal", 8);
  const renewal = await renewContract(w.deps, { customerId: sample.customerId, incidents: 12, startsOn: "2027-04-01", actorId: MANAGER, purchaseRequestId: ids.registered });
  if (!renewal.ok) throw new Error("renewal refused");
  renewed = renewal.contractId;
  expect(await declinePurchaseRequest(w.deps, { requestId: ids.declined, reason: "今期は\n見送りとさせてください", actorId: MANAGER })).toEqual({ ok: true });
});
afterAll(async () => {
  await w?.close();
});

const rows = (out: string) => out.split("\n").slice(1);

describe("request list", () => {
  it("explains itself with --help and is named in the command line's help", async () => {
    const help = await cli("request", "list", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("npm run cli -- request list [--all] [--customer NAME] [--json]");
    expect((await cli("--help")).out).toContain("request list");
  });

  it("lists only the open requests by default, newest first, as a table", async () => {
    const r = await cli("request", "list");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toMatch(/^id +customer +kind +incidents +start wanted +contact +state +requested +by$/);
    expect(rows(r.out).map((l) => Number(l.split(" ")[0]))).toEqual([ids.other, ids.open]);
    expect(r.out).toContain("山田 太郎 <yamada@example.jp>");
    expect(r.out).not.toContain("registered");
  });

  it("with --all also shows what was registered (as which contract) and declined (with the reason on one line)", async () => {
    const r = await cli("request", "list", "--all");
    expect(r.code).toBe(0);
    expect(rows(r.out)).toHaveLength(4);
    expect(r.out).toContain(`registered as contract ${renewed}`);
    expect(r.out).toContain("declined: 今期は 見送りとさせてください");
  });

  it("with --customer shows one customer's; --json gives every field", async () => {
    const r = await cli("request", "list", "--all", "--customer", "他社株式会社");
    expect(rows(r.out).map((l) => Number(l.split(" ")[0]))).toEqual([ids.other]);
    const json = await cli("request", "list", "--all", "--json", "--customer", "株式会社サンプル");
    expect(json.code).toBe(0);
    const list = JSON.parse(json.out) as Array<Record<string, unknown>>;
    expect(list.map((x) => x.id)).toEqual([ids.open, ids.declined, ids.registered]);
    expect(list.find((x) => x.id === ids.registered)).toMatchObject({
      customerName: "株式会社サンプル", kind: "renewal", state: "registered", incidents: 12, startsOn: "2027-04-01",
      contactEmail: "yamada@example.jp", note: "来期も\n同じ規模で", requestedBy: CUSTOMER, decidedBy: MANAGER, contractId: renewed, requestedOn: "2026-04-01",
    });
    expect(list.find((x) => x.id === ids.declined)).toMatchObject({ state: "declined", declineReason: "今期は\n見送りとさせてください", decidedBy: MANAGER });
  });

  it("says when nothing is open, or nothing at all", async () => {
    expect((await cli("request", "list", "--customer", "三社目株式会社")).out).toBe("no open requests");
    expect((await cli("request", "list", "--all", "--customer", "三社目株式会社")).out).toBe("no requests");
    expect(JSON.parse((await cli("request", "list", "--customer", "三社目株式会社", "--json")).out)).toEqual([]);
  });

  it("refuses a bad flag with exit 2 and a line naming it", async () => {
    const cases: Array<[string[], string]> = [
      [["request", "list", "--state", "open"], "--state"],
      [["request", "list", "--customer"], "--customer"],
      [["request", "list", "--customer", "存在しない会社"], "--customer"],
      [["request", "list", "--all=yes"], "--all"],
      [["request", "list", "extra"], "extra"],
    ];
    for (const [argv, flag] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err, argv.join(" ")).toContain(flag);
      expect(r.out).toBe("");
    }
  });
});
