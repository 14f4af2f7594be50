import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startApi, type TestApi } from '../fixtures/api';

describe('static web app at /', () => {
  let api: TestApi;
  let webDir: string;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Questline</title><div id="app"></div>');
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log("hi")');
    api = await startApi({ env: { WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await api?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html, assets, and falls back to index.html for client routes', async () => {
    const root = await request(api.url).get('/').set('Accept', 'text/html').expect(200);
    expect(root.text).toContain('<title>Questline</title>');
    const asset = await request(api.url).get('/assets/app.js').expect(200);
    expect(asset.text).toContain('console.log');
    const deep = await request(api.url).get('/exercises/hello-world').set('Accept', 'text/html').expect(200);
    expect(deep.text).toContain('<div id="app">');
  });

  it('keeps /api routes as JSON, including unknown ones', async () => {
    await request(api.url).get('/api/health').expect(200);
    const missing = await request(api.url).get('/api/nope').set('Accept', 'text/html').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404 });
  });

  it('answers /metrics with Prometheus text for curl, browsers and Prometheus itself, never the web app', async () => {
    const accepts = [
      '*/*', // curl
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', // a browser
      'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1',
    ];
    for (const accept of accepts) {
      const res = await request(api.url).get('/metrics').set('Accept', accept).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text.split('\n')[0]).toMatch(/^# (HELP|TYPE) /);
    }
  });

  it('answers an unknown page with the web app and status 404 (its 404 page), known pages with 200', async () => {
    const missing = await request(api.url).get('/no/such/page').set('Accept', 'text/html').expect(404);
    expect(missing.text).toContain('<div id="app">');
    for (const known of ['/signin', '/courses/x', '/exercises/x', '/profile', '/instructor/packs/x']) {
      await request(api.url).get(known).set('Accept', 'text/html').expect(200);
    }
  });

  it('answers the profile route of the api, not the SPA, for /api/me', async () => {
    await request(api.url).get('/api/me').set('Accept', 'text/html').expect(401);
  });
});
