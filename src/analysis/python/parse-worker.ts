// A parse-pool worker: parses Python text with its own tree-sitter instance and posts the Module back.
// The Module is plain data, so the structured clone of postMessage carries it whole.
import { parentPort } from 'node:worker_threads';
import { createPythonParser } from './parser.js';

export interface ParseRequest {
  id: number;
  code: string;
}

export type ParseReply = { id: number; module: import('./ast.js').Module } | { id: number; error: string };

const port = parentPort;
if (port) {
  // Listen first: requests posted while the grammar loads are queued on the port, not lost.
  const parser = createPythonParser();
  port.on('message', async (request: ParseRequest) => {
    let reply: ParseReply;
    try {
      reply = { id: request.id, module: (await parser).parse(request.code) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}
