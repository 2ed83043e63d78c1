// HTTP/1.1 over a bare socket, for what fetch hides: slow clients, keep-alive, half-sent bodies.
import { connect, type Socket } from "node:net";
import { once } from "node:events";

export async function openSocket(port: number): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  // A reset shows as "close" to the readers below; unhandled it would fail the run.
  socket.on("error", () => undefined);
  await once(socket, "connect");
  return socket;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Reads one response (Content-Length or chunked body) from the socket. */
export function readResponse(socket: Socket): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString("latin1");
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const [statusLine, ...lines] = buffer.slice(0, end).split("\r\n");
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
      );
      let body = buffer.slice(end + 4);
      if (headers["content-length"] !== undefined) {
        if (body.length < Number(headers["content-length"])) return;
      } else if (headers["transfer-encoding"] === "chunked") {
        if (!body.endsWith("0\r\n\r\n")) return;
        let decoded = "";
        for (let rest = body; ; ) {
          const size = parseInt(rest, 16);
          if (!size) break;
          const start = rest.indexOf("\r\n") + 2;
          decoded += rest.slice(start, start + size);
          rest = rest.slice(start + size + 2);
        }
        body = decoded;
      }
      socket.off("data", onData);
      socket.off("close", onClose);
      resolve({ status: Number(statusLine!.split(" ")[1]), headers, body });
    };
    const onClose = () => reject(new Error(`socket closed before a whole response: ${JSON.stringify(buffer)}`));
    socket.on("data", onData);
    socket.once("close", onClose);
  });
}

export const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: parley\r\nConnection: keep-alive\r\n\r\n`;

/** Resolves with the milliseconds until the server closes the socket. */
export function closedWithin(socket: Socket): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => {
    if (socket.destroyed) resolve(0);
    socket.once("close", () => resolve(performance.now() - start));
    socket.resume();
  });
}
