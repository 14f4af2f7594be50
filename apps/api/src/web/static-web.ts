import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type RequestHandler } from 'express';

/** Paths the api itself answers: never the web app, whatever the Accept header (curl sends *\/*). */
const API_PATHS = /^\/(api|socket\.io|metrics)(\/|$)/;

/** The web app's routes (apps/web/src/main.tsx); any other path gets index.html with status 404 (its 404 page). */
const WEB_ROUTES = /^\/($|signin$|signup$|courses($|\/[^/]+$)|exercises\/[^/]+$|leaderboards$|profile$|instructor($|\/packs\/[^/]+$))/;

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
    if (API_PATHS.test(req.path)) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    if (!WEB_ROUTES.test(req.path)) res.status(404);
    res.sendFile(index);
  };
  app.use(fallback);
  return true;
}
