import { describe, expect, it } from "vitest";
import { validateBlocks, validateView } from "./block-kit-rules.ts";

const plain = (text: string) => ({ type: "plain_text", text });
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const section = (text: string) => ({ type: "section", text: mrkdwn(text) });
const button = (actionId: string, text = "Go") => ({ type: "button", action_id: actionId, text: plain(text), value: "v" });
const option = (value: string) => ({ text: plain(`Option ${value}`), value });
const input = (blockId: string) => ({
  type: "input",
  block_id: blockId,
  label: plain("Title"),
  element: { type: "plain_text_input", action_id: "title" },
});
const modal = (extra: Record<string, unknown> = {}) => ({
  type: "modal",
  title: plain("Open a case"),
  submit: plain("Open"),
  close: plain("Cancel"),
  blocks: [input("in_title")],
  ...extra,
});

describe("validateBlocks", () => {
  it("accepts a realistic message", () => {
    const blocks = [
      { type: "header", text: plain("Case #42") },
      section("*Printer on fire*"),
      { type: "divider" },
      { type: "context", elements: [mrkdwn("Opened by <@U123>"), { type: "image", image_url: "https://x/y.png", alt_text: "icon" }] },
      {
        type: "actions",
        block_id: "case_42",
        elements: [
          button("case_take", "Take"),
          { type: "static_select", action_id: "level", placeholder: plain("Level"), options: [option("a"), option("b")], initial_option: option("a") },
          { type: "datepicker", action_id: "date", initial_date: "2026-12-01" },
        ],
      },
      { type: "rich_text", elements: [{ type: "rich_text_section", elements: [{ type: "text", text: "hi" }] }] },
      { type: "image", image_url: "https://x/y.png", alt_text: "chart" },
    ];
    expect(validateBlocks(blocks, "message")).toBeNull();
  });

  it("counts blocks per surface: 50 in a message, 100 in a modal or Home tab", () => {
    const blocks = (n: number) => Array.from({ length: n }, () => ({ type: "divider" }));
    expect(validateBlocks(blocks(50), "message")).toBeNull();
    expect(validateBlocks(blocks(51), "message")).toMatch(/at most 50 blocks/);
    expect(validateBlocks(blocks(100), "modal")).toBeNull();
    expect(validateBlocks(blocks(100), "home")).toBeNull();
    expect(validateBlocks(blocks(101), "home")).toMatch(/at most 100 blocks/);
  });

  it("limits section text to 3000 characters and points at the offending field", () => {
    expect(validateBlocks([section("x".repeat(3000))], "message")).toBeNull();
    expect(validateBlocks([section("x".repeat(3001))], "message")).toBe(
      "must be at most 3000 characters (got 3001) [json-pointer:/blocks/0/text/text]",
    );
  });

  it("refuses empty text and a section with neither text nor fields", () => {
    expect(validateBlocks([section("")], "message")).toMatch(/at least 1 character/);
    expect(validateBlocks([{ type: "section" }], "message")).toMatch(/text or fields/);
  });

  it("wants headers in plain_text of at most 150 characters", () => {
    expect(validateBlocks([{ type: "header", text: plain("x".repeat(150)) }], "message")).toBeNull();
    expect(validateBlocks([{ type: "header", text: plain("x".repeat(151)) }], "message")).toMatch(/150/);
    expect(validateBlocks([{ type: "header", text: mrkdwn("*bold*") }], "message")).toMatch(/must be plain_text/);
  });

  it("wants button text in plain_text of at most 75 characters", () => {
    const actions = (b: unknown) => [{ type: "actions", elements: [b] }];
    expect(validateBlocks(actions(button("a", "x".repeat(75))), "message")).toBeNull();
    expect(validateBlocks(actions(button("a", "x".repeat(76))), "message")).toMatch(
      /at most 75 characters.*\/blocks\/0\/elements\/0\/text\/text/,
    );
    expect(validateBlocks(actions({ ...button("a"), text: mrkdwn("Go") }), "message")).toMatch(/must be plain_text/);
  });

  it("limits action_id and block_id to 255 characters and wants block_ids unique", () => {
    expect(validateBlocks([{ type: "actions", elements: [button("a".repeat(256))] }], "message")).toMatch(/255/);
    expect(validateBlocks([{ type: "divider", block_id: "b".repeat(256) }], "message")).toMatch(/255/);
    expect(validateBlocks([{ type: "divider", block_id: "x" }, { type: "divider", block_id: "x" }], "message")).toMatch(
      /duplicate block_id "x".*\/blocks\/1\/block_id/,
    );
    expect(validateBlocks([{ type: "actions", elements: [button("a"), button("a")] }], "message")).toMatch(/duplicate action_id/);
  });

  it("allows at most 25 elements in an actions block", () => {
    const actions = (n: number) => [{ type: "actions", elements: Array.from({ length: n }, (_, i) => button(`b${i}`)) }];
    expect(validateBlocks(actions(25), "message")).toBeNull();
    expect(validateBlocks(actions(26), "message")).toMatch(/at most 25 elements/);
  });

  it("allows at most 100 options in a select, plain_text only, and an initial option among them", () => {
    const select = (options: unknown[], extra: Record<string, unknown> = {}) => [
      { type: "actions", elements: [{ type: "static_select", action_id: "s", options, ...extra }] },
    ];
    const many = (n: number) => Array.from({ length: n }, (_, i) => option(String(i)));
    expect(validateBlocks(select(many(100)), "message")).toBeNull();
    expect(validateBlocks(select(many(101)), "message")).toMatch(/at most 100 options/);
    expect(validateBlocks(select([{ text: mrkdwn("*a*"), value: "a" }]), "message")).toMatch(/must be plain_text/);
    expect(validateBlocks(select(many(2), { initial_option: option("9") }), "message")).toMatch(/one of the provided options/);
  });

  it("keeps input blocks to modals", () => {
    expect(validateBlocks([input("x")], "modal")).toBeNull();
    expect(validateBlocks([input("x")], "message")).toMatch(/only allowed in modals/);
    expect(validateBlocks([input("x")], "home")).toMatch(/only allowed in modals/);
    expect(validateBlocks([{ ...input("x"), label: mrkdwn("Title") }], "modal")).toMatch(/must be plain_text/);
  });

  it("refuses unknown block types and elements out of place", () => {
    expect(validateBlocks([{ type: "sectoin", text: mrkdwn("typo") }], "message")).toMatch(/unknown block type "sectoin"/);
    expect(validateBlocks([{ type: "actions", elements: [{ type: "plain_text_input", action_id: "t" }] }], "message")).toMatch(
      /not allowed here/,
    );
    expect(validateBlocks("not an array", "message")).toMatch(/must be an array/);
  });
});

describe("validateView", () => {
  it("accepts a modal and a Home tab", () => {
    expect(validateView(modal())).toBeNull();
    expect(validateView({ type: "home", blocks: [section("Hello")] })).toBeNull();
  });

  it("limits title, submit and close to 24 plain_text characters", () => {
    expect(validateView(modal({ title: plain("x".repeat(24)) }))).toBeNull();
    expect(validateView(modal({ title: plain("x".repeat(25)) }))).toMatch(/at most 24.*\/view\/title\/text/);
    expect(validateView(modal({ submit: plain("x".repeat(25)) }))).toMatch(/\/view\/submit/);
    expect(validateView(modal({ close: mrkdwn("Close") }))).toMatch(/must be plain_text/);
    expect(validateView(modal({ title: undefined }))).toBe("is required [json-pointer:/view/title]");
  });

  it("limits private_metadata to 3000 characters", () => {
    expect(validateView(modal({ private_metadata: "x".repeat(3000) }))).toBeNull();
    expect(validateView(modal({ private_metadata: "x".repeat(3001) }))).toMatch(/private_metadata/);
  });

  it("needs a submit button when a modal has inputs", () => {
    expect(validateView(modal({ submit: undefined }))).toMatch(/required when a modal contains input blocks \[json-pointer:\/view\/submit\]/);
    expect(validateView(modal({ submit: undefined, blocks: [section("Read only")] }))).toBeNull();
  });

  it("counts blocks as a modal does and keeps inputs out of the Home tab", () => {
    const dividers = Array.from({ length: 101 }, () => ({ type: "divider" }));
    expect(validateView(modal({ blocks: dividers }))).toMatch(/at most 100 blocks/);
    expect(validateView({ type: "home", blocks: [input("x")] })).toMatch(/only allowed in modals/);
    expect(validateView({ type: "workflow_step", blocks: [] })).toMatch(/modal or home/);
  });
});
