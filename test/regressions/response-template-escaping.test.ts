/**
 * Regression (apig issue 12, "Gateway-response templates"): `$context.*` values were escaped as JSON whatever
 * the template's content type, so a `<script>` in the query, reflected by `$context.reqUri`, went into a
 * text/html error body as markup. Values are now escaped for the template's content type: JSON string content
 * for JSON types, character references for HTML, XML and every other type, and nothing for text/plain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeFor } from '../../src/gateway/request/context-vars.js';
import { pathsGateway, type PathsGateway } from '../e2e/serve-paths-kit.js';

let t: PathsGateway;
beforeAll(async () => {
  t = await pathsGateway();
});
afterAll(async () => {
  await t.close();
});

const ATTACK = `?q=<script>alert("x")</script>&r='1'&s=a&b`;

describe('a gateway response template', () => {
  it('text/html: the reflected query is character references, in text and in attributes', async () => {
    const r = await t.send(`/reflect/html${ATTACK}`);
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toBe('text/html');
    expect(r.body).not.toContain('<script>');
    const uri = '/reflect/html?q=&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;r=&#39;1&#39;&amp;s=a&amp;b';
    expect(r.body).toBe(`<html><body><p title="${uri}">Bad request: ${uri}</p></body></html>`);
  });

  it('application/xml: the same', async () => {
    const r = await t.send(`/reflect/xml${ATTACK}`);
    expect(r.headers['content-type']).toBe('application/xml');
    expect(r.body).not.toContain('<script>');
    expect(r.body).toContain('&lt;script&gt;alert(&quot;x&quot;)');
  });

  it('application/json: JSON string content, so the body parses to the value', async () => {
    const r = await t.send(`/reflect/json${ATTACK}`);
    expect(r.json()).toEqual({ uri: `/reflect/json${ATTACK}`, error: 'APIG.0201' });
  });

  it('text/plain: the value as it is', async () => {
    const r = await t.send(`/reflect/text${ATTACK}`);
    expect(r.body).toBe(`Bad request: /reflect/text${ATTACK}`);
  });

  it('chooses by media type, case and parameters aside', () => {
    expect(escapeFor('Application/Problem+JSON; charset=utf-8')('"<')).toBe('\\"<');
    expect(escapeFor('image/svg+xml')('<a>')).toBe('&lt;a&gt;');
    expect(escapeFor('application/javascript')('</script>')).toBe('&lt;/script&gt;');
    expect(escapeFor('TEXT/PLAIN; charset=utf-8')('<a>')).toBe('<a>');
  });
});
