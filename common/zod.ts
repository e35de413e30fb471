// The one zod every schema is built from: zod's light build (zod/mini), with its English messages.
// The classic build installs dozens of methods per kind of schema the first time one is made, which
// cost the CLI about 15 ms of every start; the mini build makes the same schemas, checks and errors.
import * as z from 'zod/mini';

z.config(z.locales.en());

export { z };
