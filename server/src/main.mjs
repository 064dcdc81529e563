#!/usr/bin/env node
// ecomap server command line: node server/src/main.mjs --dist DIR [--port N] [--data DIR | --redis URL].
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createService } from './service.mjs';

const USAGE = `Usage: node server/src/main.mjs --dist DIR [options]
  --port N            port (default 8080; 0 picks a free one)
  --host ADDR         address to listen on (default 127.0.0.1; 0.0.0.0 to reach phones on the network)
  --dist DIR          the built web app (build/web/dist)
  --data DIR          where rooms are kept (default $XDG_DATA_HOME/ecomap/rooms or ~/.local/share/ecomap/rooms)
  --redis URL         share rooms with other instances through Redis (redis://HOST:PORT); rooms live in Redis
  --idle-hours H      delete rooms with no activity for H hours (default 24)
  --public-url URL    the address people use (behind a reverse proxy), for join and projector links
  --trust-proxy       take client addresses from X-Forwarded-For (only behind your own proxy)
  --rooms-per-hour N  rooms one address may create per hour (default 30)
  --joins-per-minute N  join attempts per address per minute (default 600; wrong codes: 20)
  --quiet             no log lines`;

function parse(argv) {
  const o = { port: 8080, host: '127.0.0.1', idleHours: 24 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) fail(`${flag} needs a value`);
      return argv[++i];
    };
    switch (flag) {
      case '--port': o.port = Number(value()); break;
      case '--host': o.host = value(); break;
      case '--dist': o.dist = resolve(value()); break;
      case '--data': o.data = resolve(value()); break;
      case '--redis': o.redis = value(); break;
      case '--idle-hours': o.idleHours = Number(value()); break;
      case '--public-url': o.publicUrl = value(); break;
      case '--trust-proxy': o.trustProxy = true; break;
      case '--quiet': o.quiet = true; break;
      case '--rooms-per-hour': o.roomsPerHour = Number(value()); break;
      case '--joins-per-minute': o.joinsPerMinute = Number(value()); break;
      case '-h': case '--help': console.log(USAGE); process.exit(0); break;
      default: fail(`unknown option '${flag}'`);
    }
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) fail('--port must be a number from 0 to 65535');
  if (!(o.idleHours > 0)) fail('--idle-hours must be a positive number');
  if (o.redis && !/^rediss?:\/\/[^/]+/.test(o.redis)) fail('--redis must look like redis://HOST:PORT');
  if (o.redis && o.data) fail('--data and --redis exclude each other: with --redis, rooms live in Redis');
  if (!o.data) o.data = join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'ecomap', 'rooms');
  return o;
}

function fail(message) {
  console.error(`ecomap serve: ${message}\n${USAGE}`);
  process.exit(2);
}

const o = parse(process.argv.slice(2));
const log = o.quiet ? () => {} : (line) => console.log(`${new Date().toISOString()} ${line}`);
let service;
try {
  service = await createService({
    port: o.port, host: o.host, dist: o.dist, dataDir: o.redis ? undefined : o.data, redisUrl: o.redis,
    idleMs: o.idleHours * 3600 * 1000, publicUrl: o.publicUrl, trustProxy: o.trustProxy, log,
    roomsPerHour: o.roomsPerHour, joinAttemptsPerMinute: o.joinsPerMinute,
  });
} catch (error) {
  const why = error.code === 'EADDRINUSE' ? `port ${o.port} is in use (try --port N)` : error.message;
  console.error(`ecomap serve: cannot start: ${why}`);
  process.exit(1);
}
console.log(`ecomap is served at ${service.url}/  rooms: ${o.redis ? `Redis ${o.redis}` : o.data}  (Ctrl+C stops)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) process.exit(1);
    stopping = true;
    await service.close().catch(() => {});
    process.exit(0);
  });
}
