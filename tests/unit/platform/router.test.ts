import { FROM_EXTENSION, FROM_PAGE, FROM_STRANGER } from '../support/callers';
import { describe, expect, it, vi } from 'vitest';
import { VaultError } from '../../../platform/errors';
import { route } from '../../../platform/router';

const handlers = {
  'vault.status': vi.fn(async () => ({ exists: true, unlocked: false })),
  'entries.get': vi.fn(async ({ data: { id } }: { data: { id: string } }) => {
    if (id === 'gone') throw new VaultError('not-found', 'No such entry.');
    if (id === 'boom') throw new Error('secret amzn1.oa2-cs.v1.abc leaked into an exception');
    return { meta: { id }, secrets: {} };
  }),
};

describe('route', () => {
  it('runs the handler for a valid message from an extension page', async () => {
    await expect(route({ type: 'vault.status', data: {} }, FROM_EXTENSION, handlers as never)).resolves.toEqual({
      ok: true,
      data: { exists: true, unlocked: false },
    });
  });

  it.each([
    ['not an object', 'hello'],
    ['no type', { data: {} }],
    ['an unknown type', { type: 'vault.dump', data: {} }],
    ['a prototype key as type', { type: 'constructor', data: {} }],
  ])('rejects %s as a bad request', async (_name, message) => {
    const reply = await route(message, FROM_EXTENSION, handlers as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('rejects a payload that fails the schema and never calls the handler', async () => {
    const reply = await route({ type: 'entries.get', data: { id: 42 } }, FROM_EXTENSION, handlers as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(handlers['entries.get']).not.toHaveBeenCalled();
  });

  it('refuses extension-only messages from a content script', async () => {
    const reply = await route({ type: 'entries.get', data: { id: 'a' } }, FROM_PAGE, handlers as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['entries.get']).not.toHaveBeenCalled();
  });

  it('refuses everything from an untrusted sender', async () => {
    const reply = await route({ type: 'vault.status', data: {} }, FROM_STRANGER, handlers as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('passes a VaultError through with its code and sentence', async () => {
    const reply = await route({ type: 'entries.get', data: { id: 'gone' } }, FROM_EXTENSION, handlers as never);
    expect(reply).toEqual({ ok: false, error: { code: 'not-found', message: 'No such entry.' } });
  });

  it('does not echo an internal error, which may hold data', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await route({ type: 'entries.get', data: { id: 'boom' } }, FROM_EXTENSION, handlers as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('amzn1.oa2-cs');
    expect(JSON.stringify(vi.mocked(console.error).mock.calls)).not.toContain('amzn1.oa2-cs');
  });
});
