// files.*: Slack's two-step external upload. getUploadURLExternal hands out an upload URL on the stand-in itself
// (served by handleUpload), completeUploadExternal shares what arrived there.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isRecord, randomId, refuse, required, stringArg } from "../args.ts";
import { readBody } from "../http.ts";
import type { SlackUpload } from "../types.ts";
import type { Workspace } from "../workspace.ts";
import type { MethodFamily } from "./method.ts";

export function filesMethods(ws: Workspace): MethodFamily {
  return {
    "files.getUploadURLExternal": (args) => {
      const filename = required(args, "filename");
      const lengthText = required(args, "length");
      const length = Number(lengthText);
      if (!Number.isInteger(length) || length <= 0) refuse("invalid_arguments", "[ERROR] length must be a positive integer");
      const fileId = randomId("F");
      ws.pendingUploads.set(fileId, { filename, length });
      return { upload_url: `${ws.origin}/upload/v1/${fileId}`, file_id: fileId };
    },

    "files.completeUploadExternal": (args) => {
      const files = args.files;
      if (files === undefined || files === "") refuse("invalid_arguments", "[ERROR] missing required field: files");
      if (!Array.isArray(files) || files.length === 0) refuse("invalid_arguments", "[ERROR] files must be a non-empty array");
      const channelId = stringArg(args, "channel_id") ?? stringArg(args, "channels")?.split(",")[0];
      const threadTs = stringArg(args, "thread_ts");
      const initialComment = stringArg(args, "initial_comment");
      const done: SlackUpload[] = [];
      for (const file of files) {
        const id = isRecord(file) ? file.id : undefined;
        const pending = typeof id === "string" ? ws.pendingUploads.get(id) : undefined;
        if (typeof id !== "string" || pending === undefined || pending.content === undefined) refuse("file_not_found");
        // The length promised to getUploadURLExternal is bytes; a character count of Japanese text would not match.
        if (pending.content.length !== pending.length) {
          refuse("invalid_arguments", `[ERROR] uploaded ${pending.content.length} bytes, announced ${pending.length}`);
        }
        const title = isRecord(file) && typeof file.title === "string" ? file.title : undefined;
        done.push({
          file_id: id,
          filename: pending.filename,
          content: pending.content,
          ...(title !== undefined ? { title } : {}),
          ...(channelId !== undefined ? { channel_id: channelId } : {}),
          ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
          ...(initialComment !== undefined ? { initial_comment: initialComment } : {}),
        });
      }
      for (const upload of done) {
        ws.pendingUploads.delete(upload.file_id);
        ws.uploads.push(upload);
      }
      return {
        files: done.map((u) => ({ id: u.file_id, name: u.filename, title: u.title ?? u.filename, size: u.content.length })),
      };
    },
  };
}

/** The upload URL itself: takes the file's bytes (raw or as a multipart form) for a pending upload. */
export async function handleUpload(ws: Workspace, req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
  const raw = await readBody(req);
  const pending = ws.pendingUploads.get(fileId);
  if (pending === undefined) {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not_found");
    return;
  }
  const contentType = (req.headers["content-type"] ?? "").toLowerCase();
  let content = raw;
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    for (const [, value] of form) {
      if (typeof value !== "string") {
        content = Buffer.from(await value.arrayBuffer());
        break;
      }
    }
  }
  pending.content = content;
  res.writeHead(200, { "content-type": "text/plain" });
  res.end(`OK - ${content.length}`);
}
