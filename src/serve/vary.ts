import type { FastifyReply } from 'fastify';

/** Adds a request header to the Vary header of an answer, keeping those already named. */
export function addVary(reply: FastifyReply, header: string): void {
  const current = String(reply.getHeader('vary') ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  if (!current.some((name) => name.toLowerCase() === header.toLowerCase())) reply.header('Vary', [...current, header].join(', '));
}
