#!/usr/bin/env node
import { runMockServerCommand } from '../dist/cli.js';

await runMockServerCommand(process.argv.slice(2));
