import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type RequestHandler } from 'express';

/**
 * Serve the built web app (Vite output) at `/` when the folder exists, with an SPA fallback to
 * index.html for GET requests outside /api and /socket.io. Without the folder this is a no-op, so
 * the api runs fine before the web app is built. Returns whether it is serving.
 */
export function installStaticWeb(app: INestApplication, webDir: string): boolean {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  app.use(express.static(webDir, { index: false, maxAge: '1h' }));
  const fallback: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/api' || req.path.startsWith('/api/') || req.path.startsWith('/socket.io')) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  app.use(fallback);
  return true;
}
